import { Channel, invoke } from '@tauri-apps/api/core'
import { open, save } from '@tauri-apps/plugin-dialog'
import { openPath, revealItemInDir } from '@tauri-apps/plugin-opener'
import type {
  ActionItem,
  ActionItemDraft,
  ActionItemView,
  BackupInfo,
  Dashboard,
  Goal,
  GoalDetail,
  GoalDraft,
  GoalSummary,
  ImportReport,
  ItemKind,
  JournalInfo,
  Milestone,
  MilestoneDraft,
  Partnership,
  PartnershipDraft,
  PartnershipOverview,
  Progress,
  ProgressDraft,
  ProgressEntry,
  Quadrant,
  ReportFile,
  ReportOptions,
  RestoreReport,
  SearchHit,
  Session,
  SessionDraft,
  SessionPage,
  Side,
  SwotBoard,
  SwotComparison,
  SwotItem,
  SwotItemDraft,
  SwotSnapshot,
  SwotView,
  TopicCount,
  TowsDraft,
  TowsStrategy,
  TrashEntry,
} from '../generated/types'
import { FirstScreenAnswers } from './firstScreen'
import { toBackendError, type Backend } from './types'

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (err) {
    throw toBackendError(err)
  }
}

/** Runs a plugin call, turning whatever it rejects with into a BackendError. */
async function plugin<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    throw toBackendError(err)
  }
}

/** The real backend: a thin wrapper over the Tauri commands (argument names are snake_case). */
export class TauriBackend implements Backend {
  /** The first screen, read by the shell while the window started: answers without IPC. */
  private first: FirstScreenAnswers

  constructor(first: FirstScreenAnswers = FirstScreenAnswers.fromWindow()) {
    this.first = first
  }

  journalInfo(): Promise<JournalInfo> {
    const known = this.first.journalInfo()
    return known ? Promise.resolve(known) : call('journal_info')
  }
  checkJournal(): Promise<JournalInfo> {
    this.first.forget()
    return call('check_journal')
  }
  listPartnerships(): Promise<PartnershipOverview[]> {
    const known = this.first.listPartnerships()
    return known ? Promise.resolve(known) : call('list_partnerships')
  }
  getPartnership(id: string): Promise<Partnership> {
    return call('get_partnership', { id })
  }
  createPartnership(draft: PartnershipDraft): Promise<Partnership> {
    return call('create_partnership', { draft })
  }
  updatePartnership(id: string, draft: PartnershipDraft): Promise<Partnership> {
    return call('update_partnership', { id, draft })
  }
  listSessions(partnershipId: string, limit: number, offset: number): Promise<SessionPage> {
    return call('list_sessions', { partnership_id: partnershipId, limit, offset })
  }
  getSession(id: string): Promise<Session> {
    return call('get_session', { id })
  }
  createSession(partnershipId: string, draft: SessionDraft): Promise<Session> {
    return call('create_session', { partnership_id: partnershipId, draft })
  }
  updateSession(id: string, draft: SessionDraft): Promise<Session> {
    return call('update_session', { id, draft })
  }
  loadSample(): Promise<ImportReport | null> {
    return call('load_sample')
  }

  listTopics(): Promise<TopicCount[]> {
    return call('list_topics')
  }
  listActionItems(sessionId: string): Promise<ActionItem[]> {
    return call('list_action_items', { session_id: sessionId })
  }
  openActionItems(partnershipId: string): Promise<ActionItemView[]> {
    return call('open_action_items', { partnership_id: partnershipId })
  }
  createActionItem(sessionId: string, draft: ActionItemDraft): Promise<ActionItem> {
    return call('create_action_item', { session_id: sessionId, draft })
  }
  updateActionItem(id: string, draft: ActionItemDraft): Promise<ActionItem> {
    return call('update_action_item', { id, draft })
  }
  listGoals(partnershipId: string): Promise<GoalSummary[]> {
    return call('list_goals', { partnership_id: partnershipId })
  }
  getGoal(id: string): Promise<GoalDetail> {
    return call('get_goal', { id })
  }
  createGoal(partnershipId: string, draft: GoalDraft): Promise<Goal> {
    return call('create_goal', { partnership_id: partnershipId, draft })
  }
  updateGoal(id: string, draft: GoalDraft): Promise<Goal> {
    return call('update_goal', { id, draft })
  }
  createMilestone(goalId: string, draft: MilestoneDraft): Promise<Milestone> {
    return call('create_milestone', { goal_id: goalId, draft })
  }
  updateMilestone(id: string, draft: MilestoneDraft): Promise<Milestone> {
    return call('update_milestone', { id, draft })
  }
  addProgress(goalId: string, draft: ProgressDraft): Promise<ProgressEntry> {
    return call('add_progress', { goal_id: goalId, draft })
  }
  updateProgress(id: string, draft: ProgressDraft): Promise<ProgressEntry> {
    return call('update_progress', { id, draft })
  }
  dashboard(partnershipId: string): Promise<Dashboard> {
    const known = this.first.dashboard(partnershipId)
    return known ? Promise.resolve(known) : call('dashboard', { partnership_id: partnershipId })
  }
  search(query: string, limit: number): Promise<SearchHit[]> {
    return call('search', { query, limit })
  }
  renderMarkdown(text: string): Promise<string> {
    return call('render_markdown', { text })
  }
  moveToTrash(kind: ItemKind, id: string): Promise<TrashEntry> {
    return call('move_to_trash', { kind, id })
  }
  restoreFromTrash(kind: ItemKind, id: string): Promise<void> {
    return call('restore_from_trash', { kind, id })
  }
  listTrash(): Promise<TrashEntry[]> {
    return call('list_trash')
  }
  emptyTrash(): Promise<number> {
    return call('empty_trash')
  }
  swotBoard(partnershipId: string, mineSnapshotId: string | null, partnerSnapshotId: string | null): Promise<SwotBoard> {
    return call('swot_board', {
      partnership_id: partnershipId,
      mine_snapshot_id: mineSnapshotId,
      partner_snapshot_id: partnerSnapshotId,
    })
  }
  startSnapshot(partnershipId: string, side: Side, takenOn: string, reason: string): Promise<SwotView> {
    return call('start_snapshot', { partnership_id: partnershipId, side, taken_on: takenOn, reason })
  }
  updateSnapshot(id: string, takenOn: string, reason: string): Promise<SwotSnapshot> {
    return call('update_snapshot', { id, taken_on: takenOn, reason })
  }
  addSwotItem(snapshotId: string, draft: SwotItemDraft): Promise<SwotItem> {
    return call('add_swot_item', { snapshot_id: snapshotId, draft })
  }
  updateSwotItem(id: string, draft: SwotItemDraft): Promise<SwotItem> {
    return call('update_swot_item', { id, draft })
  }
  moveSwotItem(id: string, quadrant: Quadrant, position: number): Promise<SwotView> {
    return call('move_swot_item', { id, quadrant, position })
  }
  linkSwotItems(id: string, otherId: string | null): Promise<void> {
    return call('link_swot_items', { id, other_id: otherId })
  }
  compareSnapshots(beforeId: string, afterId: string): Promise<SwotComparison> {
    return call('compare_snapshots', { before_id: beforeId, after_id: afterId })
  }
  listTows(partnershipId: string): Promise<TowsStrategy[]> {
    return call('list_tows', { partnership_id: partnershipId })
  }
  createTows(partnershipId: string, draft: TowsDraft): Promise<TowsStrategy> {
    return call('create_tows', { partnership_id: partnershipId, draft })
  }
  updateTows(id: string, draft: TowsDraft): Promise<TowsStrategy> {
    return call('update_tows', { id, draft })
  }
  towsToGoal(id: string): Promise<Goal> {
    return call('tows_to_goal', { id })
  }

  exportReport(options: ReportOptions, path: string, onProgress: (progress: Progress) => void): Promise<ReportFile> {
    // The handler is set before the channel is sent: messages are not replayed.
    const channel = new Channel<Progress>()
    channel.onmessage = onProgress
    return call('export_report', { options, path, on_progress: channel })
  }
  chooseReportPath(defaultName: string): Promise<string | null> {
    return plugin(() => save({ defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] }))
  }
  openPath(path: string): Promise<void> {
    return plugin(() => openPath(path))
  }
  revealPath(path: string): Promise<void> {
    return plugin(() => revealItemInDir(path))
  }
  chooseJournalFile(): Promise<string | null> {
    return plugin(() =>
      open({
        multiple: false,
        directory: false,
        filters: [{ name: 'Tandem journal', extensions: ['sqlite3', 'sqlite', 'db'] }],
      }),
    )
  }
  openJournal(path: string): Promise<JournalInfo> {
    return call('open_journal', { path })
  }
  listBackups(): Promise<BackupInfo[]> {
    return call('list_backups')
  }
  backupNow(): Promise<BackupInfo> {
    return call('backup_now')
  }
  restoreBackup(path: string): Promise<RestoreReport> {
    return call('restore_backup', { path })
  }
}
