// Generated from the command table (core/src/api/table.rs) by `tandem_core::api`. Do
// not edit: run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` after changing it.

import type {
  ActionItem,
  ActionItemDraft,
  ActionItemView,
  BackupInfo,
  BundlePayload,
  Dashboard,
  ExchangeLink,
  Goal,
  GoalDetail,
  GoalDraft,
  GoalSummary,
  ImportReport,
  InviteOut,
  InvitePreview,
  ItemKind,
  JournalInfo,
  KindChanges,
  Milestone,
  MilestoneDraft,
  PartnerGoals,
  PartnerSessions,
  Partnership,
  PartnershipDraft,
  PartnershipOverview,
  ProgressDraft,
  ProgressEntry,
  Quadrant,
  ReceivePreview,
  ReportOptions,
  ReportPreview,
  RestoreReport,
  SearchHit,
  Session,
  SessionDraft,
  SessionPage,
  ShareReport,
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
  Visibility,
} from './types'

/** Every command of the table, by the name the core knows it by. */
export const COMMANDS = [
  'list_partnerships',
  'get_partnership',
  'create_partnership',
  'update_partnership',
  'list_sessions',
  'get_session',
  'create_session',
  'update_session',
  'load_sample',
  'backup_now',
  'backup_to',
  'list_topics',
  'list_action_items',
  'open_action_items',
  'create_action_item',
  'update_action_item',
  'list_goals',
  'get_goal',
  'create_goal',
  'update_goal',
  'create_milestone',
  'update_milestone',
  'add_progress',
  'update_progress',
  'dashboard',
  'search',
  'move_to_trash',
  'restore_from_trash',
  'list_trash',
  'empty_trash',
  'swot_board',
  'start_snapshot',
  'update_snapshot',
  'add_swot_item',
  'update_swot_item',
  'move_swot_item',
  'link_swot_items',
  'dismiss_swot_pair',
  'restore_swot_pair',
  'compare_snapshots',
  'list_tows',
  'create_tows',
  'update_tows',
  'tows_to_goal',
  'report_preview',
  'exchange_link',
  'invite_partner',
  'invite_text',
  'save_invite',
  'check_invite',
  'read_invite',
  'accept_invite',
  'share_preview',
  'share_changes',
  'share_with_partner',
  'preview_bundle',
  'receive_bundle',
  'preview_bundle_text',
  'receive_bundle_text',
  'mark_link_verified',
  'unpair_link',
  'set_partner_item_done',
  'partner_content',
  'shared_swot_board',
  'copy_partner_swot_item',
  'partner_sessions',
  'partner_goals',
  'journal_info',
  'list_backups',
  'restore_backup',
  'open_journal',
  'render_markdown',
  'check_journal',
] as const

export type CommandName = (typeof COMMANDS)[number]

/**
 * Sends one command with its arguments (keyed by the core's snake_case names) and
 * resolves to its answer, or rejects with what the core said.
 */
export type Transport = (command: CommandName, args: Record<string, unknown>) => Promise<unknown>

/** The table's commands as typed calls. */
export interface Commands {
  /** Every partnership (not in the trash) with its session count, newest first. */
  listPartnerships(): Promise<PartnershipOverview[]>
  getPartnership(id: string): Promise<Partnership>
  createPartnership(draft: PartnershipDraft): Promise<Partnership>
  updatePartnership(id: string, draft: PartnershipDraft): Promise<Partnership>
  /** Live sessions newest first, `limit` from `offset`, with how many there are in all. */
  listSessions(partnershipId: string, limit: number, offset: number): Promise<SessionPage>
  getSession(id: string): Promise<Session>
  createSession(partnershipId: string, draft: SessionDraft): Promise<Session>
  updateSession(id: string, draft: SessionDraft): Promise<Session>
  /** Adds the sample journal; null when it was already loaded. */
  loadSample(): Promise<ImportReport | null>
  backupNow(): Promise<BackupInfo>
  /** Writes a copy of the journal to a file of the user's choosing (an external drive, say), outside the rotation. */
  backupTo(path: string): Promise<BackupInfo>
  /** Every topic with how many sessions carry it, most used first: suggestions while typing a tag. */
  listTopics(): Promise<TopicCount[]>
  /** The action items of one session, in order. */
  listActionItems(sessionId: string): Promise<ActionItem[]>
  /** The partnership's open action items, overdue first (a new session's agenda, the dashboard). */
  openActionItems(partnershipId: string): Promise<ActionItemView[]>
  createActionItem(sessionId: string, draft: ActionItemDraft): Promise<ActionItem>
  updateActionItem(id: string, draft: ActionItemDraft): Promise<ActionItem>
  /** Goals of a partnership (not in the trash): active first, then not started, achieved, dropped; progress as of today. */
  listGoals(partnershipId: string): Promise<GoalSummary[]>
  getGoal(id: string): Promise<GoalDetail>
  createGoal(partnershipId: string, draft: GoalDraft): Promise<Goal>
  updateGoal(id: string, draft: GoalDraft): Promise<Goal>
  createMilestone(goalId: string, draft: MilestoneDraft): Promise<Milestone>
  updateMilestone(id: string, draft: MilestoneDraft): Promise<Milestone>
  addProgress(goalId: string, draft: ProgressDraft): Promise<ProgressEntry>
  updateProgress(id: string, draft: ProgressDraft): Promise<ProgressEntry>
  dashboard(partnershipId: string): Promise<Dashboard>
  /** Full-text search across the journal, best matches first. An empty query finds nothing. */
  search(query: string, limit: number): Promise<SearchHit[]>
  /** Moves a thing (and what hangs under it) to the trash; undone by restore_from_trash. */
  moveToTrash(kind: ItemKind, id: string): Promise<TrashEntry>
  restoreFromTrash(kind: ItemKind, id: string): Promise<void>
  /** Newest first. */
  listTrash(): Promise<TrashEntry[]>
  /** Deletes everything in the trash for good; answers how many things were deleted. */
  emptyTrash(): Promise<number>
  /** Both sides of a partnership's SWOT: the current snapshot of each (the latest taken by today), or the ones chosen. */
  swotBoard(partnershipId: string, mineSnapshotId: string | null, partnerSnapshotId: string | null): Promise<SwotBoard>
  /** Starts a snapshot of one side, copying the side's latest snapshot forward (an empty one the first time); private unless `visibility` is shared (my own side only). */
  startSnapshot(partnershipId: string, side: Side, takenOn: string, reason: string, visibility: Visibility | null): Promise<SwotView>
  /** Changes a snapshot's date and reason, and its visibility unless null (only my own side may be shared). */
  updateSnapshot(id: string, takenOn: string, reason: string, visibility: Visibility | null): Promise<SwotSnapshot>
  /** Appends an item to its quadrant. */
  addSwotItem(snapshotId: string, draft: SwotItemDraft): Promise<SwotItem>
  updateSwotItem(id: string, draft: SwotItemDraft): Promise<SwotItem>
  /** Moves an item to `position` in `quadrant` (of the same snapshot); answers the snapshot. */
  moveSwotItem(id: string, quadrant: Quadrant, position: number): Promise<SwotView>
  /** Marks an item as the same as one on the other side (null: unlinks it). */
  linkSwotItems(id: string, otherId: string | null): Promise<void>
  /** "Not the same": the board no longer pairs these two (mine, my partner's) for their wording; undone by restore_swot_pair. */
  dismissSwotPair(mineItemId: string, partnerItemId: string): Promise<void>
  restoreSwotPair(mineItemId: string, partnerItemId: string): Promise<void>
  compareSnapshots(beforeId: string, afterId: string): Promise<SwotComparison>
  listTows(partnershipId: string): Promise<TowsStrategy[]>
  createTows(partnershipId: string, draft: TowsDraft): Promise<TowsStrategy>
  updateTows(id: string, draft: TowsDraft): Promise<TowsStrategy>
  /** Turns a strategy into an active shared goal of the partnership, once; answers the goal. */
  towsToGoal(id: string): Promise<Goal>
  /** What the progress PDF of `options` will hold, without making it: its sections with their counts, and what is left out and why. */
  reportPreview(options: ReportOptions): Promise<ReportPreview>
  /** The partnership's exchange link with the partner's journal (null: not paired or invited). */
  exchangeLink(partnershipId: string): Promise<ExchangeLink | null>
  /** Starts a link: a new identity for it alone, and the signed invite text to send the partner. */
  invitePartner(partnershipId: string): Promise<InviteOut>
  /** The invite of a link still waiting for the partner's answer, made again (the same link; public keys only). */
  inviteText(linkId: string): Promise<string>
  /** Writes the invite of a link still waiting for the partner's answer to `out`. */
  saveInvite(linkId: string, out: string): Promise<void>
  /** Reads and checks a pasted invite: who it is from and what accepting it makes; writes nothing. */
  checkInvite(text: string): Promise<InvitePreview>
  /** Reads and checks an invite file, as check_invite; writes nothing. */
  readInvite(path: string): Promise<InvitePreview>
  /** Accepts a partner's invite into a partnership (null: a new one, prefilled) and writes the first bundle to `out`. */
  acceptInvite(text: string, partnershipId: string | null, out: string, armour: boolean): Promise<ShareReport>
  /** What the next bundle of the partnership would hold (nothing is written). */
  sharePreview(partnershipId: string): Promise<BundlePayload>
  /** What the next bundle changes against the last one sent, per kind (null: what that one held is not known). */
  shareChanges(partnershipId: string): Promise<Array<KindChanges> | null>
  /** Writes the next bundle of the partnership (everything shared in it) to `out`. */
  shareWithPartner(partnershipId: string, out: string, armour: boolean): Promise<ShareReport>
  /** Opens and checks a partner's bundle and says what importing it would do; writes nothing. */
  previewBundle(path: string): Promise<ReceivePreview>
  /** Imports a partner's bundle: checked whole, then their content replaced in one transaction. */
  receiveBundle(path: string): Promise<ReceivePreview>
  /** `preview_bundle` for a bundle pasted as text (ASCII-armoured); writes nothing. */
  previewBundleText(text: string): Promise<ReceivePreview>
  /** `receive_bundle` for a bundle pasted as text (ASCII-armoured). */
  receiveBundleText(text: string): Promise<ReceivePreview>
  /** The fingerprint words were compared and are the same. */
  markLinkVerified(linkId: string): Promise<ExchangeLink>
  /** Stops the link; the partner's content stays unless `remove_content`. */
  unpairLink(linkId: string, removeContent: boolean): Promise<void>
  /** Marks an action item the partner asked of me as done (or not): the next bundle says so. */
  setPartnerItemDone(linkId: string, actionItemId: string, done: boolean): Promise<void>
  /** The partner's content as their last bundle gave it, in my words (null: nothing received). */
  partnerContent(partnershipId: string): Promise<BundlePayload | null>
  /** The side-by-side SWOT with the partner's own shared SWOT as the partner column (read-only, labelled): their current shared snapshot, or the one chosen. */
  sharedSwotBoard(partnershipId: string, mineSnapshotId: string | null, sharedSnapshotId: string | null): Promise<SwotBoard>
  /** Copies an item of the partner's shared SWOT into my view of their SWOT (its current snapshot, started today if none); an item of the same wording there is answered instead. */
  copyPartnerSwotItem(partnershipId: string, itemId: string): Promise<SwotItem>
  /** The partner's shared sessions, each with my session held the same day (null: nothing received). */
  partnerSessions(partnershipId: string): Promise<PartnerSessions | null>
  /** The partner's shared goals with where they stand, each with my goal of nearly the same title (null: nothing received). */
  partnerGoals(partnershipId: string): Promise<PartnerGoals | null>
  /** Where the journal is and whether it opened (with the reason when it did not). */
  journalInfo(): Promise<JournalInfo>
  /** Newest first. Works even when the journal could not be opened. */
  listBackups(): Promise<BackupInfo[]>
  /** Replaces the journal with a backup (keeping the current state as a backup first). */
  restoreBackup(path: string): Promise<RestoreReport>
  /** Switches to the journal at `path`; the UI then starts over on what this answers. */
  openJournal(path: string): Promise<JournalInfo>
  /** Markdown rendered to HTML by the core and sanitised there (ammonia): safe to insert. */
  renderMarkdown(text: string): Promise<string>
  /** Runs the whole-file integrity check the journal was opened without (so that the first screen need not wait for it) and reports the journal again, with an error if damaged. */
  checkJournal(): Promise<JournalInfo>
}

/** The typed calls over `send`: each names its command and its arguments once, here. */
export function commandClient(send: Transport): Commands {
  return {
    listPartnerships: () => send('list_partnerships', {}) as Promise<PartnershipOverview[]>,
    getPartnership: (id) => send('get_partnership', { id }) as Promise<Partnership>,
    createPartnership: (draft) => send('create_partnership', { draft }) as Promise<Partnership>,
    updatePartnership: (id, draft) => send('update_partnership', { id, draft }) as Promise<Partnership>,
    listSessions: (partnershipId, limit, offset) => send('list_sessions', { partnership_id: partnershipId, limit, offset }) as Promise<SessionPage>,
    getSession: (id) => send('get_session', { id }) as Promise<Session>,
    createSession: (partnershipId, draft) => send('create_session', { partnership_id: partnershipId, draft }) as Promise<Session>,
    updateSession: (id, draft) => send('update_session', { id, draft }) as Promise<Session>,
    loadSample: () => send('load_sample', {}) as Promise<ImportReport | null>,
    backupNow: () => send('backup_now', {}) as Promise<BackupInfo>,
    backupTo: (path) => send('backup_to', { path }) as Promise<BackupInfo>,
    listTopics: () => send('list_topics', {}) as Promise<TopicCount[]>,
    listActionItems: (sessionId) => send('list_action_items', { session_id: sessionId }) as Promise<ActionItem[]>,
    openActionItems: (partnershipId) => send('open_action_items', { partnership_id: partnershipId }) as Promise<ActionItemView[]>,
    createActionItem: (sessionId, draft) => send('create_action_item', { session_id: sessionId, draft }) as Promise<ActionItem>,
    updateActionItem: (id, draft) => send('update_action_item', { id, draft }) as Promise<ActionItem>,
    listGoals: (partnershipId) => send('list_goals', { partnership_id: partnershipId }) as Promise<GoalSummary[]>,
    getGoal: (id) => send('get_goal', { id }) as Promise<GoalDetail>,
    createGoal: (partnershipId, draft) => send('create_goal', { partnership_id: partnershipId, draft }) as Promise<Goal>,
    updateGoal: (id, draft) => send('update_goal', { id, draft }) as Promise<Goal>,
    createMilestone: (goalId, draft) => send('create_milestone', { goal_id: goalId, draft }) as Promise<Milestone>,
    updateMilestone: (id, draft) => send('update_milestone', { id, draft }) as Promise<Milestone>,
    addProgress: (goalId, draft) => send('add_progress', { goal_id: goalId, draft }) as Promise<ProgressEntry>,
    updateProgress: (id, draft) => send('update_progress', { id, draft }) as Promise<ProgressEntry>,
    dashboard: (partnershipId) => send('dashboard', { partnership_id: partnershipId }) as Promise<Dashboard>,
    search: (query, limit) => send('search', { query, limit }) as Promise<SearchHit[]>,
    moveToTrash: (kind, id) => send('move_to_trash', { kind, id }) as Promise<TrashEntry>,
    restoreFromTrash: (kind, id) => send('restore_from_trash', { kind, id }) as Promise<void>,
    listTrash: () => send('list_trash', {}) as Promise<TrashEntry[]>,
    emptyTrash: () => send('empty_trash', {}) as Promise<number>,
    swotBoard: (partnershipId, mineSnapshotId, partnerSnapshotId) => send('swot_board', { partnership_id: partnershipId, mine_snapshot_id: mineSnapshotId, partner_snapshot_id: partnerSnapshotId }) as Promise<SwotBoard>,
    startSnapshot: (partnershipId, side, takenOn, reason, visibility) => send('start_snapshot', { partnership_id: partnershipId, side, taken_on: takenOn, reason, visibility }) as Promise<SwotView>,
    updateSnapshot: (id, takenOn, reason, visibility) => send('update_snapshot', { id, taken_on: takenOn, reason, visibility }) as Promise<SwotSnapshot>,
    addSwotItem: (snapshotId, draft) => send('add_swot_item', { snapshot_id: snapshotId, draft }) as Promise<SwotItem>,
    updateSwotItem: (id, draft) => send('update_swot_item', { id, draft }) as Promise<SwotItem>,
    moveSwotItem: (id, quadrant, position) => send('move_swot_item', { id, quadrant, position }) as Promise<SwotView>,
    linkSwotItems: (id, otherId) => send('link_swot_items', { id, other_id: otherId }) as Promise<void>,
    dismissSwotPair: (mineItemId, partnerItemId) => send('dismiss_swot_pair', { mine_item_id: mineItemId, partner_item_id: partnerItemId }) as Promise<void>,
    restoreSwotPair: (mineItemId, partnerItemId) => send('restore_swot_pair', { mine_item_id: mineItemId, partner_item_id: partnerItemId }) as Promise<void>,
    compareSnapshots: (beforeId, afterId) => send('compare_snapshots', { before_id: beforeId, after_id: afterId }) as Promise<SwotComparison>,
    listTows: (partnershipId) => send('list_tows', { partnership_id: partnershipId }) as Promise<TowsStrategy[]>,
    createTows: (partnershipId, draft) => send('create_tows', { partnership_id: partnershipId, draft }) as Promise<TowsStrategy>,
    updateTows: (id, draft) => send('update_tows', { id, draft }) as Promise<TowsStrategy>,
    towsToGoal: (id) => send('tows_to_goal', { id }) as Promise<Goal>,
    reportPreview: (options) => send('report_preview', { options }) as Promise<ReportPreview>,
    exchangeLink: (partnershipId) => send('exchange_link', { partnership_id: partnershipId }) as Promise<ExchangeLink | null>,
    invitePartner: (partnershipId) => send('invite_partner', { partnership_id: partnershipId }) as Promise<InviteOut>,
    inviteText: (linkId) => send('invite_text', { link_id: linkId }) as Promise<string>,
    saveInvite: (linkId, out) => send('save_invite', { link_id: linkId, out }) as Promise<void>,
    checkInvite: (text) => send('check_invite', { text }) as Promise<InvitePreview>,
    readInvite: (path) => send('read_invite', { path }) as Promise<InvitePreview>,
    acceptInvite: (text, partnershipId, out, armour) => send('accept_invite', { text, partnership_id: partnershipId, out, armour }) as Promise<ShareReport>,
    sharePreview: (partnershipId) => send('share_preview', { partnership_id: partnershipId }) as Promise<BundlePayload>,
    shareChanges: (partnershipId) => send('share_changes', { partnership_id: partnershipId }) as Promise<Array<KindChanges> | null>,
    shareWithPartner: (partnershipId, out, armour) => send('share_with_partner', { partnership_id: partnershipId, out, armour }) as Promise<ShareReport>,
    previewBundle: (path) => send('preview_bundle', { path }) as Promise<ReceivePreview>,
    receiveBundle: (path) => send('receive_bundle', { path }) as Promise<ReceivePreview>,
    previewBundleText: (text) => send('preview_bundle_text', { text }) as Promise<ReceivePreview>,
    receiveBundleText: (text) => send('receive_bundle_text', { text }) as Promise<ReceivePreview>,
    markLinkVerified: (linkId) => send('mark_link_verified', { link_id: linkId }) as Promise<ExchangeLink>,
    unpairLink: (linkId, removeContent) => send('unpair_link', { link_id: linkId, remove_content: removeContent }) as Promise<void>,
    setPartnerItemDone: (linkId, actionItemId, done) => send('set_partner_item_done', { link_id: linkId, action_item_id: actionItemId, done }) as Promise<void>,
    partnerContent: (partnershipId) => send('partner_content', { partnership_id: partnershipId }) as Promise<BundlePayload | null>,
    sharedSwotBoard: (partnershipId, mineSnapshotId, sharedSnapshotId) => send('shared_swot_board', { partnership_id: partnershipId, mine_snapshot_id: mineSnapshotId, shared_snapshot_id: sharedSnapshotId }) as Promise<SwotBoard>,
    copyPartnerSwotItem: (partnershipId, itemId) => send('copy_partner_swot_item', { partnership_id: partnershipId, item_id: itemId }) as Promise<SwotItem>,
    partnerSessions: (partnershipId) => send('partner_sessions', { partnership_id: partnershipId }) as Promise<PartnerSessions | null>,
    partnerGoals: (partnershipId) => send('partner_goals', { partnership_id: partnershipId }) as Promise<PartnerGoals | null>,
    journalInfo: () => send('journal_info', {}) as Promise<JournalInfo>,
    listBackups: () => send('list_backups', {}) as Promise<BackupInfo[]>,
    restoreBackup: (path) => send('restore_backup', { path }) as Promise<RestoreReport>,
    openJournal: (path) => send('open_journal', { path }) as Promise<JournalInfo>,
    renderMarkdown: (text) => send('render_markdown', { text }) as Promise<string>,
    checkJournal: () => send('check_journal', {}) as Promise<JournalInfo>,
  }
}
