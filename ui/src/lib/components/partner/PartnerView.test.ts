import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import type { Component } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../../backend/context'
import { FakeBackend } from '../../../test/backend'
import { fakeUndo } from '../goals/testing/fakeUndo'
import WithUndo from '../goals/testing/WithUndo.svelte'
import Dashboard from '../dashboard/Dashboard.svelte'
import SwotTestHarness from '../swot/SwotTestHarness.svelte'
import PartnerGoals from './PartnerGoals.svelte'
import PartnerNotes from './PartnerNotes.svelte'
import PartnerSessionList from './PartnerSessionList.svelte'

/**
 * Henrik's journal paired with Zoë's, her bundle received (the core's scratch journal
 * "paired"): her own SWOT shared, her notes on a session of his held the same day and one
 * of hers alone, her goals (one of his title), an item asked of him and one of his she did.
 */
async function paired() {
  const backend = new FakeBackend({ journal: 'paired' })
  const p = (await backend.core.listPartnerships())[0].partnership
  return { backend, p }
}

const region = (name: string) => screen.getByRole('region', { name })
const texts = (name: string) => within(region(name)).queryAllByTestId('swot-item').map((r) => r.textContent ?? '')

describe("the partner's shared content", () => {
  it("shows Zoë's own SWOT read-only and labelled, pairs it with mine, and copies an item to my view", async () => {
    const { backend, p } = await paired()
    const loaded = vi.fn()
    render(SwotTestHarness, { props: { backend, partnershipId: p.id, partnerName: p.partner_name, onloaded: loaded } })
    await waitFor(() => expect(loaded).toHaveBeenCalledWith(true))
    // My view of hers is the default (I have none yet); hers is offered.
    const choice = screen.getByTestId('partner-source')
    const own = within(choice).getByRole('button', { name: /^Zoë’s own \(shared on / })
    expect(within(choice).getByRole('button', { name: 'My view of Zoë’s' })).toHaveAttribute('aria-pressed', 'true')
    await fireEvent.click(own)
    await screen.findByRole('heading', { name: 'Zoë’s SWOT as Zoë shared it' })
    const head = screen.getByTestId('side-head-partner')
    expect(within(head).getByRole('button', { name: /^Zoë’s own/ })).toHaveAttribute('aria-pressed', 'true')
    expect(within(head).getByTestId('shared-label')).toHaveTextContent(/Zoë’s SWOT\s+shared on/)
    expect(within(head).getByTestId('not-verified')).toBeInTheDocument()
    await waitFor(() => expect(texts('Zoë’s strengths').join('|')).toContain('Explains AI tools well'))
    // Read-only: no box to add to her quadrants, nothing to edit.
    expect(within(region('Zoë’s strengths')).queryByLabelText('Add to Zoë’s strengths')).toBeNull()
    expect(within(region('Zoë’s strengths')).queryByRole('button', { name: /Actions for/ })).toBeNull()
    // Her "Curious!" and my "Curious" are paired by the core.
    const hers = within(region('Zoë’s strengths'))
      .getAllByTestId('swot-item')
      .find((r) => r.textContent?.includes('Curious!'))!
    expect(hers.dataset.shared).toBe('same')
    const mine = within(region('my strengths'))
      .getAllByTestId('swot-item')
      .find((r) => r.textContent?.includes('Curious'))!
    expect(mine.dataset.shared).toBe('same')
    // "Not the same" is for pairs within my own journal only.
    expect(within(mine).queryByTestId('not-the-same')).toBeNull()

    // Copy one into my view of her SWOT: the core starts that view.
    const row = within(region('Zoë’s threats')).getAllByTestId('swot-item')[0]
    await fireEvent.click(within(row).getByRole('button', { name: 'Copy to my view: “Too many meetings”, into my view of Zoë’s SWOT' }))
    await waitFor(() => expect(within(row).getByRole('status')).toHaveTextContent('Copied to my view'))
    const board = await backend.core.swotBoard(p.id, null, null)
    expect(board.partner?.items.map((i) => i.text)).toEqual(['Too many meetings'])
    // Back to my view: the copy is there, editable.
    await fireEvent.click(within(screen.getByTestId('partner-source')).getByRole('button', { name: 'My view of Zoë’s' }))
    await waitFor(() => expect(texts('Zoë’s threats')).toEqual([expect.stringContaining('Too many meetings')]))
    expect(within(region('Zoë’s threats')).getByLabelText('Add to Zoë’s threats')).toBeInTheDocument()
  })

  it("lists what Zoë asked of me with a tick, and offers to tick mine that she says she did", async () => {
    const { backend, p } = await paired()
    const undo = fakeUndo()
    const props = { partnership: p, onopensession: vi.fn(), onnewsession: vi.fn(), onopengoal: vi.fn(), onnewgoal: vi.fn(), onedit: vi.fn() }
    render(WithUndo, {
      props: { component: Dashboard as unknown as Component<Record<string, unknown>>, props, undo: undo.toast },
      context: backendContext(backend),
    })
    const asked = await screen.findByTestId('asked-of-me')
    expect(within(asked).getByRole('heading', { name: 'Asked by Zoë' })).toBeInTheDocument()
    expect(within(asked).getByTestId('shared-label')).toHaveTextContent(/shared on/)
    const says = screen.getByTestId('partner-says-done')
    expect(within(says).getByRole('heading', { name: 'Zoë says done — tick yours?' })).toBeInTheDocument()
    expect(within(says).getByText('Zoë shows me the team calendar')).toBeInTheDocument()

    // Ticking hers tells the core (my next bundle says so) and takes it off.
    await fireEvent.click(within(asked).getByRole('checkbox', { name: 'Done: Send Zoë the org chart (asked by Zoë)' }))
    await waitFor(() => expect(screen.queryByTestId('asked-of-me')).toBeNull())
    expect(undo.shown.at(-1)?.message).toBe('Marked “Send Zoë the org chart” done')
    const link = (await backend.core.exchangeLink(p.id))!
    const payload = await backend.core.sharePreview(p.id)
    expect(payload.acknowledgements).toHaveLength(1)
    expect(link.partner_name).toBe('Zoë Okafor')

    // Ticking mine marks my own item done.
    await fireEvent.click(within(says).getByRole('button', { name: 'Tick mine: Zoë shows me the team calendar' }))
    await waitFor(() => expect(screen.queryByTestId('partner-says-done')).toBeNull())
    expect(await backend.core.openActionItems(p.id)).toEqual([])
  })

  it("shows Zoë's notes on my session of the same day, and her other sessions as hers", async () => {
    const { backend, p } = await paired()
    const mine = (await backend.core.listSessions(p.id, 10, 0)).sessions[0]
    render(PartnerNotes, { props: { partnershipId: p.id, sessionId: mine.id }, context: backendContext(backend) })
    const notes = await screen.findByTestId('partner-notes')
    expect(within(notes).getByRole('heading', { name: 'Zoë’s notes on this session' })).toBeInTheDocument()
    const card = within(notes).getByTestId('partner-session')
    expect(within(card).getByRole('heading', { name: 'Prompting basics' })).toBeInTheDocument()
    expect(within(card).getByTestId('shared-label')).toHaveTextContent(/Zoë’s notes\s+shared on/)
    // Through the core's renderer: bold as markup, a single newline a line break.
    await waitFor(() => expect(card.querySelector('strong')?.textContent).toBe('asked great questions'))
    expect(card.querySelector('br')).not.toBeNull()
    expect(within(card).getByText('Send Zoë the org chart')).toBeInTheDocument()
    expect(within(card).getByText(/for me/)).toBeInTheDocument()

    render(PartnerSessionList, { props: { partnershipId: p.id }, context: backendContext(backend) })
    const list = await screen.findByTestId('partner-sessions')
    expect(list).toHaveTextContent('Zoë’s sessions')
    expect(list).toHaveTextContent('1 session shared on')
    expect(within(list).getByText('preparation', { exact: false })).toBeInTheDocument()
    expect(within(list).queryByText('Prompting basics', { exact: false })).toBeNull()
  })

  it("shows Zoë's progress beside my goal of the same title, and her other goals as hers", async () => {
    const { backend, p } = await paired()
    const mine = (await backend.core.listGoals(p.id))[0]
    render(PartnerGoals, { props: { partnershipId: p.id, goalId: mine.goal.id }, context: backendContext(backend) })
    const beside = await screen.findByTestId('partner-goal-beside')
    expect(within(beside).getByRole('heading', { name: 'Zoë’s progress on this goal' })).toBeInTheDocument()
    expect(within(beside).getByRole('progressbar', { name: 'Zoë’s progress on Learn prompt writing' })).toHaveAttribute('aria-valuenow', '40')
    expect(within(beside).getByText('1/1 milestones')).toBeInTheDocument()
    expect(within(beside).getByText('Ten prompts')).toBeInTheDocument()

    render(PartnerGoals, { props: { partnershipId: p.id }, context: backendContext(backend) })
    const others = await screen.findByTestId('partner-goals')
    expect(within(others).getByRole('heading', { name: 'Zoë’s shared goals' })).toBeInTheDocument()
    expect(within(others).getAllByTestId('partner-goal')).toHaveLength(1)
    expect(within(others).getByRole('heading', { name: 'Run a workshop' })).toBeInTheDocument()
  })
})
