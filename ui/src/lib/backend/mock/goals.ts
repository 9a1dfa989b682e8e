import type {
  ActionItemView,
  Dashboard,
  Goal,
  GoalDetail,
  GoalDraft,
  GoalStatus,
  GoalSummary,
  LearningDirection,
  Milestone,
  MilestoneDraft,
  MonthCount,
  Partnership,
  ProgressDraft,
  ProgressEntry,
  Session,
  Whose,
} from '../../generated/types'
import { invalid, notFound, type MockDb } from './db'

const SHORT_MAX = 300
const LONG_MAX = 5 * 1024 * 1024

const WHOSE: readonly Whose[] = ['mine', 'partners', 'shared']
const DIRECTIONS: readonly LearningDirection[] = ['i_learn', 'partner_learns', 'both_learn']
/** Order of the goal list: active first, then not started, achieved, dropped. */
const STATUS_ORDER: readonly GoalStatus[] = ['active', 'not_started', 'achieved', 'dropped']

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of a "YYYY-MM-DD" (or the day of a "YYYY-MM-DDTHH:MM:SS"). */
function dayNumber(value: string): number {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number)
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10)
}

function text(field: string, label: string, value: string, max: number): void {
  if (value.includes('\0')) {
    invalid(field, `${label} contains a NUL character, which Tandem cannot keep. Remove it and try again.`)
  }
  if (new TextEncoder().encode(value).length > max) {
    invalid(field, `${label} is too long (the limit is ${Math.floor(max / 1024)} KB).`)
  }
}

function required(field: string, label: string, value: string): void {
  text(field, label, value, SHORT_MAX)
  if (value.trim() === '') invalid(field, `${label} cannot be empty.`)
}

function date(field: string, label: string, value: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) invalid(field, `${label} is not a valid date.`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const parsed = new Date(Date.UTC(y, mo - 1, d))
  if (parsed.getUTCMonth() !== mo - 1 || parsed.getUTCDate() !== d) invalid(field, `${label} is not a valid date.`)
  if (y < 1900 || y > 2999) {
    invalid(field, `${label} (${value}) is not a plausible date: use a year between 1900 and 2999.`)
  }
}

function validateGoal(d: GoalDraft): GoalDraft {
  required('title', 'The goal’s title', d.title)
  text('description', 'The description', d.description, LONG_MAX)
  text('success_criteria', 'The success criteria', d.success_criteria, LONG_MAX)
  if (!WHOSE.includes(d.whose)) invalid('whose', 'Please choose whose goal it is.')
  if (!DIRECTIONS.includes(d.direction)) invalid('direction', 'Please choose which way the learning goes.')
  if (!STATUS_ORDER.includes(d.status)) invalid('status', 'Please choose the goal’s status.')
  if (d.target_on !== null) date('target_on', 'The target date', d.target_on)
  return { ...d, title: d.title.trim() }
}

function validateMilestone(d: MilestoneDraft): MilestoneDraft {
  required('title', 'The milestone', d.title)
  if (d.due_on !== null) date('due_on', 'The due date', d.due_on)
  return { ...d, title: d.title.trim() }
}

function validateProgress(d: ProgressDraft): ProgressDraft {
  date('recorded_on', 'The date', d.recorded_on)
  if (!Number.isInteger(d.value) || d.value < 0 || d.value > 100) {
    invalid('value', 'Progress is a whole number from 0 to 100 per cent.')
  }
  text('note', 'The note', d.note, LONG_MAX)
  return { ...d }
}

const live = <T extends { deleted_at?: string }>(record: T | undefined): record is T =>
  record !== undefined && record.deleted_at === undefined

/** Goals, milestones, progress and the dashboard of the mock backend. */
export class MockGoals {
  constructor(private db: MockDb) {}

  #partnership(id: string): Partnership {
    const p = this.db.partnerships.get(id)
    if (!live(p)) notFound('partnership')
    return p
  }

  #goal(id: string): Goal {
    const g = this.db.goals.get(id)
    if (!live(g) || !live(this.db.partnerships.get(g.partnership_id))) notFound('goal')
    return g
  }

  #milestones(goalId: string): Milestone[] {
    return [...this.db.milestones.values()]
      .filter((m) => m.goal_id === goalId && live(m))
      .sort((a, b) => a.position - b.position || a.created_at.localeCompare(b.created_at))
  }

  /** Oldest first (by date, then by when it was recorded). */
  #progress(goalId: string): ProgressEntry[] {
    return [...this.db.progress.values()]
      .filter((e) => e.goal_id === goalId && live(e))
      .sort((a, b) => a.recorded_on.localeCompare(b.recorded_on) || a.created_at.localeCompare(b.created_at))
  }

  #summary(goal: Goal): GoalSummary {
    const milestones = this.#milestones(goal.id)
    const progress = this.#progress(goal.id)
    return {
      goal,
      progress: progress.length > 0 ? progress[progress.length - 1].value : null,
      milestones_done: milestones.filter((m) => m.done).length,
      milestones_total: milestones.length,
    }
  }

  listGoals(partnershipId: string): GoalSummary[] {
    this.#partnership(partnershipId)
    return [...this.db.goals.values()]
      .filter((g) => g.partnership_id === partnershipId && live(g))
      .sort(
        (a, b) =>
          STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
          (a.target_on ?? '9999').localeCompare(b.target_on ?? '9999') ||
          a.created_at.localeCompare(b.created_at),
      )
      .map((g) => this.#summary(g))
  }

  getGoal(id: string): GoalDetail {
    const goal = this.#goal(id)
    return { goal, milestones: this.#milestones(id), progress: this.#progress(id) }
  }

  createGoal(partnershipId: string, draft: GoalDraft): Goal {
    this.#partnership(partnershipId)
    const clean = validateGoal(draft)
    const now = this.db.now()
    const goal: Goal = { ...clean, id: this.db.id('goal'), partnership_id: partnershipId, created_at: now, updated_at: now }
    this.db.goals.set(goal.id, goal)
    return goal
  }

  updateGoal(id: string, draft: GoalDraft): Goal {
    const old = this.#goal(id)
    const clean = validateGoal(draft)
    const goal: Goal = { ...old, ...clean, updated_at: this.db.now() }
    this.db.goals.set(id, goal)
    return goal
  }

  createMilestone(goalId: string, draft: MilestoneDraft): Milestone {
    this.#goal(goalId)
    const clean = validateMilestone(draft)
    const last = this.#milestones(goalId).at(-1)
    const now = this.db.now()
    const m: Milestone = {
      ...clean,
      id: this.db.id('ms'),
      goal_id: goalId,
      position: last ? last.position + 1 : 0,
      created_at: now,
      updated_at: now,
    }
    this.db.milestones.set(m.id, m)
    return m
  }

  updateMilestone(id: string, draft: MilestoneDraft): Milestone {
    const old = this.db.milestones.get(id)
    if (!live(old)) notFound('milestone')
    this.#goal(old.goal_id)
    const clean = validateMilestone(draft)
    const m: Milestone = { ...old, ...clean, updated_at: this.db.now() }
    this.db.milestones.set(id, m)
    return m
  }

  addProgress(goalId: string, draft: ProgressDraft): ProgressEntry {
    this.#goal(goalId)
    const clean = validateProgress(draft)
    const now = this.db.now()
    const e: ProgressEntry = { ...clean, id: this.db.id('pr'), goal_id: goalId, created_at: now, updated_at: now }
    this.db.progress.set(e.id, e)
    return e
  }

  updateProgress(id: string, draft: ProgressDraft): ProgressEntry {
    const old = this.db.progress.get(id)
    if (!live(old)) notFound('progress entry')
    this.#goal(old.goal_id)
    const clean = validateProgress(draft)
    const e: ProgressEntry = { ...old, ...clean, updated_at: this.db.now() }
    this.db.progress.set(id, e)
    return e
  }

  #openActions(sessions: Session[]): ActionItemView[] {
    const today = this.db.today
    const byId = new Map(sessions.map((s) => [s.id, s]))
    const views: ActionItemView[] = []
    for (const item of this.db.actionItems.values()) {
      const session = byId.get(item.session_id)
      if (!session || !live(item) || item.done) continue
      views.push({
        item,
        session_title: session.title,
        session_held_at: session.held_at,
        overdue: item.due_on !== null && item.due_on < today,
      })
    }
    return views.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.item.due_on ?? '9999').localeCompare(b.item.due_on ?? '9999') ||
        a.session_held_at.localeCompare(b.session_held_at) ||
        a.item.position - b.item.position,
    )
  }

  dashboard(partnershipId: string): Dashboard {
    const p = this.#partnership(partnershipId)
    const sessions = [...this.db.sessions.values()].filter((s) => s.partnership_id === partnershipId && live(s))
    const last = sessions.reduce<string | null>((acc, s) => (acc === null || s.held_at > acc ? s.held_at : acc), null)
    const today = dayNumber(this.db.today)
    const from = dayNumber(last ?? p.started_on)
    const since = today - from
    const cadence = p.agreement.cadence_days
    const ended = p.ended_on !== null
    const next = cadence !== null && !ended ? dayString(from + cadence) : null

    const months: MonthCount[] = []
    const [ty, tm] = this.db.today.split('-').map(Number)
    for (let i = 11; i >= 0; i--) {
      const d = new Date(Date.UTC(ty, tm - 1 - i, 1))
      const month = d.toISOString().slice(0, 7)
      months.push({ month, sessions: sessions.filter((s) => s.held_at.startsWith(month)).length })
    }

    return {
      partnership_id: partnershipId,
      session_count: sessions.length,
      minutes_together: sessions.reduce((sum, s) => sum + s.duration_minutes, 0),
      last_session_at: last,
      next_due_on: next,
      days_since_last: since >= 0 ? since : null,
      stalled: cadence !== null && !ended && since >= 2 * cadence,
      open_actions: this.#openActions(sessions).slice(0, 12),
      open_action_count: this.#openActions(sessions).length,
      goals: this.listGoals(partnershipId).filter((g) => g.goal.status !== 'dropped'),
      sessions_per_month: months,
    }
  }
}
