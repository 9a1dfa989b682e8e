import { fireEvent, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MockBackend } from '../backend/mock'
import { loadPlace } from '../place'
import { inputById, partnershipDraft, renderApp, settle } from '../../test/helpers'

afterEach(() => {
  vi.useRealTimers()
})

const status = () => screen.getByTestId('save-status').textContent ?? ''

async function openNewSession(backend = new MockBackend(), sessionMinutes: number | null = 30) {
  const p = await backend.createPartnership(
    partnershipDraft({
      partner_name: 'Zoë Okafor',
      agreement: { objectives: '', boundaries: '', cadence_days: 14, session_minutes: sessionMinutes, ending: '' },
    }),
  )
  renderApp(backend)
  await fireEvent.click(await screen.findByTestId('new-session'))
  await waitFor(() => expect(document.getElementById('session-title')).not.toBeNull())
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  return { backend, partnershipId: p.id }
}

async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms)
  await settle()
}

describe('Session editor', () => {
  it('fills sensible defaults and creates nothing until the user changes something', async () => {
    const { backend } = await openNewSession()
    expect(inputById('session-title')).toHaveValue('Session with Zoë')
    expect(inputById('session-duration')).toHaveValue(30)
    expect(inputById('session-format')).toHaveValue('video')
    const heldAt = inputById('session-held-at').value
    expect(heldAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:(00|15|30|45)$/)
    expect(screen.getByTestId('back')).toHaveTextContent('Zoë Okafor')
    await wait(5000)
    expect(backend.callsOf('createSession')).toBe(0)
    expect(backend.sessions.size).toBe(0)
  })

  it('is private by default and saves the shared choice', async () => {
    const { backend } = await openNewSession()
    const shared = inputById('session-shared')
    expect(shared).not.toBeChecked()
    expect(screen.getByText(/private: only you see these notes/)).toBeInTheDocument()
    await fireEvent.click(shared)
    await wait(600)
    const [created] = [...backend.sessions.values()]
    expect(created.visibility).toBe('shared')
    await fireEvent.click(shared)
    await wait(600)
    expect(backend.sessions.get(created.id)?.visibility).toBe('private')
  })

  it('uses 45 minutes when the agreement has no usual length', async () => {
    await openNewSession(new MockBackend(), null)
    expect(inputById('session-duration')).toHaveValue(45)
  })

  it('autosaves after 600 ms: creates first, then updates, and shows "Saved"', async () => {
    const { backend, partnershipId } = await openNewSession()

    await fireEvent.input(inputById('session-title'), { target: { value: 'AI tools, part one' } })
    expect(status()).toBe('Saving…')
    await wait(300)
    await fireEvent.input(inputById('session-notes'), { target: { value: 'We tried' } })
    await wait(599)
    expect(backend.callsOf('createSession')).toBe(0)
    await wait(1)
    expect(backend.callsOf('createSession')).toBe(1)
    expect(status()).toMatch(/^Saved \d\d:\d\d$/)
    const [created] = [...backend.sessions.values()]
    expect(created).toMatchObject({ partnership_id: partnershipId, title: 'AI tools, part one', notes: 'We tried', format: 'video' })
    expect(created.held_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/)

    await fireEvent.input(inputById('session-notes'), { target: { value: 'We tried three assistants.' } })
    await fireEvent.change(inputById('session-format'), { target: { value: 'coffee' } })
    await fireEvent.input(inputById('session-held-at'), { target: { value: '2026-03-03T16:15' } })
    expect(status()).toBe('Saving…')
    await wait(600)
    expect(backend.callsOf('createSession')).toBe(1)
    expect(backend.callsOf('updateSession')).toBe(1)
    expect(backend.sessions.get(created.id)).toMatchObject({
      notes: 'We tried three assistants.',
      format: 'coffee',
      held_at: '2026-03-03T16:15:00',
    })
    expect(status()).toMatch(/^Saved/)
    expect(loadPlace(backend.path)).toEqual({ partnershipId, sessionId: created.id })
  })

  it('never overwrites what the user typed with the trimmed value from the backend', async () => {
    const { backend } = await openNewSession()
    await fireEvent.input(inputById('session-title'), { target: { value: '  Feedback ' } })
    await wait(600)
    expect([...backend.sessions.values()][0].title).toBe('Feedback')
    expect(inputById('session-title')).toHaveValue('  Feedback ')
  })

  it('on a backend error keeps the text, shows the message, highlights the field, and retries on the next edit', async () => {
    const { backend } = await openNewSession()
    await fireEvent.input(inputById('session-notes'), { target: { value: 'First notes' } })
    await wait(600)
    expect(backend.callsOf('createSession')).toBe(1)

    await fireEvent.input(inputById('session-title'), { target: { value: '   ' } })
    await fireEvent.input(inputById('session-notes'), { target: { value: 'First notes, and more' } })
    await wait(600)
    expect(status()).toBe('Please give the session a title.')
    expect(inputById('session-title')).toHaveAttribute('aria-invalid', 'true')
    expect(inputById('session-title')).toHaveValue('   ')
    expect(inputById('session-notes')).toHaveValue('First notes, and more')
    const [session] = [...backend.sessions.values()]
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
    expect(backend.sessions.get(session.id)).toMatchObject({ title: 'Better title', notes: 'First notes, and more' })
  })

  it('shows a storage error from the backend and keeps the notes', async () => {
    const { backend } = await openNewSession()
    backend.failNext({ code: 'storage', message: 'The journal could not be written. Is the disk full?' }, 'createSession')
    await fireEvent.input(inputById('session-notes'), { target: { value: 'Precious notes' } })
    await wait(600)
    expect(status()).toBe('The journal could not be written. Is the disk full?')
    expect(inputById('session-notes')).toHaveValue('Precious notes')
    expect(backend.sessions.size).toBe(0)
    await fireEvent.input(inputById('session-notes'), { target: { value: 'Precious notes!' } })
    await wait(600)
    expect(backend.sessions.size).toBe(1)
    expect([...backend.sessions.values()][0].notes).toBe('Precious notes!')
  })

  it('saves at once on blur', async () => {
    const { backend } = await openNewSession()
    await fireEvent.input(inputById('session-place'), { target: { value: 'Café Lumen' } })
    await fireEvent.focusOut(inputById('session-place'))
    await settle()
    expect(backend.callsOf('createSession')).toBe(1)
    expect([...backend.sessions.values()][0].place).toBe('Café Lumen')
  })

  it('never runs two saves at once and saves the latest draft after the one in flight', async () => {
    const { backend, partnershipId } = await openNewSession()
    backend.latencyMs = 1000

    await fireEvent.input(inputById('session-notes'), { target: { value: 'one' } })
    await wait(600) // createSession now in flight for 1000 ms
    expect(backend.callsOf('createSession')).toBe(1)
    await fireEvent.input(inputById('session-notes'), { target: { value: 'one two' } })
    await wait(600) // debounce fired while the create is still in flight: queued, not sent
    await fireEvent.input(inputById('session-notes'), { target: { value: 'one two three' } })
    expect(backend.callsOf('createSession')).toBe(1)
    expect(backend.callsOf('updateSession')).toBe(0)
    await wait(400) // create done; queued save starts with the latest draft
    expect(backend.callsOf('createSession')).toBe(1)
    expect(backend.callsOf('updateSession')).toBe(1)
    expect(status()).toBe('Saving…')
    await wait(3000)
    expect(backend.callsOf('createSession')).toBe(1)
    const sessions = [...backend.sessions.values()]
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
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Please give the session a title.'))
    expect(document.getElementById('session-title')).not.toBeNull()
    await fireEvent.click(screen.getByTestId('back'))
    expect(await screen.findByTestId('new-session')).toBeInTheDocument()
  })
})
