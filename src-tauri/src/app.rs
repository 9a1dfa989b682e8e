//! The desktop window. Opening the journal can fail (a damaged file, one from a newer
//! Tandem): the window still opens and the UI explains and offers a backup, rather than
//! the app vanishing.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use tandem_core::model::{FirstScreen, JournalInfo};
use tandem_core::{ErrorPayload, IntegrityCheck, JournalLock, Store};
use tauri::Manager;

use crate::commands;
use crate::error::Result;

/// The journal file the window works on, and the open store (or why it could not open).
pub struct Journal {
    pub path: PathBuf,
    pub store: Result<Store, ErrorPayload>,
    /// The window's hold on the journal, kept across a restore: while it is held, a
    /// command line that would write to this journal is refused (`JournalLock`). `None`
    /// when the lock file could not be made (a read-only folder, where nobody can write).
    _lock: Option<JournalLock>,
}

impl Journal {
    /// Takes the window's hold on the journal (waiting while a command line writes to it),
    /// then opens it without reading the whole file first, so the window shows it at once;
    /// the integrity check runs later (`check_journal`, or before the first write).
    pub fn open(path: PathBuf) -> Journal {
        let lock = match JournalLock::for_window(&path, LOCK_WAIT) {
            Ok(lock) => Some(lock),
            Err(e) if e.code() == "journal_in_use" => {
                return Journal {
                    store: Err(in_use()),
                    ..Journal::placeholder(path)
                };
            }
            // No lock file (a read-only folder, where no command can write either): the
            // journal still opens.
            Err(e) => {
                eprintln!("tandem: {e}");
                None
            }
        };
        let mut journal = Journal {
            _lock: lock,
            ..Journal::placeholder(path)
        };
        journal.reopen();
        journal
    }

    /// Opens the store again on the same file (after a restore), keeping the hold on it.
    pub fn reopen(&mut self) {
        self.store = Err(internal());
        self.store = Store::open_deferring_check(&self.path).map_err(|e| ErrorPayload::from(&e));
    }

    /// A journal not opened (yet): no store, no hold on the file.
    pub fn placeholder(path: PathBuf) -> Journal {
        Journal {
            path,
            store: Err(internal()),
            _lock: None,
        }
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

    /// What the window shows first, read now so the page has it when it loads; `None`
    /// when reading it failed (the page then asks, and is told why).
    fn first_screen(&self) -> Option<FirstScreen> {
        match &self.store {
            Ok(store) => store.first_screen(self.info(), commands::today()).ok(),
            Err(_) => Some(FirstScreen::unavailable(self.info())),
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

/// How long the window waits, at most, for its first screen to be read before it opens
/// without it (the page then asks for it over IPC, as for everything else). Reading it
/// runs alongside the shell's own start and is done long before, unless the disk is slow.
const FIRST_SCREEN_WAIT: Duration = Duration::from_millis(300);

/// How long the window waits for a command that is writing to the journal to finish
/// before it says the journal is in use.
const LOCK_WAIT: Duration = Duration::from_secs(30);

/// What the window shows when something else still holds the journal after [`LOCK_WAIT`].
fn in_use() -> ErrorPayload {
    ErrorPayload {
        code: "journal_in_use".into(),
        message: "Another Tandem is using this journal (a window, or a command that is changing it), so this window has not opened it. Close the other one, then start Tandem again.".into(),
        field: None,
    }
}

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
    /// Starts opening the journal at `path` on its own thread and returns at once; the
    /// receiver gets the first screen (as JSON) as soon as it has been read.
    fn opening(path: PathBuf) -> (AppState, Receiver<String>) {
        let (first_screen, first_screen_read) = channel();
        let placeholder = Journal::placeholder(path.clone());
        let opener = std::thread::spawn(move || {
            let journal = Journal::open(path.clone());
            if let Some(json) = journal
                .first_screen()
                .and_then(|screen| serde_json::to_string(&screen).ok())
            {
                let _ = first_screen.send(json);
            }
            // Once a day, a backup: on its own read-only connection and thread, a little
            // later, and only of a journal that passed its integrity check.
            if journal.store.is_ok() {
                let check = journal.pending_check();
                std::thread::spawn(move || {
                    std::thread::sleep(BACKUP_DELAY);
                    if check.is_none_or(|c| c.run().is_ok())
                        && let Ok(Some(store)) = Store::open_read_only(&path)
                    {
                        let _ = store.auto_backup(chrono::Utc::now());
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
        let mut guard = self.lock()?;
        let store = guard.store.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(|e| ErrorPayload::from(&e))
    }
}

pub fn run(path: PathBuf) -> Result<()> {
    // The journal opens, and its first screen is read, while the window starts.
    let (state, first_screen) = AppState::opening(path);
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
        .setup(move |app| {
            open_window(app, first_screen.recv_timeout(FIRST_SCREEN_WAIT).ok())?;
            Ok(())
        })
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

/// Opens the main window (`tauri.conf.json` describes it, with `create: false` so that it
/// is made here). `first_screen` is handed to the page as `window.__TANDEM_FIRST_SCREEN__`
/// (the UI's Tauri backend answers its first calls from it), so the first screen is drawn
/// without waiting for a round trip to this process.
fn open_window(app: &tauri::App, first_screen: Option<String>) -> tauri::Result<()> {
    let Some(config) = app.config().app.windows.first() else {
        return Ok(());
    };
    let mut builder = tauri::WebviewWindowBuilder::from_config(app.handle(), config)?;
    if let Some(json) = first_screen {
        // JSON is a JavaScript expression; this is a script, not HTML, so no escaping.
        builder =
            builder.initialization_script(format!("window.__TANDEM_FIRST_SCREEN__ = {json};"));
    }
    let window = builder.build()?;
    software_rendering(&window)
}

/// Tandem draws text, lists and forms: no video, WebGL or 3D. WebKit's GPU compositing
/// buys it nothing, and costs about 100 MB (measured in `docs/BENCHMARKS.md`), most of it
/// without a GPU, where Mesa renders the layers in software. So the web view paints
/// without it, unless `TANDEM_GPU_COMPOSITING=1` asks for WebKit's default.
#[cfg(target_os = "linux")]
fn software_rendering(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if std::env::var_os("TANDEM_GPU_COMPOSITING").is_some_and(|v| v == "1") {
        return Ok(());
    }
    window.with_webview(|webview| {
        if let Some(settings) = WebViewExt::settings(&webview.inner()) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}

#[cfg(not(target_os = "linux"))]
fn software_rendering(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}
