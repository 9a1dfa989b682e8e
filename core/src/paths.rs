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
