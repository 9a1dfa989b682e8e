//! What the window's commands share: the journal (`tandem_core::life::Journal`), opened on
//! its own thread at start-up, and the threads around it (the first screen, the daily
//! backup). The transitions themselves are the core's; only threads and locks are here.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use tandem_core::api::today;
use tandem_core::life::{Journal, LOCK_WAIT};
use tandem_core::{ErrorCode, ErrorPayload, Store};

/// How long after start-up the daily backup begins: its integrity check reads the whole
/// file, which should not compete with the first screen for the disk and the CPU.
const BACKUP_DELAY: Duration = Duration::from_secs(10);

pub struct AppState {
    /// Replaced when the user chooses another file; restored over in place.
    journal: Mutex<Journal>,
    /// The journal being opened at start-up, on its own thread while the window and the
    /// web view start; the first command to need it waits for it (see [`AppState::lock`]).
    opening: Mutex<Option<JoinHandle<Journal>>>,
}

pub fn internal() -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::Internal,
        message: "Tandem hit an internal error. Restart it; everything already saved is safe."
            .into(),
        field: None,
    }
}

impl AppState {
    /// Starts opening the journal at `path` on its own thread and returns at once; the
    /// receiver gets the first screen (as JSON) as soon as it has been read.
    pub fn opening(path: PathBuf) -> (AppState, Receiver<String>) {
        let (first_screen, first_screen_read) = channel();
        let placeholder = Journal::unopened(path.clone());
        let opener = std::thread::spawn(move || {
            let journal = Journal::open(path, LOCK_WAIT);
            if let Some(json) = journal
                .first_screen(today())
                .and_then(|screen| serde_json::to_string(&screen).ok())
            {
                let _ = first_screen.send(json);
            }
            // Once a day, a backup: on its own thread, a little later.
            if let Some(backup) = journal.daily_backup() {
                std::thread::spawn(move || {
                    std::thread::sleep(BACKUP_DELAY);
                    if let Err(e) = backup.run(chrono::Utc::now()) {
                        eprintln!("tandem: the daily backup failed: {e}");
                    }
                });
            }
            journal
        });
        let state = AppState {
            journal: Mutex::new(placeholder),
            opening: Mutex::new(Some(opener)),
        };
        (state, first_screen_read)
    }

    /// The open journal; the first call waits until the start-up open has finished.
    pub fn lock(&self) -> Result<MutexGuard<'_, Journal>, ErrorPayload> {
        // Always the journal first, then the opener: one order, so no deadlock.
        let mut journal = self.journal.lock().map_err(|_| internal())?;
        let opener = self.opening.lock().map_err(|_| internal())?.take();
        if let Some(opener) = opener {
            *journal = opener.join().map_err(|_| internal())?;
        }
        Ok(journal)
    }

    /// Runs `f` on the open journal; the error becomes what the UI is shown.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> tandem_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        self.lock()?.with(f)
    }
}
