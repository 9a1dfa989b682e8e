import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { MockBackend } from '../backend/mock'
import { partnershipDraft, renderApp, sessionDraft } from '../../test/helpers'

describe('Partnership page', () => {
  it('lists sessions newest first and shows "Not agreed yet" for an empty agreement', async () => {
    const backend = new MockBackend()
    const p = await backend.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor', kind: 'reverse', my_role: 'mentee' }))
    await backend.createSession(p.id, sessionDraft({ title: 'Older one', held_at: '2026-02-17T09:30:00' }))
    await backend.createSession(
      p.id,
      sessionDraft({ title: 'Prompting for real work', held_at: '2026-03-03T16:15:00', format: 'coffee', duration_minutes: 50 }),
    )
    renderApp(backend)

    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    const cards = await screen.findAllByTestId('session-item')
    expect(cards).toHaveLength(2)
    expect(cards[0]).toHaveTextContent('Prompting for real work')
    expect(cards[0]).toHaveTextContent('Tue 3 Mar 2026, 16:15')
    expect(cards[0]).toHaveTextContent('Coffee · 50 min')
    expect(cards[1]).toHaveTextContent('Older one')

    const agreement = screen.getByTestId('agreement')
    expect(within(agreement).getAllByText('Not agreed yet')).toHaveLength(4)
    const header = screen.getByRole('heading', { level: 1 }).closest('header')!
    expect(within(header).getByText('Reverse')).toBeInTheDocument()
    expect(within(header).getByText('I’m mentored')).toBeInTheDocument()
    expect(within(header).getByText('since 12 Jan 2026')).toBeInTheDocument()
    expect(document.body.dataset.ready).toBe('true')

    await fireEvent.click(cards[1])
    await waitFor(() => expect(document.getElementById('session-title')).toHaveValue('Older one'))
  })

  it('shows the agreement when there is one', async () => {
    const backend = new MockBackend()
    await backend.createPartnership(
      partnershipDraft({
        agreement: {
          objectives: 'AI tools for me, leadership for Zoë',
          boundaries: '',
          cadence_days: 14,
          session_minutes: 45,
          ending: '',
        },
      }),
    )
    renderApp(backend)
    const agreement = await screen.findByTestId('agreement')
    expect(agreement).toHaveTextContent('AI tools for me, leadership for Zoë')
    expect(agreement).toHaveTextContent('Every two weeks · 45 min')
    expect(within(agreement).getAllByText('Not agreed yet')).toHaveLength(2)
  })

  it('has a friendly empty state', async () => {
    const backend = new MockBackend()
    await backend.createPartnership(partnershipDraft())
    renderApp(backend)
    expect(await screen.findByText('No sessions yet — record your first one')).toBeInTheDocument()
    expect(screen.queryAllByTestId('session-item')).toHaveLength(0)
  })

  it('pages sessions with "Show older sessions"', async () => {
    const backend = new MockBackend()
    const p = await backend.createPartnership(partnershipDraft())
    for (let i = 0; i < 52; i++) {
      const day = String((i % 28) + 1).padStart(2, '0')
      const month = i < 28 ? '01' : '02'
      await backend.createSession(p.id, sessionDraft({ title: `Session ${i}`, held_at: `2026-${month}-${day}T10:00:00` }))
    }
    renderApp(backend)
    await waitFor(() => expect(screen.getAllByTestId('session-item')).toHaveLength(50))
    await fireEvent.click(screen.getByRole('button', { name: 'Show older sessions' }))
    await waitFor(() => expect(screen.getAllByTestId('session-item')).toHaveLength(52))
    expect(screen.queryByRole('button', { name: 'Show older sessions' })).toBeNull()
  })

  it('opens a new session with Ctrl+N', async () => {
    const backend = new MockBackend()
    await backend.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    renderApp(backend)
    await screen.findByTestId('new-session')
    await fireEvent.keyDown(window, { key: 'n', ctrlKey: true })
    await waitFor(() => expect(document.getElementById('session-title')).toHaveValue('Session with Zoë'))
  })
})
