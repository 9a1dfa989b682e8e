//! Who may change a journal while the window has it open: nobody else.
//!
//! Reading is safe from any number of processes (SQLite's own locking; see `files.rs` for
//! what keeps it intact). Writing from a second Tandem while the window runs is refused:
//! the window would not see a restore or an import happen under it, and a newer command
//! line could migrate the journal under an older window. So the window holds an exclusive
//! lock on `<journal>.lock` for as long as it has the journal open, and every command that
//! writes takes a shared one first, and is refused while the window's is held.
//!
//! The lock is an advisory `flock` on a separate file, never on the journal: it shares
//! nothing with SQLite's `fcntl` locks, and taking or dropping it cannot disturb them.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::create_private_dir;
use crate::error::{Error, Result};

/// A hold on a journal: the window's (exclusive) or a writing command's (shared). Released
/// when dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct JournalLock {
    _file: File,
}

/// The lock file of the journal at `journal`: `journal.sqlite3.lock` beside it.
fn lock_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    journal.with_file_name(name)
}

impl JournalLock {
    /// The window's hold: exclusive, for as long as it has the journal open. Waits up to
    /// `wait` while a command that writes is running (it ends on its own); still held after
    /// that (another window, a command that hangs) is [`Error::InUse`].
    pub fn for_window(journal: &Path, wait: Duration) -> Result<JournalLock> {
        let (path, file) = open(journal)?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(JournalLock { _file: file }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::InUse {
                        path: journal.display().to_string(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
    }

    /// A writing command's hold: shared with other commands, refused at once with
    /// [`Error::InUse`] while a window has the journal open.
    pub fn for_command(journal: &Path) -> Result<JournalLock> {
        let (path, file) = open(journal)?;
        match file.try_lock_shared() {
            Ok(()) => Ok(JournalLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::InUse {
                path: journal.display().to_string(),
            }),
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }
}

fn open(journal: &Path) -> Result<(PathBuf, File)> {
    if let Some(dir) = journal.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
    }
    let path = lock_path(journal);
    let mut options = OpenOptions::new();
    // Never truncated or removed: removing a lock file races with whoever opens it next.
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&path).map_err(|e| Error::io(&path, e))?;
    Ok((path, file))
}
