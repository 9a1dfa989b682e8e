//! The life of the journal a window works on: opening it (holding the window's lock, with
//! the whole-file check deferred), a check that fails later, restoring a backup over it,
//! switching to another file, the first screen and the daily backup. The desktop shell
//! keeps only the threads and the window; every transition is here, and tested in
//! `core/tests/it/life.rs`.
//!
//! Architecture invariant: the window's [`JournalLock`] is held for as long as the journal
//! is open, across a restore, and released before another file is opened; nothing but
//! SQLite opens the journal meanwhile (`store/files.rs`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, ErrorCode, ErrorPayload, Result};
use crate::model::{FirstScreen, JournalInfo};
use crate::store::{BackupInfo, IntegrityCheck, JournalLock, RestoreReport, Store};

/// How long opening waits for a command that is writing to the journal to finish before
/// it says the journal is in use.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// The journal file a window works on, and the open store (or why it is not open).
pub struct Journal {
    path: PathBuf,
    store: std::result::Result<Store, ErrorPayload>,
    /// The window's hold on the file. `None` when the lock file could not be made (a
    /// read-only folder, where no command can write either).
    lock: Option<JournalLock>,
}

impl Journal {
    /// A journal not opened (yet): no store, no hold on the file; every use says so.
    pub fn unopened(path: PathBuf) -> Journal {
        Journal {
            path,
            store: Err(not_open()),
            lock: None,
        }
    }

    /// Takes the window's hold on the journal (waiting up to `wait` while a command writes
    /// to it), then opens it without reading the whole file first, so a window can show it
    /// at once; the integrity check is owed ([`Journal::pending_check`]).
    pub fn open(path: PathBuf, wait: Duration) -> Journal {
        let lock = match JournalLock::for_window(&path, wait) {
            Ok(lock) => Some(lock),
            Err(Error::InUse { .. }) => {
                return Journal {
                    store: Err(in_use()),
                    ..Journal::unopened(path)
                };
            }
            // No lock file (a read-only folder, where nobody can write): it still opens.
            Err(_) => None,
        };
        let mut journal = Journal {
            lock,
            ..Journal::unopened(path)
        };
        journal.reopen();
        journal
    }

    fn reopen(&mut self) {
        self.store = Err(not_open());
        self.store = Store::open_deferring_check(&self.path).map_err(|e| ErrorPayload::from(&e));
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this journal holds the window's lock on its file.
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// The open store, or why there is none (what the UI is shown).
    pub fn store(&mut self) -> std::result::Result<&mut Store, ErrorPayload> {
        self.store.as_mut().map_err(|e| e.clone())
    }

    /// Runs `f` on the open store; its error becomes what the UI is shown.
    pub fn with<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T>,
    ) -> std::result::Result<T, ErrorPayload> {
        f(self.store()?).map_err(|e| ErrorPayload::from(&e))
    }

    /// The file, and why it is not open if it is not.
    pub fn info(&self) -> JournalInfo {
        JournalInfo {
            path: self.path.display().to_string(),
            error: self.store.as_ref().err().cloned(),
        }
    }

    /// The integrity check this journal still owes, to run off the thread that holds the
    /// journal; then [`Journal::failed_check`] if it fails.
    pub fn pending_check(&self) -> Option<Arc<IntegrityCheck>> {
        self.store.as_ref().ok().and_then(Store::integrity_check)
    }

    /// `check` (this journal's) found it damaged: close it, so that every use from now on
    /// says so and the UI offers a backup. A check of a journal since replaced (restored,
    /// switched) changes nothing.
    pub fn failed_check(&mut self, check: &Arc<IntegrityCheck>, error: ErrorPayload) {
        if self.pending_check().is_some_and(|c| Arc::ptr_eq(&c, check)) {
            self.store = Err(error);
        }
    }

    /// What a window shows first; `None` when reading it failed (the page then asks, and
    /// is told why).
    pub fn first_screen(&self, today: NaiveDate) -> Option<FirstScreen> {
        match &self.store {
            Ok(store) => store.first_screen(self.info(), today).ok(),
            Err(_) => Some(FirstScreen::unavailable(self.info())),
        }
    }

    /// The backups of this journal, newest first (whether or not it opened: they are what
    /// a damaged journal is restored from).
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        crate::store::list_backups(&self.path)
    }

    /// Restores `backup` over the journal: closes the store (keeping the window's hold on
    /// the file, so no command writes meanwhile), restores, and opens the result, which is
    /// open afterwards whether or not the restore succeeded.
    pub fn restore(&mut self, backup: &Path) -> Result<RestoreReport> {
        self.store = Err(restoring());
        let restored = crate::store::restore(&self.path, backup);
        self.reopen();
        restored
    }

    /// Closes this journal (releasing its lock) and opens the one at `path` instead,
    /// which may be the same file.
    pub fn switch_to(&mut self, path: PathBuf, wait: Duration) {
        *self = Journal::unopened(self.path.clone());
        *self = Journal::open(path, wait);
    }

    /// The daily backup of this journal, to run on its own thread (see [`DailyBackup`]);
    /// `None` when the journal is not open.
    pub fn daily_backup(&self) -> Option<DailyBackup> {
        self.store.as_ref().ok().map(|store| DailyBackup {
            path: self.path.clone(),
            check: store.integrity_check(),
        })
    }
}

/// The once-a-day backup of an open journal: on its own read-only connection (so the
/// window goes on meanwhile), only once the journal has passed its integrity check, and
/// only when the newest backup is a day old (`Store::auto_backup`).
pub struct DailyBackup {
    path: PathBuf,
    check: Option<Arc<IntegrityCheck>>,
}

impl DailyBackup {
    /// Makes the backup if one is due; the one made, if any.
    pub fn run(self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        if let Some(check) = &self.check {
            check.run()?;
        }
        match Store::open_read_only(&self.path)? {
            Some(store) => store.auto_backup(now),
            None => Ok(None),
        }
    }
}

fn not_open() -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::Internal,
        message: "The journal is not open yet. Try again in a moment.".into(),
        field: None,
    }
}

/// What other uses get while a backup is being restored over the journal.
pub fn restoring() -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::Busy,
        message: "A backup is being restored. Try again in a moment.".into(),
        field: None,
    }
}

/// Why a window did not open a journal that something else still holds.
fn in_use() -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::JournalInUse,
        message: "Another Tandem is using this journal (a window, or a command that is changing it), so this window has not opened it. Close the other one, then start Tandem again.".into(),
        field: None,
    }
}
