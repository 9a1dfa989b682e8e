import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { FakeBackend } from './test/backend'
import { loadPlace, savePlace } from './lib/place'
import { enterDate, partnershipDraft, renderApp, sessionDraft, shownSessionTitle } from './test/helpers'

describe('App start', () => {
  it('welcomes the user on an empty journal', async () => {
    renderApp()
    expect(await screen.findByTestId('start-partnership')).toHaveTextContent('Start a partnership')
    expect(screen.getByTestId('load-sample')).toHaveTextContent('Explore a sample journal')
    expect(screen.getByText(/A private journal for your mentoring partnership — stays on this computer\./)).toBeInTheDocument()
    expect(screen.getByTestId('privacy-note')).toHaveTextContent('Everything stays in one file on this computer')
    expect(screen.queryAllByTestId('partnership-item')).toHaveLength(0)
    expect(document.body.dataset.ready).toBe('true')
  })

  it('loads the sample journal, lists its partnerships and opens the first one', async () => {
    const { backend } = renderApp()
    await fireEvent.click(await screen.findByTestId('load-sample'))
    await waitFor(() => expect(screen.getAllByTestId('partnership-item')).toHaveLength(2))
    expect(backend.callsOf('loadSample')).toBe(1)
    const items = screen.getAllByTestId('partnership-item')
    expect(items[0]).toHaveTextContent('Zoë Okafor')
    expect(items[1]).toHaveTextContent('Ana Ferreira')
    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    await fireEvent.click(screen.getByRole('tab', { name: 'Sessions' }))
    const [zoe] = await backend.core.listPartnerships()
    expect(zoe.session_count).toBe(7)
    expect(await screen.findAllByTestId('session-item')).toHaveLength(7)
    expect(items[0]).toHaveAttribute('aria-current', 'page')
  })

  it('shows only a calm full-page message when the journal cannot be opened', async () => {
    const backend = new FakeBackend({ journal: 'too_new' })
    renderApp(backend)
    const page = await screen.findByTestId('journal-error')
    const { error } = await backend.core.journalInfo()
    expect(error?.code).toBe('journal_too_new')
    expect(page).toHaveTextContent(error!.message)
    expect(page).toHaveTextContent(await backend.path())
    expect(screen.queryByTestId('new-partnership')).toBeNull()
    expect(screen.queryByTestId('start-partnership')).toBeNull()
    // The list is asked for alongside the journal's state; its failure shows nothing more.
    expect(screen.queryByTestId('partnership-item')).toBeNull()
    expect(document.body.dataset.ready).toBe('true')
    expect(backend.callsOf('checkJournal')).toBe(0)
  })

  it('shows the first screen at once, then the full-page message if the integrity check fails', async () => {
    // Opens (the whole-file check is deferred), and the check then finds the damage.
    const backend = new FakeBackend({ journal: 'fails_check' })
    const [first] = await backend.core.listPartnerships()
    const name = first.partnership.partner_name
    renderApp(backend)
    expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument()
    const page = await screen.findByTestId('journal-error')
    const { error } = await backend.core.journalInfo()
    expect(error?.code).toBe('journal_damaged')
    expect(page).toHaveTextContent(error!.message)
    expect(document.body.dataset.ready).toBe('true')
    expect(backend.callsOf('checkJournal')).toBe(1)
    expect(screen.queryByRole('heading', { level: 1, name })).toBeNull()
    // Nothing reads the journal once it is known to be damaged.
    expect(backend.callsOf('listTrash')).toBe(0)
  })

  it('checks a sound journal once, after the first screen, then counts the trash', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ana Silva' }))
    const s = await backend.core.createSession(p.id, sessionDraft({ title: 'Gone' }))
    await backend.core.moveToTrash('session', s.id)
    renderApp(backend)
    await waitFor(() => expect(screen.getByTestId('trash-count')).toHaveTextContent('1'))
    expect(backend.callsOf('checkJournal')).toBe(1)
    expect(screen.queryByTestId('journal-error')).toBeNull()
  })

  it('reopens the session where the user left off', async () => {
    const backend = new FakeBackend()
    await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ana Silva' }))
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
    const s = await backend.core.createSession(p.id, sessionDraft({ title: 'Feedback that lands' }))
    savePlace(await backend.path(), { partnershipId: p.id, sessionId: s.id })
    renderApp(backend)
    await waitFor(() => expect(shownSessionTitle()).toBe('Feedback that lands'))
    expect(screen.getByTestId('back')).toHaveTextContent('Ben Ito')
    const selected = screen.getAllByTestId('partnership-item').find((el) => el.getAttribute('aria-current') === 'page')
    expect(selected).toHaveTextContent('Ben Ito')
  })

  it('ignores the place remembered for another journal file', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
    // A start without a remembered place opens the partnership met most recently (Ana).
    await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ana Silva', started_on: '2026-02-01' }))
    savePlace('/elsewhere/journal.sqlite3', { partnershipId: p.id, sessionId: null })
    renderApp(backend)
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Ana Silva')
  })

  it('falls back to the partnership when the remembered session is gone', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
    const s = await backend.core.createSession(p.id, sessionDraft({ title: 'Gone' }))
    await backend.core.moveToTrash('session', s.id)
    await backend.core.emptyTrash()
    savePlace(await backend.path(), { partnershipId: p.id, sessionId: s.id })
    renderApp(backend)
    expect(await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })).toBeInTheDocument()
  })

  it('opens a partnership from the sidebar and remembers it', async () => {
    const backend = new FakeBackend()
    await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ana Silva' }))
    const ben = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito', ended_on: '2026-02-01' }))
    renderApp(backend)
    const items = await screen.findAllByTestId('partnership-item')
    const benItem = items.find((el) => within(el).queryByText('Ben Ito'))!
    expect(benItem).toHaveTextContent('no sessions yet')
    await fireEvent.click(benItem)
    expect(await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })).toBeInTheDocument()
    expect(screen.getByText(/ended 1 Feb 2026/)).toBeInTheDocument()
    expect(loadPlace(await backend.path())).toEqual({ partnershipId: ben.id, sessionId: null, tab: 'overview' })
  })
})

async function journalWithGoal() {
  const backend = new FakeBackend()
  const { core } = backend
  const p = await core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
  const s = await core.createSession(p.id, sessionDraft({ title: 'Feedback that lands', notes: 'We practised feedback.' }))
  const goal = await core.createGoal(p.id, {
    title: 'Present with confidence',
    description: 'Feel at ease in front of the board.',
    whose: 'mine',
    direction: 'i_learn',
    success_criteria: '',
    target_on: null,
    status: 'active',
    visibility: 'private',
  })
  return { backend, p, s, goal, path: await backend.path() }
}

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(window, { key: k, ...init })

describe('App routes', () => {
  it('remembers the tab of a partnership and reopens it', async () => {
    const { backend, p, path } = await journalWithGoal()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await fireEvent.click(screen.getByRole('tab', { name: 'Goals' }))
    await waitFor(() => expect(loadPlace(path)).toEqual({ partnershipId: p.id, sessionId: null, tab: 'goals' }))
    cleanup()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    expect(screen.getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true')
  })

  it('opens a goal, remembers it and reopens it on the next start', async () => {
    const { backend, p, goal, path } = await journalWithGoal()
    savePlace(path, { partnershipId: p.id, sessionId: null, goalId: goal.id })
    renderApp(backend)
    await waitFor(() => expect(backend.callsOf('getGoal')).toBeGreaterThan(0))
    await waitFor(() => expect(screen.getByDisplayValue('Present with confidence')).toBeInTheDocument())
    expect(loadPlace(path)).toEqual({ partnershipId: p.id, sessionId: null, goalId: goal.id })
    const selected = screen.getAllByTestId('partnership-item').find((el) => el.getAttribute('aria-current') === 'page')
    expect(selected).toHaveTextContent('Ben Ito')
  })

  it('opens the goals tab when the remembered goal is in the trash', async () => {
    const { backend, p, goal, path } = await journalWithGoal()
    await backend.core.moveToTrash('goal', goal.id)
    savePlace(path, { partnershipId: p.id, sessionId: null, goalId: goal.id })
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    expect(screen.getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true')
  })

  it('starts a new goal with Ctrl+Shift+G in a partnership, not elsewhere', async () => {
    const { backend, p, path } = await journalWithGoal()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await fireEvent.click(screen.getByTestId('open-backups'))
    await screen.findByRole('heading', { level: 1, name: 'Backups' })
    await key('G', { ctrlKey: true, shiftKey: true })
    expect(screen.getByRole('heading', { level: 1, name: 'Backups' })).toBeInTheDocument()
    await fireEvent.click(screen.getAllByTestId('partnership-item')[0])
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await key('G', { ctrlKey: true, shiftKey: true })
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Ben Ito' })).toBeNull())
    expect(loadPlace(path)).toEqual({ partnershipId: p.id, sessionId: null, tab: 'goals' })
  })
})

describe('App partnership edit', () => {
  it('returns to the tab the edit was started from', async () => {
    const { backend } = await journalWithGoal()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await fireEvent.click(screen.getByRole('tab', { name: 'Agreement' }))
    await fireEvent.click(await screen.findByTestId('edit-agreement'))
    await fireEvent.click(await screen.findByTestId('done'))
    expect(await screen.findByTestId('agreement')).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Agreement' })).toHaveAttribute('aria-selected', 'true')
  })
})

describe('App search', () => {
  it('opens on Ctrl+K, and a session hit opens the session', async () => {
    const { backend } = await journalWithGoal()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await key('k', { ctrlKey: true })
    const input = await screen.findByTestId('search-input')
    await fireEvent.input(input, { target: { value: 'practised' } })
    const [hit] = await screen.findAllByTestId('search-result')
    expect(hit.querySelector('mark')).toHaveTextContent('practised')
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(shownSessionTitle()).toBe('Feedback that lands'))
    expect(screen.queryByTestId('search-palette')).toBeNull()
  })

  it('opens on Ctrl+F and from the sidebar; a goal hit opens the goal', async () => {
    const { backend, p, goal, path } = await journalWithGoal()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await key('f', { ctrlKey: true })
    expect(await screen.findByTestId('search-palette')).toBeInTheDocument()
    await key('Escape')
    await waitFor(() => expect(screen.queryByTestId('search-palette')).toBeNull())
    await fireEvent.click(screen.getByTestId('open-search'))
    const input = await screen.findByTestId('search-input')
    await fireEvent.input(input, { target: { value: 'board' } })
    await screen.findAllByTestId('search-result')
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(screen.getByDisplayValue('Present with confidence')).toBeInTheDocument())
    expect(loadPlace(path)).toEqual({ partnershipId: p.id, sessionId: null, goalId: goal.id })
  })

  it('a SWOT item opens the partnership on its SWOT tab', async () => {
    const { backend, p, path } = await journalWithGoal()
    const view = await backend.core.startSnapshot(p.id, 'mine', '2026-02-01', '', null)
    await backend.core.addSwotItem(view.snapshot.id, { quadrant: 'strengths', text: 'Patient listener', priority: null })
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await key('k', { ctrlKey: true })
    const input = await screen.findByTestId('search-input')
    await fireEvent.input(input, { target: { value: 'listener' } })
    const [hit] = await screen.findAllByTestId('search-result')
    expect(hit).toHaveTextContent('SWOT item')
    await fireEvent.click(hit)
    await waitFor(() => expect(screen.getByRole('tab', { name: 'SWOT' })).toHaveAttribute('aria-selected', 'true'))
    expect(loadPlace(path)).toEqual({ partnershipId: p.id, sessionId: null, tab: 'swot' })
  })

  it('does not open over another dialog', async () => {
    const { backend } = await journalWithGoal()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await key('F1')
    expect(await screen.findByTestId('help-overlay')).toBeInTheDocument()
    await key('k', { ctrlKey: true })
    expect(screen.queryByTestId('search-palette')).toBeNull()
  })
})

describe('App help', () => {
  it('shows the shortcuts on "?" or F1 or from the sidebar, but "?" in a field is just typing', async () => {
    const { backend } = await journalWithGoal()
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await key('?')
    const overlay = await screen.findByTestId('help-overlay')
    expect(overlay).toHaveTextContent('Ctrl+Shift+G')
    await key('Escape')
    await waitFor(() => expect(screen.queryByTestId('help-overlay')).toBeNull())

    await fireEvent.click(screen.getByTestId('open-help'))
    expect(await screen.findByTestId('help-overlay')).toBeInTheDocument()
    await fireEvent.click(within(screen.getByTestId('help-overlay')).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByTestId('help-overlay')).toBeNull())

    await key('n', { ctrlKey: true })
    const title = await waitFor(() => {
      const el = document.getElementById('session-title')
      if (!el) throw new Error('no session editor yet')
      return el
    })
    await fireEvent.keyDown(title, { key: '?' })
    expect(screen.queryByTestId('help-overlay')).toBeNull()
  })
})

describe('App date format', () => {
  it('the format chosen in Help changes every date shown at once, the dates in the core’s sentences too', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito', started_on: '2026-03-01' }))
    await backend.core.createSession(p.id, sessionDraft({ title: 'Kick-off', held_at: '2026-03-03T16:15:00' }))
    renderApp(backend)
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    await fireEvent.click(screen.getByRole('tab', { name: 'Sessions' }))
    const row = await screen.findByTestId('session-item')
    expect(row).toHaveTextContent('Tue 3 Mar 2026, 16:15')

    await fireEvent.click(screen.getByTestId('open-help'))
    const overlay = await screen.findByTestId('help-overlay')
    await fireEvent.click(within(overlay).getByRole('tab', { name: 'Your journal' }))
    const like = within(overlay).getByRole('radio', { name: 'Like this computer (28 Mar 2026)' })
    expect(like).toBeChecked()
    await fireEvent.click(within(overlay).getByRole('radio', { name: 'Mar 28, 2026' }))
    await waitFor(() => expect(screen.getByTestId('session-item')).toHaveTextContent('Tue Mar 3, 2026, 16:15'))
    expect(localStorage.getItem('tandem.dateFormat')).toBe('mdy')
    await fireEvent.click(within(overlay).getByRole('radio', { name: '2026-03-28' }))
    await waitFor(() => expect(screen.getByTestId('session-item')).toHaveTextContent('Tue 2026-03-03, 16:15'))

    // The core writes ISO dates in its sentences; they are shown in the format chosen.
    await fireEvent.click(within(overlay).getByRole('radio', { name: 'Mar 28, 2026' }))
    const refused = await backend.updatePartnership(p.id, { ...partnershipDraft({ partner_name: 'Ben Ito', started_on: '2026-03-01' }), ended_on: '2026-02-01' }).catch((e: Error) => e)
    expect((refused as Error).message).toBe('The end date (Feb 1, 2026) is before the start date (Mar 1, 2026).')
  })
})

describe('App leaving a session', () => {
  it('stops once when an action item’s due date was refused (regression: it was dropped without a word)', async () => {
    const { backend, p, s, path } = await journalWithGoal()
    await backend.core.createActionItem(s.id, { text: 'Send slides', owner: 'me', due_on: null, done: false })
    savePlace(path, { partnershipId: p.id, sessionId: s.id })
    renderApp(backend)
    await waitFor(() => expect(shownSessionTitle()).toBe('Feedback that lands'))
    const edit = screen.queryByTestId('edit-session')
    if (edit) await fireEvent.click(edit)
    await screen.findByTestId('action-item')
    const due = screen.getByLabelText('Due date')
    await fireEvent.change(due, { target: { value: '2000-01-01' } })
    await screen.findByText(/is before the day of its session/)
    await fireEvent.click(screen.getByTestId('back'))
    const banner = await screen.findByTestId('action-unsaved')
    expect(banner).toHaveTextContent('isn’t saved yet')
    expect(shownSessionTitle()).toBe('Feedback that lands')
    await waitFor(() => expect(document.activeElement).toBe(due))
    // Leaving again goes, and the refused date is not stored.
    await fireEvent.click(screen.getByTestId('back'))
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    expect((await backend.core.listActionItems(s.id))[0].due_on).toBeNull()
  })

  it('stops once when a typed due date is not a date (regression: it was dropped without a word)', async () => {
    const { backend, p, s, path } = await journalWithGoal()
    await backend.core.createActionItem(s.id, { text: 'Send slides', owner: 'me', due_on: '2026-12-02', done: false })
    savePlace(path, { partnershipId: p.id, sessionId: s.id })
    renderApp(backend)
    await waitFor(() => expect(shownSessionTitle()).toBe('Feedback that lands'))
    const edit = screen.queryByTestId('edit-session')
    if (edit) await fireEvent.click(edit)
    await screen.findByTestId('action-item')
    const due = screen.getByLabelText('Due date')
    await enterDate(due, 'someday')
    expect(await screen.findByTestId('date-error')).toHaveTextContent('“someday” is not a date.')
    await fireEvent.click(screen.getByTestId('back'))
    await waitFor(() => expect(screen.getByTestId('date-error')).toHaveTextContent('It isn’t saved: correct it, or leave again to discard it.'))
    expect(shownSessionTitle()).toBe('Feedback that lands')
    expect(document.activeElement).toBe(due)
    // Leaving again goes, and the date stored is still the one before.
    await fireEvent.click(screen.getByTestId('back'))
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    expect((await backend.core.listActionItems(s.id))[0].due_on).toBe('2026-12-02')
  })
})

describe('App undo', () => {
  const inTrash = async (backend: FakeBackend, id: string) => (await backend.core.listTrash()).some((e) => e.id === id)

  async function trashSession() {
    const { backend, p, s, path } = await journalWithGoal()
    savePlace(path, { partnershipId: p.id, sessionId: s.id })
    renderApp(backend)
    await waitFor(() => expect(shownSessionTitle()).toBe('Feedback that lands'))
    await fireEvent.click(screen.getByTestId('trash-session'))
    const toast = await screen.findByTestId('undo-toast')
    expect(toast).toHaveTextContent('Session moved to the trash')
    await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })
    expect(await inTrash(backend, s.id)).toBe(true)
    await waitFor(() => expect(screen.getByTestId('trash-count')).toHaveTextContent('1'))
    return { backend, s }
  }

  it('puts a trashed session back with the Undo button and redraws the screen', async () => {
    const { backend, s } = await trashSession()
    const before = backend.callsOf('listPartnerships')
    await fireEvent.click(screen.getByTestId('undo-button'))
    await waitFor(() => expect(screen.queryByTestId('undo-toast')).toBeNull())
    expect(await inTrash(backend, s.id)).toBe(false)
    expect(backend.callsOf('listPartnerships')).toBeGreaterThan(before)
    await waitFor(() => expect(screen.queryByTestId('trash-count')).toBeNull())
  })

  it('puts it back with Ctrl+Z too', async () => {
    const { backend, s } = await trashSession()
    ;(document.activeElement as HTMLElement | null)?.blur()
    await key('z', { ctrlKey: true })
    await waitFor(async () => expect(await inTrash(backend, s.id)).toBe(false))
    await waitFor(() => expect(screen.queryByTestId('undo-toast')).toBeNull())
  })

  it('still puts it back with Ctrl+Z once the toast has gone (regression: Ctrl+Z did nothing)', async () => {
    // Timers that run as usual, and can be jumped over the toast's few seconds.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] })
    const { backend, s } = await trashSession()
    ;(document.activeElement as HTMLElement | null)?.blur()
    vi.advanceTimersByTime(9_000)
    vi.useRealTimers()
    await waitFor(() => expect(screen.queryByTestId('undo-toast')).toBeNull())
    expect(await inTrash(backend, s.id)).toBe(true)
    await key('z', { ctrlKey: true })
    await waitFor(async () => expect(await inTrash(backend, s.id)).toBe(false))
    // Once: a second Ctrl+Z has nothing left to undo.
    const calls = backend.callsOf('restoreFromTrash')
    await key('z', { ctrlKey: true })
    expect(backend.callsOf('restoreFromTrash')).toBe(calls)
  })
})
