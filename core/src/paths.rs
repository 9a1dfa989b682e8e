//! Where the journal lives by default. The shell and the command line both ask here, so
//! the window and `tandem where` always agree.

use std::path::PathBuf;

/// The app's identifier: also Tauri's `identifier`, and the name of its data folder.
pub const APP_IDENTIFIER: &str = "org.tandemjournal.tandem";
pub const JOURNAL_FILE_NAME: &str = "journal.sqlite3";

/// `$XDG_DATA_HOME/<identifier>/journal.sqlite3` on Linux (the platform's app-data folder
/// elsewhere). `None` when the platform has no such folder (no home directory).
pub fn default_journal_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join(JOURNAL_FILE_NAME))
}

/// The journal file for a `--db` option (which `TANDEM_DB` also sets): that path, or the
/// default when it is missing or empty.
pub fn journal_path(db: Option<PathBuf>) -> Option<PathBuf> {
    match db {
        Some(path) if !path.as_os_str().is_empty() => Some(path),
        _ => default_journal_path(),
    }
}

/// This install's device id: 16 hex digits, made once and kept in the app's config folder
/// (`$XDG_CONFIG_HOME/<identifier>/device-id`), never in the journal, so a journal copied
/// or restored elsewhere writes with that computer's id. It marks the journal's revision
/// stamps (which computer wrote what). When the folder cannot be read or written, an id
/// for this run only: the stamps stay unique, only which computer is not remembered.
pub fn device_id() -> &'static str {
    static DEVICE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DEVICE.get_or_init(|| {
        dirs::config_dir()
            .and_then(|dir| kept_device_id(&dir.join(APP_IDENTIFIER)))
            .unwrap_or_else(new_device_id)
    })
}

fn is_device_id(text: &str) -> bool {
    text.len() == 16
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn new_device_id() -> String {
    format!("{:016x}", uuid::Uuid::new_v4().as_u64_pair().0)
}

fn kept_device_id(dir: &std::path::Path) -> Option<String> {
    let file = dir.join("device-id");
    if let Ok(text) = std::fs::read_to_string(&file) {
        let text = text.trim();
        if is_device_id(text) {
            return Some(text.to_owned());
        }
    }
    let id = new_device_id();
    std::fs::create_dir_all(dir).ok()?;
    // Written whole under another name, then renamed: a reader never sees half an id.
    let part = dir.join(format!("device-id.{}", std::process::id()));
    std::fs::write(&part, format!("{id}\n")).ok()?;
    std::fs::rename(&part, &file).ok()?;
    // Two first starts at once: both keep whichever id was renamed last.
    std::fs::read_to_string(&file)
        .ok()
        .map(|t| t.trim().to_owned())
        .filter(|t| is_device_id(t))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_device_id_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let first = kept_device_id(dir.path()).unwrap();
        assert!(is_device_id(&first), "{first}");
        assert_eq!(kept_device_id(dir.path()).unwrap(), first);
        // A damaged file gets a new id rather than a bad one.
        std::fs::write(dir.path().join("device-id"), "not an id").unwrap();
        let second = kept_device_id(dir.path()).unwrap();
        assert!(is_device_id(&second) && second != first);
    }

    #[test]
    fn device_ids_are_sixteen_hex_digits() {
        assert!(is_device_id("0123456789abcdef"));
        assert!(!is_device_id("0123456789ABCDEF"));
        assert!(!is_device_id("0123456789abcde"));
        assert_ne!(new_device_id(), new_device_id());
    }
}
