//! The IPC commands: each deserialises its arguments, calls one core function and maps the
//! error. Nothing here that a test of the core could not reach.

use std::path::PathBuf;

use tandem_core::model::{
    JournalInfo, Partnership, PartnershipDraft, PartnershipOverview, ReportFile, Session,
    SessionDraft, SessionSummary,
};
use tandem_core::report::{Progress, ReportOptions};
use tandem_core::{BackupInfo, ErrorPayload, ImportReport, RestoreReport};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use uuid::Uuid;

use crate::app::{self, AppState, Journal};

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn journal_info(state: State<'_, AppState>) -> Reply<JournalInfo> {
    Ok(state.lock()?.info())
}

#[tauri::command]
pub async fn list_partnerships(state: State<'_, AppState>) -> Reply<Vec<PartnershipOverview>> {
    state.with(|s| s.list_partnerships())
}

#[tauri::command]
pub async fn get_partnership(state: State<'_, AppState>, id: Uuid) -> Reply<Partnership> {
    state.with(|s| s.get_partnership(id))
}

#[tauri::command]
pub async fn create_partnership(
    state: State<'_, AppState>,
    draft: PartnershipDraft,
) -> Reply<Partnership> {
    state.with(|s| s.create_partnership(&draft))
}

#[tauri::command]
pub async fn update_partnership(
    state: State<'_, AppState>,
    id: Uuid,
    draft: PartnershipDraft,
) -> Reply<Partnership> {
    state.with(|s| s.update_partnership(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_sessions(
    state: State<'_, AppState>,
    partnership_id: Uuid,
    limit: u32,
    offset: u32,
) -> Reply<Vec<SessionSummary>> {
    state.with(|s| s.list_sessions(partnership_id, limit, offset))
}

#[tauri::command]
pub async fn get_session(state: State<'_, AppState>, id: Uuid) -> Reply<Session> {
    state.with(|s| s.get_session(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_session(
    state: State<'_, AppState>,
    partnership_id: Uuid,
    draft: SessionDraft,
) -> Reply<Session> {
    state.with(|s| s.create_session(partnership_id, &draft))
}

#[tauri::command]
pub async fn update_session(
    state: State<'_, AppState>,
    id: Uuid,
    draft: SessionDraft,
) -> Reply<Session> {
    state.with(|s| s.update_session(id, &draft))
}

#[tauri::command]
pub async fn load_sample(state: State<'_, AppState>) -> Reply<Option<ImportReport>> {
    state.with(|s| s.load_sample(chrono::Local::now().date_naive()))
}

/// Runs on a blocking thread (the window stays responsive) and streams progress.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_report(
    app: AppHandle,
    options: ReportOptions,
    path: PathBuf,
    on_progress: Channel<Progress>,
) -> Reply<ReportFile> {
    let today = chrono::Local::now().date_naive();
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>().with(|s| {
            tandem_core::report::write(s, &options, today, &path, &mut |p| {
                let _ = on_progress.send(p);
            })
        })
    })
    .await
    .map_err(|_| app::internal())?
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    let path = state.lock()?.path.clone();
    tandem_core::list_backups(&path).map_err(|e| ErrorPayload::from(&e))
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Reply<BackupInfo> {
    state.with(|s| s.backup())
}

/// Closes the journal, restores the backup over it (keeping the current state as a
/// backup first), and opens the result.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> Reply<RestoreReport> {
    let mut guard = state.lock()?;
    let journal = guard.path.clone();
    guard.store = Err(app::restoring());
    let restored = tandem_core::restore(&journal, &path).map_err(|e| ErrorPayload::from(&e));
    *guard = Journal::open(journal);
    restored
}

/// Switches the window to another journal file (chosen by the user when theirs cannot be
/// opened). The UI starts over on whatever this reports.
#[tauri::command]
pub async fn open_journal(state: State<'_, AppState>, path: PathBuf) -> Reply<JournalInfo> {
    let mut guard = state.lock()?;
    *guard = Journal::open(path);
    Ok(guard.info())
}
