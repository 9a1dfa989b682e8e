import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backendContext } from '../backend/context'
import { FakeBackend } from '../../test/backend'
import type { Session, SessionDraft } from '../generated/types'
import { loadPlace } from '../place'
import { dateOf, editorOf, editorsReady, enterDate, inputById, markdownIn, partnershipDraft, renderApp, sessionDraft, settle, writeMarkdown } from '../../test/helpers'
import SessionEditor from './SessionEditor.svelte'
import UndoHarness from './editor/UndoHarness.svelte'

afterEach(() => {
  vi.useRealTimers()
})

const status = () => screen.getByTestId('save-status').textContent ?? ''

/** Every session the core holds for the partnership, in full (newest first). */
async function sessionsIn(backend: FakeBackend, partnershipId: string): Promise<Session[]> {
  const page = await backend.core.listSessions(partnershipId, 100, 0)
  return Promise.all(page.sessions.map((s) => backend.core.getSession(s.id)))
}

async function openNewSession(backend = new FakeBackend(), sessionMinutes: number | null = 30) {
  const p = await backend.core.createPartnership(
    partnershipDraft({
      partner_name: 'Zoë Okafor',
      agreement: { objectives: '', boundaries: '', cadence_days: 14, session_minutes: sessionMinutes, ending: '', visibility: 'private' },
    }),
  )
  renderApp(backend)
  await fireEvent.click(await screen.findByTestId('new-session'))
  await waitFor(() => expect(document.getElementById('session-title')).not.toBeNull())
  await editorsReady()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  return { backend, partnershipId: p.id }
}

async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms)
  await settle()
}

describe('Session editor', () => {
  it('fills sensible defaults and creates nothing until the user changes something', async () => {
    const { backend, partnershipId } = await openNewSession()
    expect(inputById('session-title')).toHaveValue('Session with Zoë')
    expect(inputById('session-duration')).toHaveValue(30)
    expect(inputById('session-format')).toHaveValue('video')
    // Now, to the quarter hour: the day in the chosen format, the time 24-hour.
    expect(dateOf(inputById('session-held-at'))).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(inputById('session-held-at').value).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/)
    expect(inputById('session-held-time').value).toMatch(/^\d{2}:(00|15|30|45)$/)
    expect(screen.getByTestId('back')).toHaveTextContent('Zoë Okafor')
    await wait(5000)
    expect(backend.callsOf('createSession')).toBe(0)
    expect((await backend.core.listSessions(partnershipId, 100, 0)).total).toBe(0)
  })

  it('is private by default and saves the shared choice', async () => {
    const { backend, partnershipId } = await openNewSession()
    const shared = inputById('session-shared')
    expect(shared).not.toBeChecked()
    // Issue 16: the checkbox says, in a line, what either choice puts in a report.
    expect(screen.getByTestId('session-shared-hint')).toHaveTextContent('private: a progress report shows only its date and action items')
    // Issue 17: the same switch as goals, snapshots and the agreement, saying its state.
    expect(shared).toHaveAccessibleName('Private')
    await fireEvent.click(shared)
    expect(shared).toHaveAccessibleName('Shared with Zoë')
    expect(screen.getByTestId('session-shared-hint')).toHaveTextContent('shared: a progress report shows its notes, not your private note')
    await wait(600)
    const [created] = await sessionsIn(backend, partnershipId)
    expect(created.visibility).toBe('shared')
    await fireEvent.click(shared)
    await wait(600)
    expect((await backend.core.getSession(created.id)).visibility).toBe('private')
  })

  it('uses 45 minutes when the agreement has no usual length', async () => {
    await openNewSession(new FakeBackend(), null)
    expect(inputById('session-duration')).toHaveValue(45)
  })

  it('autosaves after 600 ms: creates first, then updates, and shows "Saved"', async () => {
    const { backend, partnershipId } = await openNewSession()

    await fireEvent.input(inputById('session-title'), { target: { value: 'AI tools, part one' } })
    expect(status()).toBe('Saving…')
    await wait(300)
    await writeMarkdown(inputById('session-notes'), 'We tried')
    await wait(599)
    expect(backend.callsOf('createSession')).toBe(0)
    await wait(1)
    expect(backend.callsOf('createSession')).toBe(1)
    expect(status()).toMatch(/^Saved \d\d:\d\d$/)
    const [created] = await sessionsIn(backend, partnershipId)
    expect(created).toMatchObject({ partnership_id: partnershipId, title: 'AI tools, part one', notes: 'We tried', format: 'video' })
    expect(created.held_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/)

    await writeMarkdown(inputById('session-notes'), 'We tried three assistants.')
    await fireEvent.change(inputById('session-format'), { target: { value: 'coffee' } })
    await enterDate(inputById('session-held-at'), '3 Mar 2026')
    await enterDate(inputById('session-held-time'), '4:15 pm')
    expect(status()).toBe('Saving…')
    await wait(600)
    expect(backend.callsOf('createSession')).toBe(1)
    expect(backend.callsOf('updateSession')).toBe(1)
    expect(await backend.core.getSession(created.id)).toMatchObject({
      notes: 'We tried three assistants.',
      format: 'coffee',
      held_at: '2026-03-03T16:15:00',
    })
    expect(status()).toMatch(/^Saved/)
    expect(loadPlace(await backend.path())).toEqual({ partnershipId, sessionId: created.id })
  })

  it('never overwrites what the user typed with the trimmed value from the backend', async () => {
    const { backend, partnershipId } = await openNewSession()
    await fireEvent.input(inputById('session-title'), { target: { value: '  Feedback ' } })
    await wait(600)
    expect((await sessionsIn(backend, partnershipId))[0].title).toBe('Feedback')
    expect(inputById('session-title')).toHaveValue('  Feedback ')
  })

  it('on a backend error keeps the text, shows the message, highlights the field, and retries on the next edit', async () => {
    const { backend, partnershipId } = await openNewSession()
    await writeMarkdown(inputById('session-notes'), 'First notes')
    await wait(600)
    expect(backend.callsOf('createSession')).toBe(1)

    await fireEvent.input(inputById('session-title'), { target: { value: '   ' } })
    await writeMarkdown(inputById('session-notes'), 'First notes, and more')
    await wait(600)
    expect(status()).toBe('The session title cannot be empty.')
    expect(inputById('session-title')).toHaveAttribute('aria-invalid', 'true')
    expect(inputById('session-title')).toHaveValue('   ')
    expect(markdownIn(inputById('session-notes'))).toBe('First notes, and more')
    const [session] = await sessionsIn(backend, partnershipId)
    expect(session.notes).toBe('First notes')

    // No retry by itself…
    await wait(5000)
    expect(backend.callsOf('updateSession')).toBe(1)

    // …but on the next edit.
    await fireEvent.input(inputById('session-title'), { target: { value: 'Better title' } })
    await wait(600)
    expect(backend.callsOf('updateSession')).toBe(2)
    expect(status()).toMatch(/^Saved/)
    expect(inputById('session-title')).toHaveAttribute('aria-invalid', 'false')
    expect(await backend.core.getSession(session.id)).toMatchObject({ title: 'Better title', notes: 'First notes, and more' })
  })

  it('shows a storage error from the backend and keeps the notes', async () => {
    const { backend, partnershipId } = await openNewSession()
    backend.failNext({ code: 'disk_full', message: 'The journal could not be written. Is the disk full?' }, 'createSession')
    await writeMarkdown(inputById('session-notes'), 'Precious notes')
    await wait(600)
    expect(status()).toBe('The journal could not be written. Is the disk full?')
    expect(markdownIn(inputById('session-notes'))).toBe('Precious notes')
    expect((await backend.core.listSessions(partnershipId, 100, 0)).total).toBe(0)
    await writeMarkdown(inputById('session-notes'), 'Precious notes!')
    await wait(600)
    const sessions = await sessionsIn(backend, partnershipId)
    expect(sessions).toHaveLength(1)
    expect(sessions[0].notes).toBe('Precious notes!')
  })

  it('saves at once on blur', async () => {
    const { backend, partnershipId } = await openNewSession()
    await fireEvent.input(inputById('session-place'), { target: { value: 'Café Lumen' } })
    await fireEvent.focusOut(inputById('session-place'))
    await settle()
    expect(backend.callsOf('createSession')).toBe(1)
    expect((await sessionsIn(backend, partnershipId))[0].place).toBe('Café Lumen')
  })

  it('never runs two saves at once and saves the latest draft after the one in flight', async () => {
    const { backend, partnershipId } = await openNewSession()
    backend.latencyMs = 1000

    await writeMarkdown(inputById('session-notes'), 'one')
    await wait(600) // createSession now in flight for 1000 ms
    expect(backend.callsOf('createSession')).toBe(1)
    await writeMarkdown(inputById('session-notes'), 'one two')
    await wait(600) // debounce fired while the create is still in flight: queued, not sent
    await writeMarkdown(inputById('session-notes'), 'one two three')
    expect(backend.callsOf('createSession')).toBe(1)
    expect(backend.callsOf('updateSession')).toBe(0)
    await wait(400) // create done; queued save starts with the latest draft
    expect(backend.callsOf('createSession')).toBe(1)
    expect(backend.callsOf('updateSession')).toBe(1)
    expect(status()).toBe('Saving…')
    await wait(3000)
    expect(backend.callsOf('createSession')).toBe(1)
    const sessions = await sessionsIn(backend, partnershipId)
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({ partnership_id: partnershipId, notes: 'one two three' })
    expect(status()).toMatch(/^Saved/)
  }, 10_000)

  it('saves before going back, and the session shows in the list', async () => {
    const { backend } = await openNewSession()
    await fireEvent.input(inputById('session-title'), { target: { value: 'Quick chat about TikTok' } })
    vi.useRealTimers()
    await fireEvent.click(screen.getByTestId('back'))
    const cards = await screen.findAllByTestId('session-item')
    expect(cards).toHaveLength(1)
    expect(cards[0]).toHaveTextContent('Quick chat about TikTok')
    expect(backend.callsOf('createSession')).toBe(1)
  })

  it('keeps the user on the editor once when the last change could not be saved', async () => {
    await openNewSession()
    await fireEvent.input(inputById('session-title'), { target: { value: '' } })
    vi.useRealTimers()
    await fireEvent.click(screen.getByTestId('back'))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The session title cannot be empty.'))
    expect(document.getElementById('session-title')).not.toBeNull()
    await fireEvent.click(screen.getByTestId('back'))
    expect(await screen.findByTestId('new-session')).toBeInTheDocument()
  })
})

// ---------------------------------------------------------------------------------------
// The complete editor, rendered on its own under a fake undo toast.

interface Shown {
  message: string
  undo: () => Promise<void>
}

function fakeUndo() {
  const shown: Shown[] = []
  return { shown, toast: { show: (message: string, undo: () => Promise<void>) => void shown.push({ message, undo }) } }
}

async function openEditor(options: { sessionId?: string | null; backend?: FakeBackend; partnershipId?: string; read?: boolean } = {}) {
  const backend = options.backend ?? new FakeBackend()
  const partnershipId =
    options.partnershipId ??
    (
      await backend.core.createPartnership(
        partnershipDraft({
          partner_name: 'Zoë Okafor',
          agreement: { objectives: '', boundaries: '', cadence_days: 14, session_minutes: 45, ending: '', visibility: 'private' },
        }),
      )
    ).id
  const undo = fakeUndo()
  const onback = vi.fn()
  render(UndoHarness, {
    props: {
      undo: undo.toast,
      component: SessionEditor as never,
      props: { partnershipId, sessionId: options.sessionId ?? null, onback },
    },
    context: backendContext(backend),
  })
  // A past session opens as a page to read: Edit opens the editor.
  await waitFor(() => expect(document.getElementById('session-title') ?? screen.queryByTestId('edit-session')).not.toBeNull())
  if (options.read !== true) {
    const edit = screen.queryByTestId('edit-session')
    if (edit) await fireEvent.click(edit)
    await waitFor(() => expect(document.getElementById('session-title')).not.toBeNull())
    await editorsReady()
  }
  return { backend, partnershipId, undo, onback }
}

async function existingSession(overrides: Partial<SessionDraft> = {}) {
  const backend = new FakeBackend()
  const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  const s = await backend.core.createSession(p.id, sessionDraft({ held_at: '2026-02-12T16:00:00', ...overrides }))
  return { backend, partnershipId: p.id, session: s }
}

/** The session as the core holds it. */
const saved = (backend: FakeBackend, id: string) => backend.core.getSession(id)
/** The action item as the core holds it. */
const savedItem = async (backend: FakeBackend, sessionId: string, id: string) =>
  (await backend.core.listActionItems(sessionId)).find((i) => i.id === id)

describe('Session editor: the whole session', () => {
  it('opens a past session as a page to read, and edits it in place with E', async () => {
    const { backend, session } = await existingSession({
      notes: '## Plan\n\n- one\n- two\n\nAfter **all**\nline two',
      learned: 'مرحبا',
      topics: ['AI tools'],
    })
    await backend.core.createActionItem(session.id, { text: 'Send slides', owner: 'partner', due_on: null, done: false })
    await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id, read: true })
    const page = screen.getByTestId('session-reading')
    expect(document.getElementById('session-title')).toBeNull()
    const notes = screen.getByTestId('reading-notes')
    await waitFor(() => expect(notes.querySelector('h2[dir="auto"]')).toHaveTextContent('Plan'))
    expect(notes.querySelectorAll('li')).toHaveLength(2)
    expect(notes.querySelector('strong')).toHaveTextContent('all')
    // Each field's preview is the core's HTML, and comes on its own.
    await waitFor(() => expect(screen.getByTestId('reading-learned')).toHaveTextContent('مرحبا'))
    expect(screen.queryByTestId('reading-agenda')).toBeNull()
    expect(page).toHaveTextContent('AI tools')
    expect(await screen.findByTestId('reading-action')).toHaveTextContent('Send slides — Zoë')
    expect(screen.getByTestId('edit-session')).toHaveFocus()
    await fireEvent.keyDown(window, { key: 'e' })
    await waitFor(() => expect(document.getElementById('session-title')).toHaveFocus())
    await editorsReady()
    expect(markdownIn(inputById('session-notes'))).toBe('## Plan\n\n- one\n- two\n\nAfter **all**\nline two')
    expect(backend.callsOf('updateSession')).toBe(0)
  })

  it('shows every field of a stored session, the two directions named after the partner', async () => {
    const { backend, session } = await existingSession({
      agenda: 'A',
      shared: 'How I prepare',
      learned: 'Prompting',
      topics: ['AI tools', 'feedback'],
      rating: 4,
      reflection: 'Too fast',
    })
    await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id })
    expect(markdownIn(screen.getByLabelText('Agenda'))).toBe('A')
    expect(markdownIn(screen.getByLabelText('What I shared with Zoë'))).toBe('How I prepare')
    expect(markdownIn(screen.getByLabelText('What I learned from Zoë'))).toBe('Prompting')
    expect(markdownIn(screen.getByLabelText('Private note'))).toBe('Too fast')
    expect(screen.getByRole('button', { name: 'Remove topic AI tools' })).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: '4 – well' })).toBeChecked()
    expect(screen.getByText(/never exported unless you choose to include private notes/)).toBeInTheDocument()
  })

  it('autosaves every new field', async () => {
    const { backend, session } = await existingSession()
    await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id })
    await writeMarkdown(screen.getByLabelText('Agenda'), '- [ ] slides')
    await writeMarkdown(screen.getByLabelText('What I shared with Zoë'), 'shared 👋')
    await writeMarkdown(screen.getByLabelText('What I learned from Zoë'), 'مرحبا')
    await writeMarkdown(screen.getByLabelText('Private note'), '<b>private</b>')
    await waitFor(async () => expect((await saved(backend, session.id)).reflection).toBe('<b>private</b>'))
    expect(await saved(backend, session.id)).toMatchObject({ agenda: '- [ ] slides', shared: 'shared 👋', learned: 'مرحبا' })

    const topics = screen.getByRole('combobox', { name: 'Topics' })
    await fireEvent.input(topics, { target: { value: 'AI tools' } })
    await fireEvent.keyDown(topics, { key: 'Enter' })
    await waitFor(async () => expect((await saved(backend, session.id)).topics).toEqual(['AI tools']))

    await fireEvent.click(screen.getByRole('radio', { name: '5 – very well' }))
    await waitFor(async () => expect((await saved(backend, session.id)).rating).toBe(5))
    await fireEvent.click(screen.getByRole('button', { name: 'Clear rating' }))
    await waitFor(async () => expect((await saved(backend, session.id)).rating).toBeNull())
    expect(screen.getByRole('radio', { name: '5 – very well' })).not.toBeChecked()
    expect(screen.getByRole('group', { name: 'How did it go?' })).toBeInTheDocument()

    // The toolbar's changes save like typing.
    const notes = editorOf(screen.getByLabelText('Notes'))
    notes.commands.setTextSelection({ from: 4, to: 9 })
    await fireEvent.click(screen.getAllByRole('button', { name: 'Bold' })[1])
    await waitFor(async () => expect((await saved(backend, session.id)).notes).toBe('We **tried** three assistants.'))
  }, 15_000)

  it('shows a refused topic list as an error of the topics', async () => {
    const { backend, session } = await existingSession()
    await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id })
    // The topic input never sends a list the core refuses (it stops at 30 topics and cuts
    // each at 60 characters), so the core's refusal is played back as it says it.
    backend.failNext(
      { code: 'invalid_input', message: 'A session can have at most 30 topics (this one has 31).', field: 'topics' },
      'updateSession',
    )
    const topics = screen.getByRole('combobox', { name: 'Topics' })
    await fireEvent.input(topics, { target: { value: 'one' } })
    await fireEvent.keyDown(topics, { key: 'Enter' })
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('A session can have at most 30 topics (this one has 31).'))
    expect(topics).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('button', { name: 'Remove topic one' })).toBeInTheDocument()
  })
})

describe('Session editor: action items', () => {
  it('adds an item with Enter, creating a new session first', async () => {
    const { backend, partnershipId } = await openEditor()
    const add = screen.getByLabelText('New action item')
    await fireEvent.input(add, { target: { value: 'Try an assistant' } })
    expect(backend.callsOf('createSession')).toBe(0)
    await fireEvent.keyDown(add, { key: 'Enter' })
    await waitFor(() => expect(screen.getAllByTestId('action-item')).toHaveLength(1))
    const [session] = await sessionsIn(backend, partnershipId)
    expect(backend.callsOf('createSession')).toBe(1)
    expect(await backend.core.listActionItems(session.id)).toMatchObject([{ text: 'Try an assistant', owner: 'me', done: false }])
    expect(add).toHaveValue('')
    expect(screen.getByRole('textbox', { name: 'Action item' })).toHaveValue('Try an assistant')
  })

  it('says why an item cannot be added when the session cannot be stored, and keeps the text', async () => {
    const { backend, partnershipId } = await openEditor()
    await fireEvent.input(inputById('session-title'), { target: { value: '' } })
    const add = screen.getByLabelText('New action item')
    await fireEvent.input(add, { target: { value: 'Keep me' } })
    await fireEvent.keyDown(add, { key: 'Enter' })
    expect(await screen.findByText(/must be saved before it can have action items: The session title cannot be empty/)).toBeInTheDocument()
    expect(add).toHaveValue('Keep me')
    expect(backend.callsOf('createActionItem')).toBe(0)
    expect((await backend.core.listSessions(partnershipId, 100, 0)).total).toBe(0)
  })

  it('saves done, owner and text at once, without saving the session', async () => {
    const { backend, session } = await existingSession()
    const item = await backend.core.createActionItem(session.id, { text: 'Send slides', owner: 'me', due_on: null, done: false })
    await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id })
    await screen.findByTestId('action-item')
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Send slides' }))
    await waitFor(async () => expect((await savedItem(backend, session.id, item.id))?.done).toBe(true))
    await fireEvent.change(screen.getByRole('combobox', { name: 'Who does it' }), { target: { value: 'partner' } })
    await waitFor(async () => expect((await savedItem(backend, session.id, item.id))?.owner).toBe('partner'))
    expect(screen.getByRole('option', { name: 'Zoë' })).toBeInTheDocument()
    const text = screen.getByRole('textbox', { name: 'Action item' })
    await fireEvent.input(text, { target: { value: 'Send the slides' } })
    await fireEvent.keyDown(text, { key: 'Enter' })
    await waitFor(async () => expect((await savedItem(backend, session.id, item.id))?.text).toBe('Send the slides'))
    expect(backend.callsOf('updateSession')).toBe(0)
    expect(backend.callsOf('updateActionItem')).toBe(3)
  })

  it('shows the backend’s refusal of a due date before the session beside the item, keeping the date', async () => {
    const { backend, session } = await existingSession()
    const item = await backend.core.createActionItem(session.id, { text: 'Send slides', owner: 'me', due_on: null, done: false })
    await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id })
    await screen.findByTestId('action-item')
    const due = screen.getByLabelText('Due date')
    await fireEvent.change(due, { target: { value: '2026-02-01' } })
    const error = await screen.findByText(/The due date \(1 Feb 2026\) is before the day of its session \(12 Feb 2026\)/)
    expect(screen.getByTestId('action-item')).toContainElement(error)
    expect(due).toHaveAttribute('aria-invalid', 'true')
    expect(due).toHaveValue('1 Feb 2026')
    expect(dateOf(due)).toBe('2026-02-01')
    expect((await savedItem(backend, session.id, item.id))?.due_on).toBeNull()
    await fireEvent.change(due, { target: { value: '2026-02-20' } })
    await waitFor(async () => expect((await savedItem(backend, session.id, item.id))?.due_on).toBe('2026-02-20'))
    expect(screen.queryByText(/is before the day of its session/)).toBeNull()
  })

  it('moves an item to the trash and brings it back with Undo', async () => {
    const { backend, session } = await existingSession()
    const item = await backend.core.createActionItem(session.id, { text: 'Send slides', owner: 'me', due_on: null, done: false })
    const { undo } = await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id })
    await screen.findByTestId('action-item')
    await fireEvent.click(screen.getByRole('button', { name: 'Move “Send slides” to the trash' }))
    await waitFor(() => expect(screen.queryByTestId('action-item')).toBeNull())
    expect((await backend.core.listTrash()).map((e) => `${e.kind}:${e.id}`)).toEqual([`action_item:${item.id}`])
    expect(await backend.core.listActionItems(session.id)).toEqual([])
    expect(undo.shown.map((s) => s.message)).toEqual(['Action item deleted'])
    await undo.shown[0].undo()
    expect(await screen.findByTestId('action-item')).toBeInTheDocument()
    expect(await backend.core.listTrash()).toEqual([])
    expect(screen.getByRole('textbox', { name: 'Action item' })).toHaveValue('Send slides')
  })
})

describe('Session editor: a new session', () => {
  async function withOpenItems() {
    const backend = new FakeBackend()
    const { core } = backend
    const p = await core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    // Long before today: the item due on 20 Feb is overdue.
    const earlier = await core.createSession(p.id, sessionDraft({ held_at: '2026-02-12T16:00:00' }))
    const post = await core.createActionItem(earlier.id, { text: 'Write a post', owner: 'me', due_on: '2026-02-20', done: false })
    const slides = await core.createActionItem(earlier.id, { text: 'Send slides', owner: 'partner', due_on: null, done: false })
    await core.createActionItem(earlier.id, { text: 'Old news', owner: 'both', due_on: null, done: true })
    return { backend, partnershipId: p.id, post, slides, earlier }
  }

  it('offers the open items as its agenda, without storing anything yet', async () => {
    const { backend, partnershipId } = await withOpenItems()
    await openEditor({ backend, partnershipId })
    await waitFor(() =>
      expect(markdownIn(screen.getByLabelText('Agenda'))).toBe('- [ ] Write a post (me, due 20 Feb)\n- [ ] Send slides (Zoë)'),
    )
    const panel = screen.getByRole('complementary', { name: 'Open from earlier sessions' })
    expect(panel).toHaveTextContent('Write a post')
    expect(panel).toHaveTextContent('Overdue')
    expect(panel).not.toHaveTextContent('Old news')
    await new Promise((r) => setTimeout(r, 800))
    expect((await backend.core.listSessions(partnershipId, 100, 0)).total).toBe(1) // only the earlier one
  })

  it('ticks an open item done from the panel, in the journal and in the untouched agenda', async () => {
    const { backend, partnershipId, post, earlier } = await withOpenItems()
    await openEditor({ backend, partnershipId })
    const box = await screen.findByRole('checkbox', { name: 'Write a post' })
    await fireEvent.click(box)
    await waitFor(async () => expect((await savedItem(backend, earlier.id, post.id))?.done).toBe(true))
    expect(box).toBeChecked()
    expect(markdownIn(screen.getByLabelText('Agenda'))).toBe('- [x] Write a post (me, due 20 Feb)\n- [ ] Send slides (Zoë)')
    // The first real edit stores the session with that agenda.
    await fireEvent.input(inputById('session-title'), { target: { value: 'Next steps' } })
    await waitFor(async () => expect((await backend.core.listSessions(partnershipId, 100, 0)).total).toBe(2))
    expect((await sessionsIn(backend, partnershipId)).find((s) => s.title === 'Next steps')?.agenda).toMatch(/^- \[x\] Write a post/)
  })

  it('leaves an agenda the user already wrote alone', async () => {
    const { backend, partnershipId } = await withOpenItems()
    backend.latencyMs = 50
    await openEditor({ backend, partnershipId })
    await writeMarkdown(screen.getByLabelText('Agenda'), 'My own plan')
    await screen.findByRole('complementary', { name: 'Open from earlier sessions' })
    expect(markdownIn(screen.getByLabelText('Agenda'))).toBe('My own plan')
  })

  it('offers nothing when nothing is open', async () => {
    await openEditor()
    await settle()
    expect(markdownIn(screen.getByLabelText('Agenda'))).toBe('')
    expect(screen.queryByRole('complementary', { name: 'Open from earlier sessions' })).toBeNull()
  })
})

describe('Session editor: the trash', () => {
  it('moves the session to the trash, goes back, and offers Undo', async () => {
    const { backend, session } = await existingSession()
    const { undo, onback } = await openEditor({ backend, sessionId: session.id, partnershipId: session.partnership_id })
    await fireEvent.input(inputById('session-title'), { target: { value: 'Last words' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Move to trash' }))
    await waitFor(() => expect(onback).toHaveBeenCalledTimes(1))
    expect((await backend.core.listTrash()).map((e) => `${e.kind}:${e.id}`)).toEqual([`session:${session.id}`])
    await expect(saved(backend, session.id)).rejects.toMatchObject({ code: 'not_found' })
    expect(undo.shown.map((s) => s.message)).toEqual(['Session moved to the trash'])
    await undo.shown[0].undo()
    // Back, with the last edit saved before it went.
    expect(await saved(backend, session.id)).toMatchObject({ title: 'Last words' })
    expect((await saved(backend, session.id)).deleted_at).toBeUndefined()
    expect(await backend.core.listTrash()).toEqual([])
  })

  it('offers no trash for a session not stored yet', async () => {
    await openEditor()
    expect(screen.queryByRole('button', { name: 'Move to trash' })).toBeNull()
  })
})
