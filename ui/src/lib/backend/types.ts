import type {
  ActionItem,
  ActionItemDraft,
  ActionItemView,
  BackupInfo,
  Dashboard,
  ErrorCode,
  ErrorPayload,
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

/** Everything the UI asks of the Rust core. Implemented by TauriBackend and MockBackend. */
export interface Backend {
  journalInfo(): Promise<JournalInfo>
  /**
   * Runs the whole-file integrity check the journal was opened without (so that the first
   * screen need not wait for it) and reports the journal again, with an error if damaged.
   * The app asks once its first screen is up; from then on every answer comes from the
   * journal, none from what was read for the first screen.
   */
  checkJournal(): Promise<JournalInfo>
  listPartnerships(): Promise<PartnershipOverview[]>
  getPartnership(id: string): Promise<Partnership>
  createPartnership(draft: PartnershipDraft): Promise<Partnership>
  updatePartnership(id: string, draft: PartnershipDraft): Promise<Partnership>
  /** Live sessions newest first, `limit` from `offset`, with how many there are in all. */
  listSessions(partnershipId: string, limit: number, offset: number): Promise<SessionPage>
  getSession(id: string): Promise<Session>
  createSession(partnershipId: string, draft: SessionDraft): Promise<Session>
  updateSession(id: string, draft: SessionDraft): Promise<Session>
  /** Resolves to null when the sample was already loaded. */
  loadSample(): Promise<ImportReport | null>

  // Topics and action items
  /** Every topic with how many sessions carry it, most used first: suggestions while typing a tag. */
  listTopics(): Promise<TopicCount[]>
  /** The action items of one session, in order. */
  listActionItems(sessionId: string): Promise<ActionItem[]>
  /** The partnership's open action items, overdue first (a new session's agenda, the dashboard). */
  openActionItems(partnershipId: string): Promise<ActionItemView[]>
  createActionItem(sessionId: string, draft: ActionItemDraft): Promise<ActionItem>
  updateActionItem(id: string, draft: ActionItemDraft): Promise<ActionItem>

  // Goals
  /** Goals of a partnership (not in the trash): active first, then not started, achieved, dropped. */
  listGoals(partnershipId: string): Promise<GoalSummary[]>
  getGoal(id: string): Promise<GoalDetail>
  createGoal(partnershipId: string, draft: GoalDraft): Promise<Goal>
  updateGoal(id: string, draft: GoalDraft): Promise<Goal>
  createMilestone(goalId: string, draft: MilestoneDraft): Promise<Milestone>
  updateMilestone(id: string, draft: MilestoneDraft): Promise<Milestone>
  addProgress(goalId: string, draft: ProgressDraft): Promise<ProgressEntry>
  updateProgress(id: string, draft: ProgressDraft): Promise<ProgressEntry>

  // Views
  dashboard(partnershipId: string): Promise<Dashboard>
  /** Full-text search across the journal, best matches first. An empty query finds nothing. */
  search(query: string, limit: number): Promise<SearchHit[]>
  /** Markdown rendered to HTML by the core and sanitised there (ammonia): safe to insert. */
  renderMarkdown(text: string): Promise<string>

  // Trash
  /** Moves a thing (and what hangs under it) to the trash; undone by restoreFromTrash. */
  moveToTrash(kind: ItemKind, id: string): Promise<TrashEntry>
  restoreFromTrash(kind: ItemKind, id: string): Promise<void>
  /** Newest first. */
  listTrash(): Promise<TrashEntry[]>
  /** Deletes everything in the trash for good; resolves to how many things were deleted. */
  emptyTrash(): Promise<number>

  // SWOT
  /** Both sides of a partnership's SWOT: the latest snapshot of each, or the ones chosen. */
  swotBoard(partnershipId: string, mineSnapshotId: string | null, partnerSnapshotId: string | null): Promise<SwotBoard>
  /** Starts a snapshot of one side, copying the side's latest snapshot forward (an empty one the first time). */
  startSnapshot(partnershipId: string, side: Side, takenOn: string, reason: string): Promise<SwotView>
  updateSnapshot(id: string, takenOn: string, reason: string): Promise<SwotSnapshot>
  /** Appends an item to its quadrant. */
  addSwotItem(snapshotId: string, draft: SwotItemDraft): Promise<SwotItem>
  updateSwotItem(id: string, draft: SwotItemDraft): Promise<SwotItem>
  /** Moves an item to `position` in `quadrant` (of the same snapshot); returns the snapshot. */
  moveSwotItem(id: string, quadrant: Quadrant, position: number): Promise<SwotView>
  /** Marks an item as the same as one on the other side (null: unlinks it). */
  linkSwotItems(id: string, otherId: string | null): Promise<void>
  compareSnapshots(beforeId: string, afterId: string): Promise<SwotComparison>
  listTows(partnershipId: string): Promise<TowsStrategy[]>
  createTows(partnershipId: string, draft: TowsDraft): Promise<TowsStrategy>
  updateTows(id: string, draft: TowsDraft): Promise<TowsStrategy>
  /** Turns a strategy into an active shared goal of the partnership, once; returns the goal. */
  towsToGoal(id: string): Promise<Goal>

  /** Writes the progress PDF to `path`; `onProgress` is called while it works (`done === total` last). */
  exportReport(options: ReportOptions, path: string, onProgress: (progress: Progress) => void): Promise<ReportFile>
  /** Asks where to save the report (native dialog); null when the user cancelled. */
  chooseReportPath(defaultName: string): Promise<string | null>
  /** Opens a file in its default application. */
  openPath(path: string): Promise<void>
  /** Shows a file in its folder (file manager). */
  revealPath(path: string): Promise<void>
  /** The native open dialog, for a journal file; null when cancelled. */
  chooseJournalFile(): Promise<string | null>
  /** Switches the window to the journal at `path`; the UI then starts over on it. */
  openJournal(path: string): Promise<JournalInfo>
  /** Newest first. Works even when the journal could not be opened. */
  listBackups(): Promise<BackupInfo[]>
  backupNow(): Promise<BackupInfo>
  /** Replaces the journal with a backup; afterwards everything loaded before may be stale. */
  restoreBackup(path: string): Promise<RestoreReport>
}

/** A failed backend call. `message` is a sentence meant for the user. */
export class BackendError extends Error {
  readonly code: ErrorCode
  readonly field: string | null

  constructor(payload: ErrorPayload) {
    super(payload.message)
    this.name = 'BackendError'
    this.code = payload.code
    this.field = payload.field
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, field: this.field }
  }
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && typeof v.message === 'string'
}

/** Turns whatever a call rejected with into a BackendError. */
export function toBackendError(err: unknown): BackendError {
  if (err instanceof BackendError) return err
  if (isErrorPayload(err)) {
    return new BackendError({ code: err.code, message: err.message, field: err.field ?? null })
  }
  const message =
    typeof err === 'string' && err.trim() !== ''
      ? err
      : err instanceof Error && err.message
        ? err.message
        : 'Something went wrong. Please try again.'
  return new BackendError({ code: 'internal', message, field: null })
}
