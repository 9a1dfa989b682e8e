//! The IPC commands: each deserialises its arguments, calls one core function and maps the
//! error. Nothing here that a test of the core could not reach.

use std::path::PathBuf;

use tandem_core::api::prelude::*;
use tandem_core::report::{Progress, ReportOptions};
use tandem_core::{ErrorPayload, model::ReportFile};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::state::{self, AppState};

type Reply<T> = Result<T, ErrorPayload>;

/// The table's commands (`tandem_core::with_commands!`) as Tauri commands, and the handler
/// of every command the window has: the table's and its own (`host`, `window`), below.
macro_rules! tauri_commands {
    (
        store { $( $(#[doc = $sd:literal])* $sn:ident ( $($sa:ident : $st:ty),* ) -> $sr:ty = $sb:expr ; )* }
        journal { $( $(#[doc = $jd:literal])* $jn:ident ( $($ja:ident : $jt:ty),* ) -> $jr:ty = $jb:expr ; )* }
        pure { $( $(#[doc = $pd:literal])* $pn:ident ( $($pa:ident : $pt:ty),* ) -> $pr:ty = $pb:expr ; )* }
        host { $( $(#[doc = $hd:literal])* $hn:ident ( $($ha:ident : $ht:ty),* ) -> $hr:ty ; )* }
        window { $( $wn:ident ; )* }
    ) => {
        // Async, like every command that reads the journal: it may wait for the start-up
        // open, which must not hold up the main (window) thread.
        $(
            $(#[doc = $sd])*
            #[tauri::command(rename_all = "snake_case")]
            pub async fn $sn(state: State<'_, AppState>, $($sa: $st),*) -> Reply<$sr> {
                state.with($sb)
            }
        )*
        $(
            $(#[doc = $jd])*
            #[tauri::command(rename_all = "snake_case")]
            pub async fn $jn(state: State<'_, AppState>, $($ja: $jt),*) -> Reply<$jr> {
                tandem_core::api::on_journal(&mut *state.lock()?, $jb)
            }
        )*
        $(
            $(#[doc = $pd])*
            #[tauri::command(rename_all = "snake_case")]
            pub async fn $pn($($pa: $pt),*) -> Reply<$pr> {
                Ok($pb)
            }
        )*

        /// Every command the window answers.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($sn,)* $($jn,)* $($pn,)* $($hn,)* $($wn,)*]
        }
    };
}

tandem_core::with_commands!(tauri_commands);

/// Runs the integrity check the journal still owes (reading the whole file, off the lock so
/// other commands go on meanwhile) and reports the journal again: with its error when the
/// check found it damaged, after which every command refuses. The UI asks once its first
/// screen is up; a write waits for the same check in any case.
#[tauri::command]
pub async fn check_journal(state: State<'_, AppState>) -> Reply<JournalInfo> {
    let check = state.lock()?.pending_check();
    if let Some(check) = check
        && let Err(e) = check.run()
    {
        state.lock()?.failed_check(&check, ErrorPayload::from(&e));
    }
    Ok(state.lock()?.info())
}

/// Runs on a blocking thread (the window stays responsive) and streams progress.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_report(
    app: AppHandle,
    options: ReportOptions,
    path: PathBuf,
    on_progress: Channel<Progress>,
) -> Reply<ReportFile> {
    let today = today();
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>().with(|s| {
            tandem_core::report::write(s, &options, today, &path, &mut |p| {
                let _ = on_progress.send(p);
            })
        })
    })
    .await
    .map_err(|_| state::internal())?
}

/// When the process started (set first thing in `main`), for [`startup_mark`].
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
static MARKED: std::sync::OnceLock<()> = std::sync::OnceLock::new();

/// Notes the moment the process started; `main` calls it before anything else.
pub fn note_process_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// The UI calls this once its first screen is interactive. Only for the start-up benchmark
/// (`make bench`): when `TANDEM_STARTUP_MARK=<file>` is set, the first call writes the
/// milliseconds since `main` started, the wall-clock time and the UI's own `timings` (the
/// IPC calls it made on the way) to that file as JSON. Otherwise it does nothing.
#[tauri::command]
pub fn startup_mark(timings: serde_json::Value) {
    let Some(file) = std::env::var_os("TANDEM_STARTUP_MARK") else {
        return;
    };
    if MARKED.set(()).is_err() {
        return;
    }
    let since_main = STARTED
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    let unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let mark = serde_json::json!({
        "since_main_ms": since_main,
        "unix_ms": unix,
        "timings": timings,
    });
    if let Err(e) = std::fs::write(&file, mark.to_string()) {
        eprintln!("tandem: could not write the start-up mark: {e}");
    }
}
