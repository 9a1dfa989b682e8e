import { describe, expect, it } from 'vitest'
import { partnershipDraft, sessionDraft } from '../../../test/helpers'
import { goalDraft } from '../../components/goals/fixtures'
import type { ActionItem } from '../../generated/types'
import { MockBackend } from '../mock'
import { BackendError } from '../types'

async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p
  } catch (err) {
    return err as BackendError
  }
  throw new Error('expected a rejection')
}

function actionItem(b: MockBackend, sessionId: string, text: string, dueOn: string | null, done = false): ActionItem {
  const now = b.db.now()
  const item: ActionItem = {
    id: b.db.id('ai'),
    session_id: sessionId,
    position: 0,
    text,
    owner: 'me',
    due_on: dueOn,
    done,
    created_at: now,
    updated_at: now,
  }
  b.db.actionItems.set(item.id, item)
  return item
}

describe('MockBackend goals', () => {
  it('lists goals active first, then not started, achieved, dropped, with their latest progress', async () => {
    const b = new MockBackend()
    const p = await b.createPartnership(partnershipDraft())
    const dropped = await b.createGoal(p.id, goalDraft({ title: 'Dropped', status: 'dropped' }))
    const achieved = await b.createGoal(p.id, goalDraft({ title: 'Achieved', status: 'achieved' }))
    const notStarted = await b.createGoal(p.id, goalDraft({ title: 'Not started', status: 'not_started' }))
    const active = await b.createGoal(p.id, goalDraft({ title: 'Active' }))
    await b.addProgress(active.id, { recorded_on: '2026-02-20', value: 60, note: '' })
    // Recorded later but dated earlier: not the latest.
    await b.addProgress(active.id, { recorded_on: '2026-01-10', value: 20, note: '' })
    const ms = await b.createMilestone(active.id, { title: 'First post', due_on: null, done: false })
    await b.createMilestone(active.id, { title: 'Second post', due_on: '2026-04-01', done: false })
    await b.updateMilestone(ms.id, { title: 'First post', due_on: null, done: true })

    const list = await b.listGoals(p.id)
    expect(list.map((g) => g.goal.id)).toEqual([active.id, notStarted.id, achieved.id, dropped.id])
    expect(list[0]).toMatchObject({ progress: 60, milestones_done: 1, milestones_total: 2 })
    expect(list[1].progress).toBeNull()

    const detail = await b.getGoal(active.id)
    expect(detail.progress.map((e) => e.value)).toEqual([20, 60])
    expect(detail.milestones.map((m) => [m.title, m.position])).toEqual([
      ['First post', 0],
      ['Second post', 1],
    ])
  })

  it('validates like the Rust core', async () => {
    const b = new MockBackend()
    const p = await b.createPartnership(partnershipDraft())
    const empty = await rejection(b.createGoal(p.id, goalDraft({ title: '   ' })))
    expect(empty).toBeInstanceOf(BackendError)
    expect(empty.code).toBe('invalid_input')
    expect(empty.field).toBe('title')
    expect(empty.message).toMatch(/cannot be empty/)
    expect((await rejection(b.createGoal(p.id, goalDraft({ title: 'x'.repeat(301) })))).field).toBe('title')
    expect((await rejection(b.createGoal(p.id, goalDraft({ target_on: '2026-02-30' })))).field).toBe('target_on')
    const g = await b.createGoal(p.id, goalDraft({ title: '  Ünïcödé 🎯 <b>bold</b>  ' }))
    expect(g.title).toBe('Ünïcödé 🎯 <b>bold</b>')
    expect((await rejection(b.addProgress(g.id, { recorded_on: '2026-03-01', value: 101, note: '' }))).field).toBe('value')
    expect((await rejection(b.addProgress(g.id, { recorded_on: '2026-03-01', value: 2.5, note: '' }))).field).toBe('value')
    expect((await rejection(b.addProgress(g.id, { recorded_on: '1899-01-01', value: 5, note: '' }))).field).toBe(
      'recorded_on',
    )
    expect((await rejection(b.createMilestone(g.id, { title: '', due_on: null, done: false }))).field).toBe('title')
    expect((await rejection(b.getGoal('goal-nope'))).code).toBe('not_found')
    // Nothing was stored by the refused calls.
    expect((await b.getGoal(g.id)).progress).toHaveLength(0)
  })

  it('leaves trashed goals, milestones and progress out', async () => {
    const b = new MockBackend()
    const p = await b.createPartnership(partnershipDraft())
    const g = await b.createGoal(p.id, goalDraft())
    const ms = await b.createMilestone(g.id, { title: 'One', due_on: null, done: true })
    await b.addProgress(g.id, { recorded_on: '2026-02-01', value: 10, note: '' })
    const late = await b.addProgress(g.id, { recorded_on: '2026-02-10', value: 40, note: '' })
    b.db.milestones.set(ms.id, { ...ms, deleted_at: b.db.now() })
    b.db.progress.set(late.id, { ...late, deleted_at: b.db.now() })
    expect((await b.listGoals(p.id))[0]).toMatchObject({ progress: 10, milestones_total: 0 })
    b.db.goals.set(g.id, { ...b.db.goals.get(g.id)!, deleted_at: b.db.now() })
    expect(await b.listGoals(p.id)).toEqual([])
    expect((await rejection(b.getGoal(g.id))).code).toBe('not_found')
  })

  it('builds the dashboard: due date, stalled, open actions overdue first, months', async () => {
    const b = new MockBackend()
    b.db.today = '2026-03-10'
    const p = await b.createPartnership(
      partnershipDraft({
        started_on: '2025-11-01',
        agreement: { objectives: '', boundaries: '', cadence_days: 14, session_minutes: 45, ending: '' },
      }),
    )
    const s1 = await b.createSession(p.id, sessionDraft({ held_at: '2026-01-05T10:00:00', duration_minutes: 45, title: 'One' }))
    await b.createSession(p.id, sessionDraft({ held_at: '2026-02-02T10:00:00', duration_minutes: 60, title: 'Two' }))
    const later = actionItem(b, s1.id, 'Undated', null)
    const soon = actionItem(b, s1.id, 'Due soon', '2026-03-20')
    const overdue = actionItem(b, s1.id, 'Overdue', '2026-03-01')
    actionItem(b, s1.id, 'Done', '2026-01-01', true)
    await b.createGoal(p.id, goalDraft({ title: 'Dropped', status: 'dropped' }))
    const kept = await b.createGoal(p.id, goalDraft({ title: 'Kept', status: 'achieved' }))

    const d = await b.dashboard(p.id)
    expect(d.session_count).toBe(2)
    expect(d.minutes_together).toBe(105)
    expect(d.last_session_at).toBe('2026-02-02T10:00:00')
    expect(d.next_due_on).toBe('2026-02-16')
    expect(d.days_since_last).toBe(36)
    expect(d.stalled).toBe(true)
    expect(d.open_actions.map((a) => [a.item.id, a.overdue])).toEqual([
      [overdue.id, true],
      [soon.id, false],
      [later.id, false],
    ])
    expect(d.goals.map((g) => g.goal.id)).toEqual([kept.id])
    expect(d.sessions_per_month).toHaveLength(12)
    expect(d.sessions_per_month[0].month).toBe('2025-04')
    expect(d.sessions_per_month.at(-1)).toEqual({ month: '2026-03', sessions: 0 })
    expect(d.sessions_per_month.find((m) => m.month === '2026-01')?.sessions).toBe(1)

    b.db.today = '2026-02-20'
    const fresh = await b.dashboard(p.id)
    expect(fresh.stalled).toBe(false)
    expect(fresh.days_since_last).toBe(18)
  })

  it('has no due date without a cadence or once ended, and counts from the start without sessions', async () => {
    const b = new MockBackend()
    b.db.today = '2026-03-01'
    const none = await b.createPartnership(partnershipDraft({ started_on: '2026-02-01' }))
    const d = await b.dashboard(none.id)
    expect(d).toMatchObject({ next_due_on: null, stalled: false, days_since_last: 28, session_count: 0, last_session_at: null })
    const cadence = { objectives: '', boundaries: '', cadence_days: 7, session_minutes: null, ending: '' }
    const fresh = await b.createPartnership(partnershipDraft({ started_on: '2026-02-25', agreement: cadence }))
    expect((await b.dashboard(fresh.id)).next_due_on).toBe('2026-03-04')
    const ended = await b.createPartnership(
      partnershipDraft({ started_on: '2025-01-01', ended_on: '2025-06-01', agreement: cadence }),
    )
    expect(await b.dashboard(ended.id)).toMatchObject({ next_due_on: null, stalled: false })
  })
})
