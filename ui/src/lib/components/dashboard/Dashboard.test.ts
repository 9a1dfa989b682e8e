import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import type { Component } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../../backend/context'
import { FakeBackend } from '../../../test/backend'
import type { Agreement, Partnership, PartnershipDraft } from '../../generated/types'
import { partnershipDraft, sessionDraft } from '../../../test/helpers'
import { isoDate } from '../../format'
import { goalDraft } from '../goals/fixtures'
import { fakeUndo } from '../goals/testing/fakeUndo'
import WithUndo from '../goals/testing/WithUndo.svelte'
import Dashboard from './Dashboard.svelte'

const agreement = (cadence: number | null): Agreement => ({
  objectives: '',
  boundaries: '',
  cadence_days: cadence,
  session_minutes: 45,
  ending: '',
  visibility: 'private',
})

function show(backend: FakeBackend, partnership: Partnership) {
  const undo = fakeUndo()
  const props = {
    partnership,
    onopensession: vi.fn(),
    onnewsession: vi.fn(),
    onopengoal: vi.fn(),
    onnewgoal: vi.fn(),
    onedit: vi.fn(),
  }
  render(WithUndo, {
    props: { component: Dashboard as unknown as Component<Record<string, unknown>>, props, undo: undo.toast },
    context: backendContext(backend),
  })
  return { props, undo }
}

const DAY_MS = 86_400_000
/** Today on this computer (the core's today too) as a UTC midnight, to count days on. */
const todayUtc = () => {
  const [y, m, d] = isoDate(new Date()).split('-').map(Number)
  return Date.UTC(y, m - 1, d)
}
/** "YYYY-MM-DD" of `offset` days from today. */
const day = (offset: number) => new Date(todayUtc() + offset * DAY_MS).toISOString().slice(0, 10)
/** "YYYY-MM-DD" of day `date` of the month `offset` months from this one. */
const dayOfMonth = (offset: number, date: number) => {
  const t = new Date(todayUtc())
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + offset, date)).toISOString().slice(0, 10)
}
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`)
/** "Thu 12 Mar" (with the year when it is not this year's). */
const shortDay = (iso: string) => {
  const text = utc(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
  const year = utc(iso).getUTCFullYear()
  return year === new Date(todayUtc()).getUTCFullYear() ? text : `${text} ${year}`
}
/** "March 2026" of the month `offset` months from this one. */
const longMonth = (offset: number) =>
  utc(dayOfMonth(offset, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** A partnership with Zoë and a session of 45 minutes on each of `days` (the core counts from the real today). */
async function withSessions(draft: Partial<PartnershipDraft>, days: string[]) {
  const backend = new FakeBackend()
  const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor', started_on: day(-400), ...draft }))
  for (const d of days) await backend.core.createSession(p.id, sessionDraft({ held_at: `${d}T09:00:00`, duration_minutes: 45 }))
  return { backend, p }
}

describe('Dashboard', () => {
  it('says when the next session is due', async () => {
    const { backend, p } = await withSessions({ agreement: agreement(14) }, [day(-23), day(-9)])
    show(backend, p)
    expect(await screen.findByTestId('next-due')).toHaveTextContent(`Next session due ${shortDay(day(5))} · in 5 days`)
    expect(screen.queryByTestId('stalled')).toBeNull()
    expect(screen.getByTestId('session-count')).toHaveTextContent('2')
    expect(screen.getByTestId('hours-together')).toHaveTextContent('1.5')
    expect(screen.getByTestId('hours-together').nextElementSibling).toHaveTextContent('hours together')
  })

  it('says when it is due today, tomorrow, or overdue', async () => {
    for (const [last, text] of [
      [-14, '· today'],
      [-13, '· tomorrow'],
      [-16, '· overdue by 2 days'],
      [-15, '· overdue by 1 day'],
    ] as const) {
      document.body.innerHTML = ''
      const { backend, p } = await withSessions({ agreement: agreement(14) }, [day(last)])
      show(backend, p)
      expect(await screen.findByTestId('next-due')).toHaveTextContent(`Next session due ${shortDay(day(last + 14))} ${text}`)
      expect(screen.queryByTestId('stalled')).toBeNull()
    }
  })

  it('nudges gently when the partnership has stalled', async () => {
    const { backend, p } = await withSessions({ agreement: agreement(14) }, [day(-35)])
    const { props } = show(backend, p)
    const nudge = await screen.findByTestId('stalled')
    expect(nudge).toHaveTextContent(
      'It’s been 5 weeks since you last met Zoë — your agreement says every 2 weeks. Plan the next session?',
    )
    await fireEvent.click(within(nudge).getByRole('button', { name: 'New session' }))
    expect(props.onnewsession).toHaveBeenCalledTimes(1)
  })

  it('has friendly empty states for a new partnership', async () => {
    const { backend, p } = await withSessions({ started_on: day(-1) }, [])
    const { props } = show(backend, p)
    expect(await screen.findByTestId('next-due')).toHaveTextContent('No meeting rhythm agreed yet.')
    expect(screen.getByText('Your first session with Zoë')).toBeInTheDocument()
    expect(screen.getByText('Nothing open — you’re all caught up.')).toBeInTheDocument()
    expect(screen.queryByTestId('stalled')).toBeNull()
    expect(screen.queryAllByTestId('month-bar')).toHaveLength(0)
    expect(screen.getByRole('img', { name: /no sessions yet/ })).toBeInTheDocument()
    await fireEvent.click(screen.getByRole('button', { name: 'Set a goal' }))
    expect(props.onnewgoal).toHaveBeenCalledTimes(1)
    await fireEvent.click(screen.getByRole('button', { name: 'Agree how often to meet' }))
    expect(props.onedit).toHaveBeenCalledTimes(1)
    await fireEvent.click(screen.getByRole('button', { name: 'Record a session' }))
    expect(props.onnewsession).toHaveBeenCalledTimes(1)
  })

  it('says so when the partnership has ended, and never nags', async () => {
    const { backend, p } = await withSessions({ started_on: '2025-01-01', ended_on: '2025-06-30', agreement: agreement(14) }, [
      '2025-06-30',
    ])
    show(backend, p)
    expect(await screen.findByTestId('next-due')).toHaveTextContent('This partnership ended on 30 Jun 2025.')
    expect(screen.queryByTestId('stalled')).toBeNull()
  })

  it('lists open action items overdue first, ticks them done and links to their session', async () => {
    const { backend, p } = await withSessions({ agreement: agreement(14) }, [day(-5)])
    const [session] = (await backend.core.listSessions(p.id, 10, 0)).sessions
    await backend.core.createActionItem(session.id, { text: 'Later', owner: 'partner', due_on: day(10), done: false })
    await backend.core.createActionItem(session.id, { text: 'Send the deck', owner: 'me', due_on: day(-4), done: false })
    const { props, undo } = show(backend, p)
    const items = await screen.findAllByTestId('open-action')
    expect(items.map((i) => i.querySelector('.action-text')?.textContent)).toEqual(['Send the deck', 'Later'])
    expect(within(items[0]).getByText('overdue')).toBeInTheDocument()
    expect(within(items[1]).queryByText('overdue')).toBeNull()
    expect(items[1]).toHaveTextContent('Zoë')

    await fireEvent.click(within(items[1]).getByRole('button', { name: /First steps with AI tools/ }))
    expect(props.onopensession).toHaveBeenCalledWith(session.id)

    await fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Send the deck' }))
    await waitFor(() => expect(screen.getAllByTestId('open-action')).toHaveLength(1))
    expect(backend.callsOf('updateActionItem')).toBe(1)
    expect((await backend.core.openActionItems(p.id)).map((v) => v.item.text)).toEqual(['Later'])
    expect(undo.shown.at(-1)?.message).toBe('Marked “Send the deck” done')
    await undo.undoLast()
    await waitFor(() => expect(screen.getAllByTestId('open-action')).toHaveLength(2))
  })

  it('shows goal progress bars and sessions per month', async () => {
    const { backend, p } = await withSessions({ agreement: agreement(14) }, [
      dayOfMonth(-2, 8),
      dayOfMonth(-2, 22),
      dayOfMonth(-1, 5),
      dayOfMonth(0, 1),
    ])
    const g = await backend.core.createGoal(p.id, goalDraft({ title: 'Lead a meeting' }))
    await backend.core.addProgress(g.id, { recorded_on: dayOfMonth(0, 1), value: 70, note: '' })
    await backend.core.createGoal(p.id, goalDraft({ title: 'Gone', status: 'dropped' }))
    // Regression: "1/2 goals achieved" with three goals listed (the PDF said "1 of 3").
    await backend.core.createGoal(p.id, goalDraft({ title: 'Met', status: 'achieved' }))
    await backend.core.createGoal(p.id, goalDraft({ title: 'Not yet', status: 'not_started' }))
    const { props } = show(backend, p)

    const goals = await screen.findAllByTestId('dashboard-goal')
    expect(goals).toHaveLength(3)
    expect(screen.getByText('goals achieved').previousElementSibling).toHaveTextContent('1/3')
    expect(within(goals[0]).getByRole('progressbar', { name: 'Progress of Lead a meeting' })).toHaveAttribute(
      'aria-valuenow',
      '70',
    )
    await fireEvent.click(goals[0])
    expect(props.onopengoal).toHaveBeenCalledWith(g.id)

    expect(screen.getAllByTestId('month-bar')).toHaveLength(3)
    expect(
      screen.getByRole('img', {
        name: `Sessions per month, ${longMonth(-11)} to ${longMonth(0)}: 4 sessions in all, most in ${longMonth(-2)} (2).`,
      }),
    ).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Sessions per month' })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(13)
    expect(rows.at(-1)).toHaveTextContent(`${longMonth(0)}1`)
  })
})
