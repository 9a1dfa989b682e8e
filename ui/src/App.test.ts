import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { MockBackend } from './lib/backend/mock'
import { loadPlace, savePlace } from './lib/place'
import { partnershipDraft, renderApp, sessionDraft } from './test/helpers'

describe('App start', () => {
  it('welcomes the user on an empty journal', async () => {
    renderApp()
    expect(await screen.findByTestId('start-partnership')).toHaveTextContent('Start a partnership')
    expect(screen.getByTestId('load-sample')).toHaveTextContent('Explore a sample journal')
    expect(screen.getByText(/A private journal for your mentoring partnership — stays on this computer\./)).toBeInTheDocument()
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
    expect(items[1]).toHaveTextContent('Daniel Brooks')
    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    expect(await screen.findAllByTestId('session-item')).toHaveLength(3)
    expect(items[0]).toHaveAttribute('aria-current', 'page')
  })

  it('shows only a calm full-page message when the journal cannot be opened', async () => {
    const backend = new MockBackend({
      path: '/home/me/.local/share/tandem/journal.sqlite',
      journalError: {
        code: 'newer_version',
        message: 'This journal was written by a newer version of Tandem. Please update Tandem to open it.',
        field: null,
      },
    })
    renderApp(backend)
    const page = await screen.findByTestId('journal-error')
    expect(page).toHaveTextContent('This journal was written by a newer version of Tandem.')
    expect(page).toHaveTextContent('/home/me/.local/share/tandem/journal.sqlite')
    expect(screen.queryByTestId('new-partnership')).toBeNull()
    expect(screen.queryByTestId('start-partnership')).toBeNull()
    expect(backend.callsOf('listPartnerships')).toBe(0)
    expect(document.body.dataset.ready).toBe('true')
  })

  it('reopens the session where the user left off', async () => {
    const backend = new MockBackend()
    await backend.createPartnership(partnershipDraft({ partner_name: 'Ana Silva' }))
    const p = await backend.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
    const s = await backend.createSession(p.id, sessionDraft({ title: 'Feedback that lands' }))
    savePlace(backend.path, { partnershipId: p.id, sessionId: s.id })
    renderApp(backend)
    await waitFor(() => expect(document.getElementById('session-title')).toHaveValue('Feedback that lands'))
    expect(screen.getByTestId('back')).toHaveTextContent('Ben Ito')
    const selected = screen.getAllByTestId('partnership-item').find((el) => el.getAttribute('aria-current') === 'page')
    expect(selected).toHaveTextContent('Ben Ito')
  })

  it('ignores the place remembered for another journal file', async () => {
    const backend = new MockBackend({ path: '/tmp/other.sqlite3' })
    await backend.createPartnership(partnershipDraft({ partner_name: 'Ana Silva' }))
    const p = await backend.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
    savePlace('/elsewhere/journal.sqlite3', { partnershipId: p.id, sessionId: null })
    renderApp(backend)
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('Ben Ito')
  })

  it('falls back to the partnership when the remembered session is gone', async () => {
    const backend = new MockBackend()
    const p = await backend.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
    savePlace(backend.path, { partnershipId: p.id, sessionId: 's-9999' })
    renderApp(backend)
    expect(await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })).toBeInTheDocument()
  })

  it('opens a partnership from the sidebar and remembers it', async () => {
    const backend = new MockBackend()
    await backend.createPartnership(partnershipDraft({ partner_name: 'Ana Silva' }))
    const ben = await backend.createPartnership(partnershipDraft({ partner_name: 'Ben Ito', ended_on: '2026-02-01' }))
    renderApp(backend)
    const items = await screen.findAllByTestId('partnership-item')
    const benItem = items.find((el) => within(el).queryByText('Ben Ito'))!
    expect(benItem).toHaveTextContent('no sessions yet')
    await fireEvent.click(benItem)
    expect(await screen.findByRole('heading', { level: 1, name: 'Ben Ito' })).toBeInTheDocument()
    expect(screen.getByText(/ended 1 Feb 2026/)).toBeInTheDocument()
    expect(loadPlace(backend.path)).toEqual({ partnershipId: ben.id, sessionId: null })
  })
})
