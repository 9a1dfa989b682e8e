import type {
  BackupInfo,
  ErrorPayload,
  ImportReport,
  JournalInfo,
  Partnership,
  PartnershipDraft,
  PartnershipOverview,
  Progress,
  ReportFile,
  ReportOptions,
  RestoreReport,
  Session,
  SessionDraft,
  SessionFormat,
  SessionPage,
  SessionSummary,
} from '../generated/types'
import { BackendError, type Backend } from './types'
import type {
  ActionItem,
  ActionItemDraft,
  ActionItemView,
  Dashboard,
  Goal,
  GoalDetail,
  GoalDraft,
  GoalSummary,
  ItemKind,
  Milestone,
  MilestoneDraft,
  ProgressDraft,
  ProgressEntry,
  Quadrant,
  SearchHit,
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
import { MockActions } from './mock/actions'
import { MockDb } from './mock/db'
import { MockFinder } from './mock/finder'
import { MockGoals } from './mock/goals'
import { MockSwot, addSampleSwot } from './mock/swot'

type Method = keyof Backend

export interface MockOptions {
  /** When set, journalInfo reports it and every other call fails with it. */
  journalError?: ErrorPayload | null
  path?: string
  /** Simulated latency of every call, in milliseconds (0 = resolve on the next microtask). */
  latencyMs?: number
  /** Backups already there (newest first). */
  backups?: BackupInfo[]
  /**
   * A journal that opens but fails its integrity check: `checkJournal` reports this, and
   * from then on behaves like `journalError`.
   */
  failsCheck?: ErrorPayload | null
}

/** Calls that work even when the journal cannot be opened (they do not need it). */
const WITHOUT_JOURNAL: ReadonlySet<Method> = new Set<Method>([
  'journalInfo',
  'checkJournal',
  'listBackups',
  'restoreBackup',
  'chooseReportPath',
  'openPath',
  'revealPath',
  'chooseJournalFile',
  'openJournal',
])

const KEEP_BACKUPS = 10

const REPORT_STAGES = ['Collecting the partnership', 'Drawing the charts', 'Laying out the sessions', 'Writing the PDF']

/** "2026-03-01T09:00:00Z" (RFC 3339, UTC, to the second), as the Rust side sends it. */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return i > 0 ? path.slice(0, i) : '.'
}

const SHORT_MAX = 300
const LONG_MAX = 100_000
const FORMATS: SessionFormat[] = ['in_person', 'coffee', 'video', 'phone', 'chat', 'other']

function invalid(field: string, message: string): never {
  throw new BackendError({ code: 'invalid_input', message, field })
}

function checkDate(value: string, field: string, label: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) invalid(field, `The ${label} is not a valid date.`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2999) invalid(field, `The ${label} must be between the years 1900 and 2999.`)
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    invalid(field, `The ${label} is not a valid date.`)
  }
}

function checkLength(value: string, max: number, field: string, label: string): void {
  if ([...value].length > max) invalid(field, `The ${label} is too long (at most ${max} characters).`)
}

function checkRange(value: number, min: number, max: number, field: string, label: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(field, `The ${label} must be a whole number from ${min} to ${max}.`)
  }
}

function validatePartnership(draft: PartnershipDraft): PartnershipDraft {
  const partner_name = draft.partner_name.trim()
  if (partner_name === '') invalid('partner_name', "Please give your partner's name.")
  checkLength(partner_name, SHORT_MAX, 'partner_name', "partner's name")
  checkLength(draft.partner_org.trim(), SHORT_MAX, 'partner_org', 'organisation')
  checkLength(draft.my_name.trim(), SHORT_MAX, 'my_name', 'name')
  checkDate(draft.started_on, 'started_on', 'start date')
  if (draft.ended_on !== null) {
    checkDate(draft.ended_on, 'ended_on', 'end date')
    if (draft.ended_on < draft.started_on) {
      invalid('ended_on', 'The end date cannot be before the start date.')
    }
  }
  const a = draft.agreement
  checkLength(a.objectives, LONG_MAX, 'objectives', 'objectives')
  checkLength(a.boundaries, LONG_MAX, 'boundaries', 'boundaries')
  checkLength(a.ending, LONG_MAX, 'ending', 'ending')
  if (a.cadence_days !== null) checkRange(a.cadence_days, 1, 366, 'cadence_days', 'cadence (in days)')
  if (a.session_minutes !== null) {
    checkRange(a.session_minutes, 1, 1440, 'session_minutes', 'usual session length (in minutes)')
  }
  return {
    ...draft,
    partner_name,
    partner_org: draft.partner_org.trim(),
    my_name: draft.my_name.trim(),
    agreement: { ...a },
  }
}

const MAX_TOPIC_CHARS = 60
const MAX_TOPICS = 30

/** The topics after trimming, without empty ones and duplicates (ignoring case), in order. */
export function cleanTopics(topics: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of topics) {
    const t = raw.trim()
    if (t === '' || seen.has(t.toLowerCase())) continue
    seen.add(t.toLowerCase())
    out.push(t)
  }
  return out
}

function validateSession(draft: SessionDraft): SessionDraft {
  const title = draft.title.trim()
  if (title === '') invalid('title', 'Please give the session a title.')
  checkLength(title, SHORT_MAX, 'title', 'title')
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(draft.held_at)
  if (!m) invalid('held_at', 'Please give the date and time the session was held.')
  checkDate(m[1], 'held_at', 'session date')
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) {
    invalid('held_at', 'The session time is not a valid time.')
  }
  checkRange(draft.duration_minutes, 1, 1440, 'duration_minutes', 'duration (in minutes)')
  if (!FORMATS.includes(draft.format)) invalid('format', 'Please choose how you met.')
  checkLength(draft.place.trim(), SHORT_MAX, 'place', 'place or link')
  checkLength(draft.agenda, LONG_MAX, 'agenda', 'agenda')
  checkLength(draft.notes, LONG_MAX, 'notes', 'notes')
  checkLength(draft.shared, LONG_MAX, 'shared', 'text of what you shared')
  checkLength(draft.learned, LONG_MAX, 'learned', 'text of what you learned')
  checkLength(draft.reflection, LONG_MAX, 'reflection', 'reflection')
  for (const raw of draft.topics) {
    const t = raw.trim()
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(t)) {
      invalid('topics', `The topic "${t}" contains a line break or another control character; a topic is a short tag on one line.`)
    }
    if ([...t].length > MAX_TOPIC_CHARS) {
      invalid('topics', `The topic "${[...t].slice(0, 20).join('')}…" is too long: a topic is a short tag of at most ${MAX_TOPIC_CHARS} characters.`)
    }
  }
  const topics = cleanTopics(draft.topics)
  if (topics.length > MAX_TOPICS) {
    invalid('topics', `A session can have at most ${MAX_TOPICS} topics (this one has ${topics.length}).`)
  }
  if (draft.rating !== null && (!Number.isInteger(draft.rating) || draft.rating < 1 || draft.rating > 5)) {
    invalid('rating', `A rating goes from 1 (poorly) to 5 (very well), not ${draft.rating}.`)
  }
  return { ...draft, title, place: draft.place.trim(), topics }
}

function excerptOf(notes: string): string {
  const plain = notes
    .replace(/[#>*_`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > 160 ? `${plain.slice(0, 159)}…` : plain
}

const clone = <T>(value: T): T => structuredClone(value)

/** A comparator step for descending order: negative when `a` comes first. */
const desc = (a: string, b: string): number => (a > b ? -1 : a < b ? 1 : 0)

/** In-memory backend for tests and for running the UI in a plain browser. */
export class MockBackend implements Backend {
  /** Every table of the mock journal; `partnerships` and `sessions` below are its maps. */
  readonly db: MockDb = new MockDb(
    (prefix) => this.#id(prefix),
    () => this.#now(),
  )
  partnerships: Map<string, Partnership> = this.db.partnerships
  sessions: Map<string, Session> = this.db.sessions
  readonly actions = new MockActions(this.db)
  readonly goals = new MockGoals(this.db)
  readonly finder = new MockFinder(this.db)
  readonly swot = new MockSwot(this.db)
  /** Every call made, in order, as "method" names. */
  calls: Method[] = []
  sampleLoaded = false
  journalError: ErrorPayload | null
  path: string
  latencyMs: number
  /** Newest first, as listBackups returns them. */
  backups: BackupInfo[]
  /** Paths passed to restoreBackup that succeeded, in order. */
  restored: string[] = []
  /** Reports written, in order. */
  exports: { options: ReportOptions; path: string }[] = []
  /** Default names passed to chooseReportPath, in order. */
  reportNames: string[] = []
  /** What chooseReportPath answers: a path, null (cancelled), or undefined: ~/Documents/<name>. */
  nextReportPath: string | null | undefined = undefined
  /** Paths passed to openPath and revealPath. */
  opened: string[] = []
  revealed: string[] = []
  /** Delay between two progress messages of an export, in milliseconds. */
  exportStepMs = 5

  #nextId = 1
  #exportHold: Promise<void> | null = null
  #clock = Date.UTC(2026, 2, 1, 9, 0, 0)
  #failures: { method: Method | null; error: ErrorPayload }[] = []
  #failsCheck: ErrorPayload | null = null

  constructor(options: MockOptions = {}) {
    this.journalError = options.journalError ?? null
    this.path = options.path ?? '/home/me/.local/share/tandem/journal.sqlite'
    this.latencyMs = options.latencyMs ?? 0
    this.backups = options.backups ? clone(options.backups) : []
    this.#failsCheck = options.failsCheck ?? null
  }

  /**
   * Holds every export after its first progress message until the returned function is
   * called, so that a test can look at the dialog while the report is being made.
   */
  holdExports(): () => void {
    let release = () => {}
    this.#exportHold = new Promise<void>((resolve) => {
      release = resolve
    })
    return () => {
      this.#exportHold = null
      release()
    }
  }

  /** A backup as the Rust side names it, made at `createdAt` (RFC 3339). */
  backupAt(createdAt: string, sizeBytes = 245_760): BackupInfo {
    const stamp = createdAt.replace(/[-:]/g, '').replace('T', '-').replace(/Z$/, '')
    return { path: `${dirOf(this.path)}/backups/journal-${stamp}.sqlite3`, created_at: createdAt, size_bytes: sizeBytes }
  }

  /** Makes the next call (or the next call of `method`) fail with `error`. */
  failNext(error: Partial<ErrorPayload> & { message: string }, method: Method | null = null): void {
    this.#failures.push({
      method,
      error: { code: error.code ?? 'internal', message: error.message, field: error.field ?? null },
    })
  }

  callsOf(method: Method): number {
    return this.calls.filter((c) => c === method).length
  }

  async #run<T>(method: Method, body: () => T | Promise<T>): Promise<T> {
    this.calls.push(method)
    if (this.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.latencyMs))
    } else {
      await Promise.resolve()
    }
    const i = this.#failures.findIndex((f) => f.method === null || f.method === method)
    if (i >= 0) {
      const [failure] = this.#failures.splice(i, 1)
      throw new BackendError(failure.error)
    }
    if (this.journalError && !WITHOUT_JOURNAL.has(method)) throw new BackendError(this.journalError)
    return clone(await body())
  }

  #id(prefix: string): string {
    return `${prefix}-${String(this.#nextId++).padStart(4, '0')}`
  }

  #now(): string {
    this.#clock += 1000
    return new Date(this.#clock).toISOString()
  }

  #partnership(id: string): Partnership {
    const p = this.partnerships.get(id)
    if (!p || p.deleted_at) {
      throw new BackendError({ code: 'not_found', message: 'This partnership no longer exists.', field: null })
    }
    return p
  }

  #session(id: string): Session {
    const s = this.sessions.get(id)
    if (!s) throw new BackendError({ code: 'not_found', message: 'This session no longer exists.', field: null })
    return s
  }

  #overview(p: Partnership): PartnershipOverview {
    const own = [...this.sessions.values()].filter((s) => s.partnership_id === p.id && !s.deleted_at)
    const last = own.reduce<string | null>((acc, s) => (acc === null || s.held_at > acc ? s.held_at : acc), null)
    return { partnership: p, session_count: own.length, last_session_at: last }
  }

  journalInfo(): Promise<JournalInfo> {
    return this.#run('journalInfo', () => ({ path: this.path, error: this.journalError }))
  }

  checkJournal(): Promise<JournalInfo> {
    return this.#run('checkJournal', () => {
      if (this.#failsCheck && !this.journalError) this.journalError = this.#failsCheck
      return { path: this.path, error: this.journalError }
    })
  }

  listPartnerships(): Promise<PartnershipOverview[]> {
    return this.#run('listPartnerships', () => {
      const all = [...this.partnerships.values()].filter((p) => !p.deleted_at).map((p) => this.#overview(p))
      const activity = (o: PartnershipOverview) => o.last_session_at ?? o.partnership.started_on
      return all.sort((a, b) => {
        const openA = a.partnership.ended_on === null ? 0 : 1
        const openB = b.partnership.ended_on === null ? 0 : 1
        if (openA !== openB) return openA - openB
        return activity(b).localeCompare(activity(a))
      })
    })
  }

  getPartnership(id: string): Promise<Partnership> {
    return this.#run('getPartnership', () => this.#partnership(id))
  }

  createPartnership(draft: PartnershipDraft): Promise<Partnership> {
    return this.#run('createPartnership', () => {
      const clean = validatePartnership(draft)
      const now = this.#now()
      const p: Partnership = { ...clean, id: this.#id('p'), created_at: now, updated_at: now }
      this.partnerships.set(p.id, p)
      return p
    })
  }

  updatePartnership(id: string, draft: PartnershipDraft): Promise<Partnership> {
    return this.#run('updatePartnership', () => {
      const old = this.#partnership(id)
      const clean = validatePartnership(draft)
      const p: Partnership = { ...clean, id, created_at: old.created_at, updated_at: this.#now() }
      this.partnerships.set(id, p)
      return p
    })
  }

  listSessions(partnershipId: string, limit: number, offset: number): Promise<SessionPage> {
    return this.#run('listSessions', () => {
      this.#partnership(partnershipId)
      // Newest first, the most recently written first among sessions held at the same time,
      // as the store orders them (plain comparisons: ISO strings sort as they read).
      const live = [...this.sessions.values()]
        .filter((s) => s.partnership_id === partnershipId && !s.deleted_at)
        .sort((a, b) => desc(a.held_at, b.held_at) || desc(a.created_at, b.created_at) || desc(a.id, b.id))
      const sessions = live.slice(offset, offset + limit).map((s) => this.#summary(s))
      return { total: live.length, offset, sessions }
    })
  }

  #summary(s: Session): SessionSummary {
    return {
      id: s.id,
      partnership_id: s.partnership_id,
      held_at: s.held_at,
      duration_minutes: s.duration_minutes,
      format: s.format,
      title: s.title,
      excerpt: excerptOf(s.notes),
      topics: [...s.topics],
      rating: s.rating,
      open_actions: [...this.db.actionItems.values()].filter((a) => a.session_id === s.id && !a.done && !a.deleted_at)
        .length,
      visibility: s.visibility,
      updated_at: s.updated_at,
    }
  }

  getSession(id: string): Promise<Session> {
    return this.#run('getSession', () => this.#session(id))
  }

  createSession(partnershipId: string, draft: SessionDraft): Promise<Session> {
    return this.#run('createSession', () => {
      this.#partnership(partnershipId)
      const clean = validateSession(draft)
      const now = this.#now()
      const s: Session = { ...clean, id: this.#id('s'), partnership_id: partnershipId, created_at: now, updated_at: now }
      this.sessions.set(s.id, s)
      return s
    })
  }

  updateSession(id: string, draft: SessionDraft): Promise<Session> {
    return this.#run('updateSession', () => {
      const old = this.#session(id)
      const clean = validateSession(draft)
      const s: Session = { ...old, ...clean, updated_at: this.#now() }
      this.sessions.set(id, s)
      return s
    })
  }

  loadSample(): Promise<ImportReport | null> {
    return this.#run('loadSample', () => {
      if (this.sampleLoaded) return null
      this.sampleLoaded = true
      let added = 0
      for (const { partnership, sessions } of SAMPLE) {
        const now = this.#now()
        const p: Partnership = { ...partnership, id: this.#id('p'), created_at: now, updated_at: now }
        this.partnerships.set(p.id, p)
        added++
        for (const { actions, ...draft } of sessions) {
          const s: Session = { ...draft, id: this.#id('s'), partnership_id: p.id, created_at: now, updated_at: now }
          this.sessions.set(s.id, s)
          added++
          actions.forEach((a, position) => {
            const item: ActionItem = {
              ...a,
              id: this.#id('a'),
              session_id: s.id,
              position,
              created_at: now,
              updated_at: now,
            }
            this.db.actionItems.set(item.id, item)
            added++
          })
        }
        // The first sample partnership (Zoë) also has both sides of a SWOT.
        if (this.db.snapshots.size === 0) addSampleSwot(this.db, p.id)
      }
      return { added, updated: 0, unchanged: 0 }
    })
  }
  listTopics(): Promise<TopicCount[]> {
    return this.#run('listTopics', () => this.actions.listTopics())
  }
  listActionItems(sessionId: string): Promise<ActionItem[]> {
    return this.#run('listActionItems', () => this.actions.listActionItems(sessionId))
  }
  openActionItems(partnershipId: string): Promise<ActionItemView[]> {
    return this.#run('openActionItems', () => this.actions.openActionItems(partnershipId))
  }
  createActionItem(sessionId: string, draft: ActionItemDraft): Promise<ActionItem> {
    return this.#run('createActionItem', () => this.actions.createActionItem(sessionId, draft))
  }
  updateActionItem(id: string, draft: ActionItemDraft): Promise<ActionItem> {
    return this.#run('updateActionItem', () => this.actions.updateActionItem(id, draft))
  }
  renderMarkdown(text: string): Promise<string> {
    return this.#run('renderMarkdown', () => this.actions.renderMarkdown(text))
  }
  listGoals(partnershipId: string): Promise<GoalSummary[]> {
    return this.#run('listGoals', () => this.goals.listGoals(partnershipId))
  }
  getGoal(id: string): Promise<GoalDetail> {
    return this.#run('getGoal', () => this.goals.getGoal(id))
  }
  createGoal(partnershipId: string, draft: GoalDraft): Promise<Goal> {
    return this.#run('createGoal', () => this.goals.createGoal(partnershipId, draft))
  }
  updateGoal(id: string, draft: GoalDraft): Promise<Goal> {
    return this.#run('updateGoal', () => this.goals.updateGoal(id, draft))
  }
  createMilestone(goalId: string, draft: MilestoneDraft): Promise<Milestone> {
    return this.#run('createMilestone', () => this.goals.createMilestone(goalId, draft))
  }
  updateMilestone(id: string, draft: MilestoneDraft): Promise<Milestone> {
    return this.#run('updateMilestone', () => this.goals.updateMilestone(id, draft))
  }
  addProgress(goalId: string, draft: ProgressDraft): Promise<ProgressEntry> {
    return this.#run('addProgress', () => this.goals.addProgress(goalId, draft))
  }
  updateProgress(id: string, draft: ProgressDraft): Promise<ProgressEntry> {
    return this.#run('updateProgress', () => this.goals.updateProgress(id, draft))
  }
  dashboard(partnershipId: string): Promise<Dashboard> {
    return this.#run('dashboard', () => this.goals.dashboard(partnershipId))
  }
  search(query: string, limit: number): Promise<SearchHit[]> {
    return this.#run('search', () => this.finder.search(query, limit))
  }
  moveToTrash(kind: ItemKind, id: string): Promise<TrashEntry> {
    return this.#run('moveToTrash', () => this.finder.moveToTrash(kind, id))
  }
  restoreFromTrash(kind: ItemKind, id: string): Promise<void> {
    return this.#run('restoreFromTrash', () => this.finder.restoreFromTrash(kind, id))
  }
  listTrash(): Promise<TrashEntry[]> {
    return this.#run('listTrash', () => this.finder.listTrash())
  }
  emptyTrash(): Promise<number> {
    return this.#run('emptyTrash', () => this.finder.emptyTrash())
  }
  swotBoard(partnershipId: string, mineSnapshotId: string | null, partnerSnapshotId: string | null): Promise<SwotBoard> {
    return this.#run('swotBoard', () => this.swot.swotBoard(partnershipId, mineSnapshotId, partnerSnapshotId))
  }
  startSnapshot(partnershipId: string, side: Side, takenOn: string, reason: string): Promise<SwotView> {
    return this.#run('startSnapshot', () => this.swot.startSnapshot(partnershipId, side, takenOn, reason))
  }
  updateSnapshot(id: string, takenOn: string, reason: string): Promise<SwotSnapshot> {
    return this.#run('updateSnapshot', () => this.swot.updateSnapshot(id, takenOn, reason))
  }
  addSwotItem(snapshotId: string, draft: SwotItemDraft): Promise<SwotItem> {
    return this.#run('addSwotItem', () => this.swot.addSwotItem(snapshotId, draft))
  }
  updateSwotItem(id: string, draft: SwotItemDraft): Promise<SwotItem> {
    return this.#run('updateSwotItem', () => this.swot.updateSwotItem(id, draft))
  }
  moveSwotItem(id: string, quadrant: Quadrant, position: number): Promise<SwotView> {
    return this.#run('moveSwotItem', () => this.swot.moveSwotItem(id, quadrant, position))
  }
  linkSwotItems(id: string, otherId: string | null): Promise<void> {
    return this.#run('linkSwotItems', () => this.swot.linkSwotItems(id, otherId))
  }
  compareSnapshots(beforeId: string, afterId: string): Promise<SwotComparison> {
    return this.#run('compareSnapshots', () => this.swot.compareSnapshots(beforeId, afterId))
  }
  listTows(partnershipId: string): Promise<TowsStrategy[]> {
    return this.#run('listTows', () => this.swot.listTows(partnershipId))
  }
  createTows(partnershipId: string, draft: TowsDraft): Promise<TowsStrategy> {
    return this.#run('createTows', () => this.swot.createTows(partnershipId, draft))
  }
  updateTows(id: string, draft: TowsDraft): Promise<TowsStrategy> {
    return this.#run('updateTows', () => this.swot.updateTows(id, draft))
  }
  towsToGoal(id: string): Promise<Goal> {
    return this.#run('towsToGoal', () => this.swot.towsToGoal(id))
  }


  exportReport(options: ReportOptions, path: string, onProgress: (progress: Progress) => void): Promise<ReportFile> {
    return this.#run('exportReport', async () => {
      this.#partnership(options.partnership_id)
      if (options.from !== null) checkDate(options.from, 'from', 'first day of the period')
      if (options.to !== null) checkDate(options.to, 'to', 'last day of the period')
      if (options.from !== null && options.to !== null && options.to < options.from) {
        invalid('to', 'The period ends before it starts: choose a last day after the first.')
      }
      if (path.trim() === '') invalid('path', 'Please choose where to save the report.')
      const sessions = [...this.sessions.values()].filter(
        (s) =>
          s.partnership_id === options.partnership_id &&
          (options.from === null || s.held_at.slice(0, 10) >= options.from) &&
          (options.to === null || s.held_at.slice(0, 10) <= options.to),
      )
      const total = REPORT_STAGES.length
      for (let i = 0; i < total; i++) {
        await new Promise((resolve) => setTimeout(resolve, this.exportStepMs))
        onProgress({ done: i + 1, total, stage: REPORT_STAGES[i] })
        if (i === 0 && this.#exportHold) await this.#exportHold
      }
      this.exports.push({ options: clone(options), path })
      return { path, pages: 3 + Math.ceil(sessions.length / 4), size_bytes: 48_128 + sessions.length * 2_048 + (options.include_private ? 1_024 : 0) }
    })
  }

  chooseReportPath(defaultName: string): Promise<string | null> {
    return this.#run('chooseReportPath', () => {
      this.reportNames.push(defaultName)
      return this.nextReportPath === undefined ? `/home/me/Documents/${defaultName}` : this.nextReportPath
    })
  }

  openPath(path: string): Promise<void> {
    return this.#run('openPath', () => {
      this.opened.push(path)
    })
  }

  revealPath(path: string): Promise<void> {
    return this.#run('revealPath', () => {
      this.revealed.push(path)
    })
  }

  listBackups(): Promise<BackupInfo[]> {
    return this.#run('listBackups', () => this.backups)
  }

  #backup(): BackupInfo {
    const info = this.backupAt(rfc3339(Date.now()), 245_760 + this.sessions.size * 1_024)
    this.backups = [info, ...this.backups.filter((b) => b.path !== info.path)].slice(0, KEEP_BACKUPS)
    return info
  }

  backupNow(): Promise<BackupInfo> {
    return this.#run('backupNow', () => this.#backup())
  }

  /** What chooseJournalFile answers (null: cancelled). */
  nextJournalFile: string | null = null
  /** The error the next journal opened with openJournal reports (null: it opens). */
  nextJournalError: ErrorPayload | null = null

  chooseJournalFile(): Promise<string | null> {
    return this.#run('chooseJournalFile', () => this.nextJournalFile)
  }

  openJournal(path: string): Promise<JournalInfo> {
    return this.#run('openJournal', () => {
      this.path = path
      this.journalError = this.nextJournalError
      return { path: this.path, error: this.journalError }
    })
  }

  restoreBackup(path: string): Promise<RestoreReport> {
    return this.#run('restoreBackup', () => {
      if (!this.backups.some((b) => b.path === path)) {
        throw new BackendError({ code: 'not_found', message: 'This backup no longer exists.', field: null })
      }
      const damaged = this.journalError !== null
      const previous = damaged ? `${this.path}.damaged-${rfc3339(Date.now()).replace(/[-:]/g, '')}` : this.#backup().path
      this.journalError = null
      this.restored.push(path)
      return { journal: this.path, restored_from: path, previous_saved_to: previous, previous_was_damaged: damaged }
    })
  }
}

type SampleSession = SessionDraft & { actions: ActionItemDraft[] }

const SAMPLE: { partnership: PartnershipDraft; sessions: SampleSession[] }[] = [
  {
    partnership: {
      partner_name: 'Zoë Okafor',
      partner_org: 'Northwind Analytics',
      my_name: 'Margaret Hale',
      my_role: 'both',
      kind: 'reverse',
      started_on: '2026-01-12',
      ended_on: null,
      agreement: {
        objectives: 'Zoë shows me how her team uses AI tools and social media day to day.\nI help Zoë prepare for her first team-lead role.',
        boundaries: 'Thursdays after 16:00. Chat for quick questions, answered within two working days. What we say stays between us.',
        cadence_days: 14,
        session_minutes: 45,
        ending: 'We review in June and decide together whether to go on.',
      },
    },
    sessions: [
      {
        held_at: '2026-02-26T16:15:00',
        duration_minutes: 45,
        format: 'video',
        place: '',
        title: 'Prompting for real work',
        agenda: '- [ ] How Zoë drafts reports with an assistant\n- [ ] Preparing a difficult conversation',
        notes: 'Zoë walked me through how she drafts reports with an assistant, and where she **never** uses one.\n\nI shared how I prepare a difficult conversation.',
        shared: 'How I prepare a difficult conversation: write the *first sentence* down, then listen.',
        learned: 'Ask the assistant for an outline first, then write the report myself.\n\n- never paste client data\n- check every number',
        topics: ['AI tools', 'feedback'],
        rating: 5,
        reflection: 'I talked too much at the start. Let Zoë lead next time.',
        visibility: 'private',
        actions: [
          { text: 'Try an assistant on the March board summary', owner: 'me', due_on: '2026-03-06', done: false },
          { text: 'Zoë plans the first one-to-one with her new team', owner: 'partner', due_on: '2026-03-12', done: false },
        ],
      },
      {
        held_at: '2026-02-12T16:00:00',
        duration_minutes: 50,
        format: 'coffee',
        place: 'Café Lumen',
        title: 'LinkedIn, honestly',
        agenda: '',
        notes: 'What a useful post looks like. I agreed to try one short post a week.',
        shared: 'Which posts from senior people I actually read, and why.',
        learned: 'Short posts with one idea do better than long essays. Reply to comments the same day.',
        topics: ['social media', 'LinkedIn'],
        rating: 4,
        reflection: '',
        visibility: 'shared',
        actions: [
          { text: 'Write one short LinkedIn post a week', owner: 'me', due_on: '2026-02-26', done: false },
          { text: 'Send each other three posts we liked', owner: 'both', due_on: '2026-02-19', done: true },
        ],
      },
      {
        held_at: '2026-01-29T16:00:00',
        duration_minutes: 40,
        format: 'in_person',
        place: 'Meeting room 4',
        title: 'Getting to know each other',
        agenda: '1. Who we are\n2. Objectives and boundaries',
        notes: 'Agreed on objectives and boundaries. Zoë would like feedback on presenting to senior people.',
        shared: 'My path from analyst to director, and what I would do differently.',
        learned: 'How Zoë’s team uses chat instead of meetings.',
        topics: ['leadership', 'feedback'],
        rating: 4,
        reflection: '',
        visibility: 'private',
        actions: [{ text: 'Zoë sends the slides of her next presentation', owner: 'partner', due_on: null, done: false }],
      },
    ],
  },
  {
    partnership: {
      partner_name: 'Daniel Brooks',
      partner_org: 'Northwind Analytics',
      my_name: 'Margaret Hale',
      my_role: 'mentor',
      kind: 'traditional',
      started_on: '2025-03-03',
      ended_on: '2025-12-15',
      agreement: { objectives: '', boundaries: '', cadence_days: 30, session_minutes: 60, ending: '' },
    },
    sessions: [
      {
        held_at: '2025-12-15T10:00:00',
        duration_minutes: 60,
        format: 'in_person',
        place: '',
        title: 'Closing the year',
        agenda: '',
        notes: 'We looked back on the year and agreed to end here.',
        shared: '',
        learned: '',
        topics: ['leadership'],
        rating: 5,
        reflection: '',
        visibility: 'private',
        actions: [],
      },
    ],
  },
]
