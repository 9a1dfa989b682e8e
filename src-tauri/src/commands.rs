//! The IPC commands: each deserialises its arguments, calls one core function and maps the
//! error. Nothing here that a test of the core could not reach.

use std::path::PathBuf;

use chrono::NaiveDate;
use tandem_core::model::{
    ActionItem, ActionItemDraft, ActionItemView, Dashboard, Goal, GoalDetail, GoalDraft,
    GoalSummary, ItemKind, JournalInfo, Milestone, MilestoneDraft, Partnership, PartnershipDraft,
    PartnershipOverview, ProgressDraft, ProgressEntry, Quadrant, ReportFile, SearchHit, Session,
    SessionDraft, SessionPage, Side, SwotBoard, SwotComparison, SwotItem, SwotItemDraft,
    SwotSnapshot, SwotView, TopicCount, TowsDraft, TowsStrategy, TrashEntry,
};
use tandem_core::report::{Progress, ReportOptions};
use tandem_core::{BackupInfo, ErrorPayload, ImportReport, RestoreReport};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use uuid::Uuid;

use crate::state::{self, AppState};
use tandem_core::life::LOCK_WAIT;

type Reply<T> = Result<T, ErrorPayload>;

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

/// Async like every command that reads the journal: it may wait for the start-up open,
/// which must not hold up the main (window) thread.
#[tauri::command]
pub async fn journal_info(state: State<'_, AppState>) -> Reply<JournalInfo> {
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
) -> Reply<SessionPage> {
    state.with(|s| s.session_page(partnership_id, limit, offset))
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
    .map_err(|_| state::internal())?
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    state.lock()?.backups().map_err(|e| ErrorPayload::from(&e))
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Reply<BackupInfo> {
    state.with(|s| s.backup())
}

/// Restores the backup over the journal (keeping the current state as a backup first)
/// and opens the result; other commands wait meanwhile.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> Reply<RestoreReport> {
    state
        .lock()?
        .restore(&path)
        .map_err(|e| ErrorPayload::from(&e))
}

/// Switches the window to another journal file (chosen by the user when theirs cannot be
/// opened). The UI starts over on whatever this reports.
#[tauri::command]
pub async fn open_journal(state: State<'_, AppState>, path: PathBuf) -> Reply<JournalInfo> {
    let mut journal = state.lock()?;
    journal.switch_to(path, LOCK_WAIT);
    Ok(journal.info())
}

use state::today;

#[tauri::command]
pub async fn list_topics(state: State<'_, AppState>) -> Reply<Vec<TopicCount>> {
    state.with(|s| s.list_topics())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_action_items(
    state: State<'_, AppState>,
    session_id: Uuid,
) -> Reply<Vec<ActionItem>> {
    state.with(|s| s.list_action_items(session_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn open_action_items(
    state: State<'_, AppState>,
    partnership_id: Uuid,
) -> Reply<Vec<ActionItemView>> {
    state.with(|s| s.open_action_items(partnership_id, today()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_action_item(
    state: State<'_, AppState>,
    session_id: Uuid,
    draft: ActionItemDraft,
) -> Reply<ActionItem> {
    state.with(|s| s.create_action_item(session_id, &draft))
}

#[tauri::command]
pub async fn update_action_item(
    state: State<'_, AppState>,
    id: Uuid,
    draft: ActionItemDraft,
) -> Reply<ActionItem> {
    state.with(|s| s.update_action_item(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_goals(
    state: State<'_, AppState>,
    partnership_id: Uuid,
) -> Reply<Vec<GoalSummary>> {
    state.with(|s| s.list_goals(partnership_id))
}

#[tauri::command]
pub async fn get_goal(state: State<'_, AppState>, id: Uuid) -> Reply<GoalDetail> {
    state.with(|s| s.get_goal(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_goal(
    state: State<'_, AppState>,
    partnership_id: Uuid,
    draft: GoalDraft,
) -> Reply<Goal> {
    state.with(|s| s.create_goal(partnership_id, &draft))
}

#[tauri::command]
pub async fn update_goal(state: State<'_, AppState>, id: Uuid, draft: GoalDraft) -> Reply<Goal> {
    state.with(|s| s.update_goal(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_milestone(
    state: State<'_, AppState>,
    goal_id: Uuid,
    draft: MilestoneDraft,
) -> Reply<Milestone> {
    state.with(|s| s.create_milestone(goal_id, &draft))
}

#[tauri::command]
pub async fn update_milestone(
    state: State<'_, AppState>,
    id: Uuid,
    draft: MilestoneDraft,
) -> Reply<Milestone> {
    state.with(|s| s.update_milestone(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_progress(
    state: State<'_, AppState>,
    goal_id: Uuid,
    draft: ProgressDraft,
) -> Reply<ProgressEntry> {
    state.with(|s| s.add_progress(goal_id, &draft))
}

#[tauri::command]
pub async fn update_progress(
    state: State<'_, AppState>,
    id: Uuid,
    draft: ProgressDraft,
) -> Reply<ProgressEntry> {
    state.with(|s| s.update_progress(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn dashboard(state: State<'_, AppState>, partnership_id: Uuid) -> Reply<Dashboard> {
    state.with(|s| s.dashboard(partnership_id, today()))
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Reply<Vec<SearchHit>> {
    state.with(|s| s.search(&query, limit))
}

#[tauri::command]
pub async fn move_to_trash(
    state: State<'_, AppState>,
    kind: ItemKind,
    id: Uuid,
) -> Reply<TrashEntry> {
    state.with(|s| s.move_to_trash(kind, id))
}

#[tauri::command]
pub async fn restore_from_trash(state: State<'_, AppState>, kind: ItemKind, id: Uuid) -> Reply<()> {
    state.with(|s| s.restore_from_trash(kind, id))
}

#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>) -> Reply<Vec<TrashEntry>> {
    state.with(|s| s.list_trash())
}

#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Reply<u32> {
    state.with(|s| s.empty_trash())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn swot_board(
    state: State<'_, AppState>,
    partnership_id: Uuid,
    mine_snapshot_id: Option<Uuid>,
    partner_snapshot_id: Option<Uuid>,
) -> Reply<SwotBoard> {
    state.with(|s| s.swot_board(partnership_id, mine_snapshot_id, partner_snapshot_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn start_snapshot(
    state: State<'_, AppState>,
    partnership_id: Uuid,
    side: Side,
    taken_on: NaiveDate,
    reason: String,
) -> Reply<SwotView> {
    state.with(|s| s.start_snapshot(partnership_id, side, taken_on, &reason))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_snapshot(
    state: State<'_, AppState>,
    id: Uuid,
    taken_on: NaiveDate,
    reason: String,
) -> Reply<SwotSnapshot> {
    state.with(|s| s.update_snapshot(id, taken_on, &reason))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_swot_item(
    state: State<'_, AppState>,
    snapshot_id: Uuid,
    draft: SwotItemDraft,
) -> Reply<SwotItem> {
    state.with(|s| s.add_swot_item(snapshot_id, &draft))
}

#[tauri::command]
pub async fn update_swot_item(
    state: State<'_, AppState>,
    id: Uuid,
    draft: SwotItemDraft,
) -> Reply<SwotItem> {
    state.with(|s| s.update_swot_item(id, &draft))
}

#[tauri::command]
pub async fn move_swot_item(
    state: State<'_, AppState>,
    id: Uuid,
    quadrant: Quadrant,
    position: u32,
) -> Reply<SwotView> {
    state.with(|s| s.move_swot_item(id, quadrant, position))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn link_swot_items(
    state: State<'_, AppState>,
    id: Uuid,
    other_id: Option<Uuid>,
) -> Reply<()> {
    state.with(|s| s.link_swot_items(id, other_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn compare_snapshots(
    state: State<'_, AppState>,
    before_id: Uuid,
    after_id: Uuid,
) -> Reply<SwotComparison> {
    state.with(|s| s.compare_snapshots(before_id, after_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_tows(
    state: State<'_, AppState>,
    partnership_id: Uuid,
) -> Reply<Vec<TowsStrategy>> {
    state.with(|s| s.list_tows(partnership_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_tows(
    state: State<'_, AppState>,
    partnership_id: Uuid,
    draft: TowsDraft,
) -> Reply<TowsStrategy> {
    state.with(|s| s.create_tows(partnership_id, &draft))
}

#[tauri::command]
pub async fn update_tows(
    state: State<'_, AppState>,
    id: Uuid,
    draft: TowsDraft,
) -> Reply<TowsStrategy> {
    state.with(|s| s.update_tows(id, &draft))
}

#[tauri::command]
pub async fn tows_to_goal(state: State<'_, AppState>, id: Uuid) -> Reply<Goal> {
    state.with(|s| s.tows_to_goal(id))
}

/// Markdown to sanitised HTML for the editor's preview (no journal needed).
#[tauri::command]
pub async fn render_markdown(text: String) -> Reply<String> {
    Ok(tandem_core::markdown::to_html(&text))
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
