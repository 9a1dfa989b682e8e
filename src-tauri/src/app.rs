//! The desktop window. Opening the journal can fail (a damaged file, one from a newer
//! Tandem): the window still opens and the UI explains and offers a backup, rather than
//! the app vanishing.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use tandem_core::model::JournalInfo;
use tandem_core::{ErrorPayload, IntegrityCheck, Store};
use tauri::Manager;

use crate::commands;
use crate::error::Result;

/// The journal file the window works on, and the open store (or why it could not open).
pub struct Journal {
    pub path: PathBuf,
    pub store: Result<Store, ErrorPayload>,
}

impl Journal {
    /// Opens without reading the whole file first, so the window shows it at once; the
    /// integrity check runs later (`check_journal`, or before the first write).
    pub fn open(path: PathBuf) -> Journal {
        let store = Store::open_deferring_check(&path).map_err(|e| ErrorPayload::from(&e));
        Journal { path, store }
    }

    /// The integrity check this journal still owes, if any.
    pub fn pending_check(&self) -> Option<Arc<IntegrityCheck>> {
        self.store.as_ref().ok().and_then(Store::integrity_check)
    }

    /// `check` (this journal's, run by the caller) found it damaged: close it, so that
    /// every command from now on says so and the UI offers a backup.
    pub fn failed_check(&mut self, check: &Arc<IntegrityCheck>, error: ErrorPayload) {
        if self.pending_check().is_some_and(|c| Arc::ptr_eq(&c, check)) {
            self.store = Err(error);
        }
    }

    pub fn info(&self) -> JournalInfo {
        JournalInfo {
            path: self.path.display().to_string(),
            error: self.store.as_ref().err().cloned(),
        }
    }
}

pub struct AppState {
    /// Replaced when a backup is restored or the user chooses another file.
    journal: Mutex<Journal>,
    /// The journal being opened at start-up, on its own thread while the window and the
    /// web view start; the first command to need it waits for it (see [`AppState::lock`]).
    opening: Mutex<Option<JoinHandle<Journal>>>,
}

/// How long after start-up the daily backup begins: its integrity check reads the whole
/// file, which should not compete with the first screen for the disk and the CPU.
const BACKUP_DELAY: Duration = Duration::from_secs(10);

/// What other commands get while a backup is being restored over the journal.
pub fn restoring() -> ErrorPayload {
    ErrorPayload {
        code: "busy".into(),
        message: "A backup is being restored. Try again in a moment.".into(),
        field: None,
    }
}

pub fn internal() -> ErrorPayload {
    ErrorPayload {
        code: "internal".into(),
        message: "Tandem hit an internal error. Restart it; everything already saved is safe."
            .into(),
        field: None,
    }
}

impl AppState {
    /// Starts opening the journal at `path` on its own thread and returns at once.
    fn opening(path: PathBuf) -> AppState {
        let placeholder = Journal {
            path: path.clone(),
            store: Err(internal()),
        };
        let opener = std::thread::spawn(move || {
            let journal = Journal::open(path.clone());
            // Once a day, a backup: on its own connection and thread, a little later, and
            // only of a journal that passed its integrity check.
            if journal.store.is_ok() {
                let check = journal.pending_check();
                std::thread::spawn(move || {
                    std::thread::sleep(BACKUP_DELAY);
                    if check.is_none_or(|c| c.run().is_ok())
                        && let Ok(store) = Store::open_deferring_check(&path)
                    {
                        let _ = store.auto_backup(chrono::Utc::now());
                    }
                });
            }
            journal
        });
        AppState {
            journal: Mutex::new(placeholder),
            opening: Mutex::new(Some(opener)),
        }
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
        let mut guard = self.lock()?;
        let store = guard.store.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(|e| ErrorPayload::from(&e))
    }
}

pub fn run(path: PathBuf) -> Result<()> {
    // The journal opens (and its integrity is checked) while the window starts.
    let state = AppState::opening(path);
    tauri::Builder::default()
        // First: a second `tandem` start focuses this window instead of racing it for the file.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::journal_info,
            commands::check_journal,
            commands::list_partnerships,
            commands::get_partnership,
            commands::create_partnership,
            commands::update_partnership,
            commands::list_sessions,
            commands::get_session,
            commands::create_session,
            commands::update_session,
            commands::load_sample,
            commands::export_report,
            commands::list_backups,
            commands::backup_now,
            commands::restore_backup,
            commands::open_journal,
            commands::list_topics,
            commands::list_action_items,
            commands::open_action_items,
            commands::create_action_item,
            commands::update_action_item,
            commands::list_goals,
            commands::get_goal,
            commands::create_goal,
            commands::update_goal,
            commands::create_milestone,
            commands::update_milestone,
            commands::add_progress,
            commands::update_progress,
            commands::dashboard,
            commands::search,
            commands::move_to_trash,
            commands::restore_from_trash,
            commands::list_trash,
            commands::empty_trash,
            commands::swot_board,
            commands::start_snapshot,
            commands::update_snapshot,
            commands::add_swot_item,
            commands::update_swot_item,
            commands::move_swot_item,
            commands::link_swot_items,
            commands::compare_snapshots,
            commands::list_tows,
            commands::create_tows,
            commands::update_tows,
            commands::tows_to_goal,
            commands::render_markdown,
            commands::startup_mark,
        ])
        .run(tauri::generate_context!())?;
    Ok(())
}
