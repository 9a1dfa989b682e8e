//! The IPC commands: each deserialises its arguments, calls one core function and maps the
//! error. Nothing here that a test of the core could not reach.

use tandem_core::model::{
    JournalInfo, Partnership, PartnershipDraft, PartnershipOverview, Session, SessionDraft,
    SessionSummary,
};
use tandem_core::{ErrorPayload, ImportReport};
use tauri::State;
use uuid::Uuid;

use crate::app::AppState;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn journal_info(state: State<'_, AppState>) -> JournalInfo {
    JournalInfo {
        path: state.path.display().to_string(),
        error: state.store.as_ref().err().cloned(),
    }
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
