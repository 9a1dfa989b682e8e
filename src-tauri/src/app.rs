//! The desktop window: builds the Tauri app, opens the window and hands it its first
//! screen. Opening the journal can fail (a damaged file, one from a newer Tandem): the
//! window still opens and the UI explains and offers a backup, rather than the app
//! vanishing. The journal's life itself is `tandem_core::life`; its state here, `state.rs`.

use std::path::PathBuf;
use std::time::Duration;

use tauri::Manager;
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

use crate::commands;
use crate::error::Result;
use crate::state::AppState;

/// How long the window waits, at most, for its first screen to be read before it opens
/// without it (the page then asks for it over IPC, as for everything else). Reading it
/// runs alongside the shell's own start and is done long before, unless the disk is slow.
const FIRST_SCREEN_WAIT: Duration = Duration::from_millis(300);

/// What of the window is remembered: its size, place and whether it is maximised.
const WINDOW_STATE: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// How long the window must stay put after a move or resize before its state is saved.
const WINDOW_STATE_QUIET: Duration = Duration::from_millis(500);

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
        // The window opens where, and as large as, it was left (maximised or not); kept in
        // this computer's config folder, never in the journal, which may move between
        // computers. Only size, place and maximised: the window's own start shows it.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(WINDOW_STATE)
                .build(),
        )
        .manage(state)
        .setup(move |app| {
            open_window(app, first_screen.recv_timeout(FIRST_SCREEN_WAIT).ok())?;
            Ok(())
        })
        .invoke_handler(commands::handler())
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
    save_window_state_when_settled(&window);
    software_rendering(&window)
}

/// The window-state plugin saves only when the app exits normally; a window ended any
/// other way (the session logging out, a crash, a kill) would open at its old size. So
/// the state is also saved once the window has stopped moving or resizing for a moment,
/// on a thread of its own (a drag sends many events; one write follows the last).
fn save_window_state_when_settled(window: &tauri::WebviewWindow) {
    let (changed, changes) = std::sync::mpsc::channel::<()>();
    window.on_window_event(move |event| {
        if matches!(
            event,
            tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_)
        ) {
            let _ = changed.send(());
        }
    });
    let app = window.app_handle().clone();
    std::thread::spawn(move || {
        while changes.recv().is_ok() {
            while changes.recv_timeout(WINDOW_STATE_QUIET).is_ok() {}
            // A state that cannot be written costs only the window's place next time.
            let _ = app.save_window_state(WINDOW_STATE);
        }
    });
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
