//! The desktop window: builds the Tauri app, opens the window and hands it its first
//! screen. Opening the journal can fail (a damaged file, one from a newer Tandem): the
//! window still opens and the UI explains and offers a backup, rather than the app
//! vanishing. The journal's life itself is `tandem_core::life`; its state here, `state.rs`.

use std::path::PathBuf;
use std::time::Duration;

use tauri::Manager;

use crate::commands;
use crate::error::Result;
use crate::state::AppState;

/// How long the window waits, at most, for its first screen to be read before it opens
/// without it (the page then asks for it over IPC, as for everything else). Reading it
/// runs alongside the shell's own start and is done long before, unless the disk is slow.
const FIRST_SCREEN_WAIT: Duration = Duration::from_millis(300);

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
