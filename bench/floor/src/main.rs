//! The floor: a bare Tauri 2 window whose page reports when it has loaded. With
//! `TANDEM_STARTUP_MARK=<file>` set, the first `startup_mark` call writes the milliseconds
//! since `main` started, and the wall-clock time, to that file (the same format as Tandem's).
#![forbid(unsafe_code)]

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

static STARTED: OnceLock<Instant> = OnceLock::new();
static MARKED: OnceLock<()> = OnceLock::new();

#[tauri::command]
fn startup_mark(timings: serde_json::Value) {
    let Some(file) = std::env::var_os("TANDEM_STARTUP_MARK") else {
        return;
    };
    if MARKED.set(()).is_err() {
        return;
    }
    let since_main = STARTED
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    let unix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let mark =
        serde_json::json!({ "since_main_ms": since_main, "unix_ms": unix, "timings": timings });
    if let Err(e) = std::fs::write(&file, mark.to_string()) {
        eprintln!("could not write the start-up mark: {e}");
    }
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![startup_mark])
        .run(tauri::generate_context!())
        .expect("the floor window failed to start");
}
