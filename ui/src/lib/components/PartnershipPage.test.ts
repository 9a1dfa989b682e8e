import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../backend/context'
import { FakeBackend } from '../../test/backend'
import type { PartnershipTab } from '../navigation'
import { partnershipDraft, renderApp, sessionDraft, settle, shownSessionTitle } from '../../test/helpers'
import { goalDraft } from './goals/fixtures'
import PartnershipPage from './PartnershipPage.svelte'

function renderPage(backend: FakeBackend, id: string, tab: PartnershipTab = 'overview') {
  const props = {
    id,
    tab,
    ontab: vi.fn(),
    onopensession: vi.fn(),
    onnewsession: vi.fn(),
    onopengoal: vi.fn(),
    onnewgoal: vi.fn(),
    onedit: vi.fn(),
    onexport: vi.fn(),
    onloaded: vi.fn(),
  }
  const result = render(PartnershipPage, { props, context: backendContext(backend) })
  return { ...result, props }
}

describe('Partnership page', () => {
  it('lists sessions newest first, with topics, rating and open actions', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor', kind: 'reverse', my_role: 'mentee' }))
    await backend.core.createSession(p.id, sessionDraft({ title: 'Older one', held_at: '2026-02-17T09:30:00' }))
    const recent = await backend.core.createSession(
      p.id,
      sessionDraft({
        title: 'Prompting for real work',
        held_at: '2026-03-03T16:15:00',
        format: 'coffee',
        duration_minutes: 50,
        topics: ['AI tools', 'feedback'],
        rating: 4,
      }),
    )
    await backend.core.createActionItem(recent.id, { text: 'Try one prompt a day', owner: 'me', due_on: null, done: false })
    renderApp(backend)

    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    await fireEvent.click(screen.getByRole('tab', { name: 'Sessions' }))
    const cards = await screen.findAllByTestId('session-item')
    expect(cards).toHaveLength(2)
    expect(cards[0]).toHaveTextContent('Prompting for real work')
    expect(cards[0]).toHaveTextContent('Tue 3 Mar 2026, 16:15')
    expect(cards[0]).toHaveTextContent('Coffee · 50 min')
    expect(within(cards[0]).getByText('AI tools')).toBeInTheDocument()
    expect(within(cards[0]).getByLabelText('Rated 4 of 5')).toBeInTheDocument()
    expect(within(cards[0]).getByTestId('open-actions')).toHaveTextContent('1 open action')
    expect(cards[1]).toHaveTextContent('Older one')
    expect(within(cards[1]).queryByTestId('open-actions')).toBeNull()

    const header = screen.getByRole('heading', { level: 1 }).closest('header')!
    expect(within(header).getByText('Reverse')).toBeInTheDocument()
    expect(within(header).getByText('I’m mentored')).toBeInTheDocument()
    expect(within(header).getByText('since 12 Jan 2026')).toBeInTheDocument()
    expect(document.body.dataset.ready).toBe('true')

    await fireEvent.click(cards[1])
    await waitFor(() => expect(shownSessionTitle()).toBe('Older one'))
  })

  it('shows "Not agreed yet" for an empty agreement and the texts when there are some', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(
      partnershipDraft({
        agreement: {
          objectives: 'AI tools for me, **leadership** for Zoë',
          boundaries: '',
          cadence_days: 14,
          session_minutes: 45,
          ending: '',
          visibility: 'private',
        },
      }),
    )
    const empty = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Empty' }))
    renderPage(backend, p.id, 'agreement')
    const agreement = await screen.findByTestId('agreement')
    await waitFor(() => expect(agreement).toHaveTextContent('AI tools for me, leadership for Zoë'))
    expect(agreement).toHaveTextContent('Every two weeks · 45 min')
    expect(within(agreement).getAllByText('Not agreed yet')).toHaveLength(2)

    document.body.innerHTML = ''
    renderPage(backend, empty.id, 'agreement')
    expect(within(await screen.findByTestId('agreement')).getAllByText('Not agreed yet')).toHaveLength(4)
  })

  it('issue 17: the agreement tab says whether the agreement is shared with the partner', async () => {
    const backend = new FakeBackend()
    const draft = partnershipDraft({ partner_name: 'Zoë Okafor' })
    const shared = await backend.core.createPartnership({ ...draft, agreement: { ...draft.agreement, visibility: 'shared' } })
    const priv = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ana Ferreira' }))
    renderPage(backend, shared.id, 'agreement')
    expect(await screen.findByTestId('agreement-visibility')).toHaveTextContent('Shared with Zoë')
    document.body.innerHTML = ''
    renderPage(backend, priv.id, 'agreement')
    expect(await screen.findByTestId('agreement-visibility')).toHaveTextContent('Private')
  })

  it('has a friendly empty sessions tab', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const { props } = renderPage(backend, p.id, 'sessions')
    expect(await screen.findByText('No sessions yet — record your first one')).toBeInTheDocument()
    expect(screen.queryAllByTestId('session-item')).toHaveLength(0)
    await fireEvent.click(screen.getByRole('button', { name: 'Record a session' }))
    expect(props.onnewsession).toHaveBeenCalledTimes(1)
  })

  it('shows a long list a window at a time, with its total', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    for (let i = 0; i < 300; i++) {
      const held = new Date(Date.UTC(2026, 1, 1) - i * 3_600_000).toISOString().slice(0, 19)
      await backend.core.createSession(p.id, sessionDraft({ title: `Session ${i}`, held_at: held }))
    }
    const list = vi.spyOn(backend, 'listSessions')
    renderPage(backend, p.id, 'sessions')
    expect(await screen.findByTestId('session-count')).toHaveTextContent('300 sessions')
    const items = await screen.findAllByTestId('session-item')
    expect(items.length).toBeGreaterThan(0)
    expect(items.length).toBeLessThan(100)
    expect(items[0]).toHaveTextContent('Session 0')
    expect(list.mock.calls.every(([, limit]) => limit <= 100)).toBe(true)
  })

  it('asks for no sessions on the Overview and tells it loaded once the dashboard has', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    await backend.core.createSession(p.id, sessionDraft())
    const release = backend.hold('dashboard')
    const { props } = renderPage(backend, p.id, 'overview')
    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    await settle()
    expect(props.onloaded).not.toHaveBeenCalled()
    release()
    await waitFor(() => expect(props.onloaded).toHaveBeenCalledWith(true))
    expect(screen.getByTestId('dashboard')).toBeInTheDocument()
    expect(backend.callsOf('listSessions')).toBe(0)

    // Later tabs load on their own: the first screen was told once.
    await fireEvent.click(screen.getByRole('tab', { name: 'Sessions' }))
    await screen.findAllByTestId('session-item')
    expect(backend.callsOf('listSessions')).toBe(1)
    expect(props.onloaded).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['sessions', 'listSessions'],
    ['goals', 'listGoals'],
    ['swot', 'swotBoard'],
  ] as const)('tells it loaded once the %s tab has its data', async (tab, method) => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const release = backend.hold(method)
    const { props } = renderPage(backend, p.id, tab)
    await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })
    await settle()
    expect(props.onloaded).not.toHaveBeenCalled()
    release()
    await waitFor(() => expect(props.onloaded).toHaveBeenCalledExactlyOnceWith(true))
    expect(backend.callsOf('dashboard')).toBe(0)
  })

  it('tells it loaded with the partnership on the Agreement tab, and failed when the partnership cannot load', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const { props } = renderPage(backend, p.id, 'agreement')
    await waitFor(() => expect(props.onloaded).toHaveBeenCalledExactlyOnceWith(true))

    document.body.innerHTML = ''
    backend.failNext({ code: 'io', message: 'Disk unreadable.' }, 'getPartnership')
    const failed = renderPage(backend, p.id, 'sessions')
    expect(await screen.findByRole('alert')).toHaveTextContent('Disk unreadable.')
    expect(failed.props.onloaded).toHaveBeenCalledExactlyOnceWith(false)
    expect(backend.callsOf('listSessions')).toBe(0)
  })

  it('switches tabs with the arrow keys, Home and End, and tells the parent', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const { props } = renderPage(backend, p.id, 'overview')
    const overview = await screen.findByRole('tab', { name: 'Overview' })
    expect(screen.getByRole('tablist')).toBeInTheDocument()
    expect(overview).toHaveAttribute('aria-selected', 'true')
    expect(overview).toHaveAttribute('tabindex', '0')
    expect(screen.getByRole('tab', { name: 'Goals' })).toHaveAttribute('tabindex', '-1')
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', overview.id)

    overview.focus()
    await fireEvent.keyDown(overview, { key: 'ArrowRight' })
    const sessions = screen.getByRole('tab', { name: 'Sessions' })
    expect(sessions).toHaveAttribute('aria-selected', 'true')
    expect(document.activeElement).toBe(sessions)
    expect(props.ontab).toHaveBeenLastCalledWith('sessions')
    expect(await screen.findByText('No sessions yet — record your first one')).toBeInTheDocument()

    await fireEvent.keyDown(sessions, { key: 'End' })
    expect(props.ontab).toHaveBeenLastCalledWith('exchange')
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' })
    expect(props.ontab).toHaveBeenLastCalledWith('overview')
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' })
    expect(props.ontab).toHaveBeenLastCalledWith('exchange')
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    expect(props.ontab).toHaveBeenLastCalledWith('overview')
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')

    await fireEvent.click(screen.getByRole('tab', { name: 'SWOT' }))
    expect(props.ontab).toHaveBeenLastCalledWith('swot')
    expect(props.ontab).toHaveBeenCalledTimes(6)
  })

  it('opens on the tab it is given and follows the prop', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const { rerender } = renderPage(backend, p.id, 'goals')
    expect(await screen.findByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true')
    await rerender({ tab: 'agreement' })
    expect(screen.getByRole('tab', { name: 'Agreement' })).toHaveAttribute('aria-selected', 'true')
    expect(await screen.findByTestId('agreement')).toBeInTheDocument()
  })

  it('lists goals with progress, status, whose, target and milestones', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    await backend.core.createGoal(p.id, goalDraft({ title: 'Done already', status: 'achieved' }))
    const g = await backend.core.createGoal(p.id, goalDraft({ title: 'Lead a meeting', whose: 'partners', target_on: '2026-06-30' }))
    await backend.core.addProgress(g.id, { recorded_on: '2026-02-01', value: 40, note: '' })
    const m = await backend.core.createMilestone(g.id, { title: 'Prepare', due_on: null, done: false })
    await backend.core.createMilestone(g.id, { title: 'Run it', due_on: null, done: false })
    await backend.core.updateMilestone(m.id, { title: 'Prepare', due_on: null, done: true })
    const { props } = renderPage(backend, p.id, 'goals')

    const items = await screen.findAllByTestId('goal-item')
    expect(items.map((i) => i.querySelector('.title')?.textContent)).toEqual(['Lead a meeting', 'Done already'])
    expect(within(items[0]).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40')
    expect(items[0]).toHaveTextContent('Active')
    expect(items[0]).toHaveTextContent('Zoë’s')
    expect(items[0]).toHaveTextContent('target 30 Jun 2026')
    expect(within(items[0]).getByTestId('goal-milestones')).toHaveTextContent('1/2 milestones')
    // An achieved goal reads as complete, not as "no progress" (it had none recorded).
    expect(within(items[1]).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
    expect(items[1]).toHaveTextContent('Achieved')
    await fireEvent.click(items[0])
    expect(props.onopengoal).toHaveBeenCalledWith(g.id)
    await fireEvent.click(screen.getByTestId('new-goal'))
    expect(props.onnewgoal).toHaveBeenCalledTimes(1)
  })

  it('has a friendly empty goals tab', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const { props } = renderPage(backend, p.id, 'goals')
    expect(await screen.findByText('No goals yet')).toBeInTheDocument()
    await fireEvent.click(screen.getByRole('button', { name: 'Set your first goal' }))
    expect(props.onnewgoal).toHaveBeenCalledTimes(1)
  })

  it('creates a goal from the Goals tab and lists it on return (through the App)', async () => {
    const backend = new FakeBackend()
    await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    renderApp(backend)
    await fireEvent.click(await screen.findByRole('tab', { name: 'Goals' }))
    await fireEvent.click(await screen.findByTestId('new-goal'))
    const title = await waitFor(() => {
      const el = document.getElementById('goal-title')
      if (!el) throw new Error('no goal editor yet')
      return el
    })
    await fireEvent.input(title, { target: { value: 'Run a team retro' } })
    await fireEvent.click(screen.getByTestId('back'))
    const items = await screen.findAllByTestId('goal-item')
    expect(items).toHaveLength(1)
    expect(items[0]).toHaveTextContent('Run a team retro')
    expect(screen.getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true')
  })

  it('opens a new session with Ctrl+N', async () => {
    const backend = new FakeBackend()
    await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    renderApp(backend)
    await screen.findByTestId('new-session')
    await fireEvent.keyDown(window, { key: 'n', ctrlKey: true })
    await waitFor(() => expect(shownSessionTitle()).toBe('Session with Zoë'))
  })
})
