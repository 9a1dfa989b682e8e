import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../backend/context'
import { FakeBackend } from '../../test/backend'
import type { SearchHit } from '../generated/types'
import { partnershipDraft, sessionDraft } from '../../test/helpers'
import SearchPalette from './SearchPalette.svelte'

async function seeded() {
  const backend = new FakeBackend()
  const { core } = backend
  const p = await core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  const s = await core.createSession(
    p.id,
    sessionDraft({ title: 'Feedback that lands', held_at: '2026-02-26T16:15:00', notes: 'We practised giving feedback to senior people.' }),
  )
  const goal = await core.createGoal(p.id, {
    title: 'Feedback habit',
    description: 'Ask for feedback after every presentation.',
    whose: 'shared',
    direction: 'both_learn',
    success_criteria: '',
    target_on: null,
    status: 'active',
    visibility: 'private',
  })
  await core.createMilestone(goal.id, { title: 'First feedback round', due_on: '2026-04-01', done: false })
  return { backend, p, s, goal }
}

function open(backend: FakeBackend, debounceMs = 0) {
  const onopen = vi.fn<(hit: SearchHit) => void>()
  const onclose = vi.fn()
  render(SearchPalette, { props: { onopen, onclose, debounceMs }, context: backendContext(backend) })
  return { onopen, onclose, input: screen.getByTestId('search-input') as HTMLInputElement }
}

describe('SearchPalette', () => {
  it('focuses its input and explains what it searches before anything is typed', async () => {
    const { backend } = await seeded()
    const { input } = open(backend)
    expect(screen.getByRole('dialog', { name: 'Search the journal' })).toBeInTheDocument()
    expect(input).toHaveFocus()
    expect(screen.getByTestId('search-empty')).toBeInTheDocument()
    expect(backend.callsOf('search')).toBe(0)
  })

  it('shows hits labelled by kind, partner and date, with the matches marked', async () => {
    const { backend } = await seeded()
    const { input } = open(backend)
    await fireEvent.input(input, { target: { value: 'feedback' } })
    const results = await screen.findAllByTestId('search-result')
    expect(results).toHaveLength(3)
    const session = results.find((r) => within(r).queryByText('Session'))!
    expect(session).toHaveTextContent('Feedback that lands')
    expect(session).toHaveTextContent('Zoë Okafor · 26 Feb 2026')
    const marks = session.querySelectorAll('mark')
    // The core's snippet is taken from the title here (it matches there too).
    expect([...marks].map((m) => m.textContent)).toEqual(['Feedback'])
    expect(session.querySelector('.snippet')).toHaveTextContent('Feedback that lands')
    const kinds = results.map((r) => r.querySelector('.kind')?.textContent).sort()
    expect(kinds).toEqual(['Goal', 'Milestone', 'Session'])
    expect(input).toHaveAttribute('aria-expanded', 'true')
  })

  it('moves with the arrow keys and opens the chosen result with Enter', async () => {
    const { backend } = await seeded()
    const { input, onopen } = open(backend)
    await fireEvent.input(input, { target: { value: 'feedback' } })
    const results = await screen.findAllByTestId('search-result')
    expect(results[0]).toHaveAttribute('aria-selected', 'true')
    await fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(results[1]).toHaveAttribute('aria-selected', 'true')
    expect(input).toHaveAttribute('aria-activedescendant', results[1].id)
    await fireEvent.keyDown(input, { key: 'ArrowUp' })
    await fireEvent.keyDown(input, { key: 'ArrowUp' })
    // Wraps around to the last.
    expect(results[2]).toHaveAttribute('aria-selected', 'true')
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(onopen).toHaveBeenCalledTimes(1)
    const chosen = onopen.mock.calls[0][0]
    expect(results[2]).toHaveTextContent(chosen.title)
  })

  it('opens a result on click', async () => {
    const { backend, s } = await seeded()
    const { input, onopen } = open(backend)
    await fireEvent.input(input, { target: { value: 'practised' } })
    const result = await screen.findByTestId('search-result')
    expect(result.querySelector('.snippet')).toHaveTextContent('We practised giving feedback to senior people.')
    expect([...result.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['practised'])
    await fireEvent.click(result)
    expect(onopen.mock.calls[0][0]).toMatchObject({ kind: 'session', open_kind: 'session', open_id: s.id })
  })

  it('says when nothing matches, and closes on Escape', async () => {
    const { backend } = await seeded()
    const { input, onclose } = open(backend)
    await fireEvent.input(input, { target: { value: 'zebra' } })
    expect(await screen.findByTestId('search-none')).toHaveTextContent('No matches for “zebra”.')
    await fireEvent.keyDown(input, { key: 'Escape' })
    expect(onclose).toHaveBeenCalledTimes(1)
  })

  it('shows user text as text, never as HTML', async () => {
    const { backend, p } = await seeded()
    await backend.core.createSession(p.id, sessionDraft({ title: '<b>bold</b> title', notes: 'Try <img src=x onerror="alert(1)"> hack' }))
    const { input } = open(backend)
    await fireEvent.input(input, { target: { value: 'hack' } })
    const result = await screen.findByTestId('search-result')
    expect(result.querySelector('img')).toBeNull()
    expect(result.querySelector('b')).toBeNull()
    expect(result).toHaveTextContent('<b>bold</b> title')
    expect(result).toHaveTextContent('Try <img src=x onerror="alert(1)"> hack')
    expect(result.querySelector('mark')?.textContent).toBe('hack')
  })

  it('waits for a pause in typing and ignores an answer to an older query', async () => {
    const { backend } = await seeded()
    const search = backend.search.bind(backend)
    // "practised" is answered slowly: after the answer to what the user typed next.
    backend.search = async (query, limit) => {
      const answer = await search(query, limit)
      if (query === 'practised') await new Promise((r) => setTimeout(r, 120))
      return answer
    }
    const { input } = open(backend, 20)
    await fireEvent.input(input, { target: { value: 'f' } })
    await fireEvent.input(input, { target: { value: 'fe' } })
    await fireEvent.input(input, { target: { value: 'feedback' } })
    await screen.findAllByTestId('search-result')
    // Typed quickly: one search only.
    expect(backend.callsOf('search')).toBe(1)

    await fireEvent.input(input, { target: { value: 'practised' } })
    await new Promise((r) => setTimeout(r, 40))
    expect(backend.callsOf('search')).toBe(2)
    await fireEvent.input(input, { target: { value: 'zebra' } })
    expect(await screen.findByTestId('search-none')).toHaveTextContent('zebra')
    expect(backend.callsOf('search')).toBe(3)
    await new Promise((r) => setTimeout(r, 150))
    expect(screen.queryAllByTestId('search-result')).toHaveLength(0)
    expect(screen.getByTestId('search-none')).toHaveTextContent('zebra')
  })

  it('shows a failed search as a sentence', async () => {
    const { backend } = await seeded()
    backend.failNext({ code: 'io', message: 'The journal could not be read just now. Please try again.' }, 'search')
    const { input } = open(backend)
    await fireEvent.input(input, { target: { value: 'feedback' } })
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The journal could not be read just now.'))
  })
})

describe('SearchPalette and the partner’s content', () => {
  it('finds what Zoë shared beside my own, labelled as hers', async () => {
    // Henrik's journal with Zoë's bundle received: her SWOT has "Curious!", his "Curious".
    const backend = new FakeBackend({ journal: 'paired' })
    const { onopen, input } = open(backend)
    await fireEvent.input(input, { target: { value: 'curious' } })
    const results = await screen.findAllByTestId('search-result')
    await waitFor(() => expect(results.length).toBeGreaterThanOrEqual(2))
    const hers = results.filter((r) => within(r).queryByTestId('search-from-partner'))
    const mine = results.filter((r) => !within(r).queryByTestId('search-from-partner'))
    expect(hers).toHaveLength(1)
    expect(mine.length).toBeGreaterThanOrEqual(1)
    expect(within(hers[0]).getByTestId('search-from-partner')).toHaveTextContent('Zoë’s')
    expect(hers[0]).toHaveTextContent('Curious!')
    await fireEvent.click(hers[0])
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ from_partner: true, kind: 'swot_item' }))
  })
})
