import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { FakeBackend } from '../../../test/backend'
import type { Quadrant, SwotItem } from '../../generated/types'
import type { UndoToast } from '../../undo'
import { dateOf, enterDate, partnershipDraft } from '../../../test/helpers'
import SwotTestHarness from './SwotTestHarness.svelte'
import { expectReveal, reveal } from '../../reveal'

class FakeUndo implements UndoToast {
  shown: { message: string; undo: () => Promise<void> }[] = []
  show(message: string, undo: () => Promise<void>): void {
    this.shown.push({ message, undo })
  }
}

async function setup(options: { sample?: boolean; onopengoal?: (id: string) => void } = {}) {
  // The core's sample journal: Zoë Okafor's partnership has two snapshots of my side and one of hers.
  const backend = new FakeBackend(options.sample ? { journal: 'sample' } : {})
  const p = options.sample
    ? (await backend.core.listPartnerships()).find((o) => o.partnership.partner_name === 'Zoë Okafor')!.partnership
    : await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  const undo = new FakeUndo()
  const loaded = vi.fn()
  render(SwotTestHarness, {
    props: { backend, undo, partnershipId: p.id, partnerName: 'Zoë Okafor', onloaded: loaded, onopengoal: options.onopengoal },
  })
  await waitFor(() => expect(loaded).toHaveBeenCalledWith(true))
  return { backend, p, undo }
}

const region = (name: string) => screen.getByRole('region', { name })
const rows = (name: string) => within(region(name)).queryAllByTestId('swot-item')
const rowTexts = (name: string) => rows(name).map((r) => r.querySelector('.item-text')?.textContent ?? '')
/** Waits until no item shown is still on its way to the core (a pending row cannot be edited yet). */
const allSaved = () => waitFor(() => expect(document.querySelectorAll('[data-item-id^="pending-"]')).toHaveLength(0))
const addBox = (name: string) => within(region(name)).getByLabelText(`Add to ${name}`)

async function type(box: HTMLElement, text: string) {
  await fireEvent.input(box, { target: { value: text } })
  await fireEvent.keyDown(box, { key: 'Enter' })
}

/** My items in `quadrant` of the core's current snapshot, or of the snapshot `snapshotId`. */
async function latestItems(backend: FakeBackend, partnershipId: string, quadrant: Quadrant, snapshotId: string | null = null): Promise<string[]> {
  const board = await backend.core.swotBoard(partnershipId, snapshotId, null)
  return (board.mine?.items ?? []).filter((i: SwotItem) => i.quadrant === quadrant).map((i) => i.text)
}

describe('SWOT page', () => {
  it('shows both sides quadrant by quadrant with shared items marked on both sides', async () => {
    await setup({ sample: true })
    expect(screen.getByRole('heading', { name: 'Mine' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Zoë’s' })).toBeInTheDocument()
    for (const q of ['Strengths', 'Weaknesses', 'Opportunities', 'Threats']) {
      expect(screen.getByRole('heading', { name: q })).toBeInTheDocument()
    }
    // The core pairs them: the same words, a link made by hand, and similar wording.
    const mine = rows('my strengths').find((r) => r.textContent?.includes('Curious, and not afraid to ask'))!
    const theirs = rows('Zoë’s strengths').find((r) => r.textContent?.includes('Curious and not afraid to ask'))!
    expect(mine.dataset.shared).toBe('same')
    expect(theirs.dataset.shared).toBe('same')
    expect(within(mine).getByText('Shared')).toBeInTheDocument()
    expect(rows('my threats').find((r) => r.textContent?.includes('The reorg could make my role smaller'))?.dataset.shared).toBe('similar')
    expect(rows('Zoë’s strengths').find((r) => r.textContent?.includes('Fast with AI tools'))?.dataset.shared).toBe('linked')
    expect(rows('my strengths').find((r) => r.textContent?.includes('AI tools: weekly drafts'))?.dataset.shared).toBe('linked')
    expect(rows('my weaknesses').every((r) => r.dataset.shared === undefined)).toBe(true)
    // Focusing one highlights its pair on the other side.
    await fireEvent.focusIn(mine.querySelector('.item-text')!)
    expect(theirs).toHaveClass('hot')
    expect(mine.querySelector('.item-text')).toHaveAttribute('dir', 'auto')
  })

  it('adds with Enter, keeps the focus for the next item, and never saves an empty one', async () => {
    const { backend, p } = await setup()
    const box = addBox('my strengths')
    box.focus()
    await type(box, '  Listening 👂 مرحبا  ')
    expect(box).toHaveValue('')
    expect(document.activeElement).toBe(box)
    await waitFor(() => expect(rowTexts('my strengths')).toEqual(['Listening 👂 مرحبا']))
    await type(box, 'Patience')
    await waitFor(() => expect(rowTexts('my strengths')).toEqual(['Listening 👂 مرحبا', 'Patience']))
    await allSaved()
    const calls = backend.callsOf('addSwotItem')
    await type(box, '   ')
    expect(backend.callsOf('addSwotItem')).toBe(calls)
    expect(await latestItems(backend, p.id, 'strengths')).toEqual(['Listening 👂 مرحبا', 'Patience'])
    // The first item started today's snapshot of my side.
    expect((await backend.core.swotBoard(p.id, null, null)).snapshots).toHaveLength(1)
  })

  it('puts a refused item back in the box with the message beside its quadrant', async () => {
    const { backend } = await setup()
    await type(addBox('Zoë’s threats'), 'Burnout')
    await waitFor(() => expect(rowTexts('Zoë’s threats')).toEqual(['Burnout']))
    backend.failNext({ code: 'busy', message: 'The journal is busy: please try again.' }, 'addSwotItem')
    await type(addBox('Zoë’s threats'), 'Reorganisation')
    await waitFor(() => expect(within(region('Zoë’s threats')).getByRole('alert')).toHaveTextContent('The journal is busy'))
    expect(addBox('Zoë’s threats')).toHaveValue('Reorganisation')
    expect(rowTexts('Zoë’s threats')).toEqual(['Burnout'])
  })

  it('edits in place: Enter saves, Escape cancels', async () => {
    const { backend, p } = await setup()
    await type(addBox('my weaknesses'), 'Slow with AI')
    await waitFor(() => expect(rowTexts('my weaknesses')).toEqual(['Slow with AI']))
    await allSaved()
    await fireEvent.click(within(region('my weaknesses')).getByRole('button', { name: 'Slow with AI' }))
    let editor = within(region('my weaknesses')).getByLabelText('Edit item')
    expect(document.activeElement).toBe(editor)
    await fireEvent.input(editor, { target: { value: 'Something else' } })
    await fireEvent.keyDown(editor, { key: 'Escape' })
    expect(rowTexts('my weaknesses')).toEqual(['Slow with AI'])
    await fireEvent.click(within(region('my weaknesses')).getByRole('button', { name: 'Slow with AI' }))
    editor = within(region('my weaknesses')).getByLabelText('Edit item')
    await fireEvent.input(editor, { target: { value: '' } })
    await fireEvent.keyDown(editor, { key: 'Enter' })
    expect(within(region('my weaknesses')).getByRole('alert')).toHaveTextContent('needs some words')
    await fireEvent.input(editor, { target: { value: 'Unsure when to trust AI drafts' } })
    await fireEvent.keyDown(editor, { key: 'Enter' })
    await waitFor(() => expect(rowTexts('my weaknesses')).toEqual(['Unsure when to trust AI drafts']))
    await waitFor(async () => expect(await latestItems(backend, p.id, 'weaknesses')).toEqual(['Unsure when to trust AI drafts']))
  })

  it('reorders with Alt+↑/↓ and moves to another quadrant with Alt+→, keeping the focus', async () => {
    const { backend, p } = await setup()
    for (const t of ['One', 'Two', 'Three']) await type(addBox('my strengths'), t)
    await waitFor(() => expect(rowTexts('my strengths')).toEqual(['One', 'Two', 'Three']))
    await allSaved()
    const three = () => within(region('my strengths')).getByRole('button', { name: 'Three' })
    three().focus()
    await fireEvent.keyDown(three(), { key: 'ArrowUp', altKey: true })
    expect(rowTexts('my strengths')).toEqual(['One', 'Three', 'Two'])
    await waitFor(() => expect(document.activeElement).toBe(three()))
    await waitFor(async () => expect(await latestItems(backend, p.id, 'strengths')).toEqual(['One', 'Three', 'Two']))
    await fireEvent.keyDown(three(), { key: 'ArrowRight', altKey: true })
    expect(rowTexts('my strengths')).toEqual(['One', 'Two'])
    expect(rowTexts('my weaknesses')).toEqual(['Three'])
    await waitFor(async () => expect(await latestItems(backend, p.id, 'weaknesses')).toEqual(['Three']))
    const moved = within(region('my weaknesses')).getByRole('button', { name: 'Three' })
    await waitFor(() => expect(document.activeElement).toBe(moved))
    // And through the menu.
    await fireEvent.click(within(region('my strengths')).getByRole('button', { name: 'Actions for “One”' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: 'Move to Threats' }))
    await waitFor(async () => expect(await latestItems(backend, p.id, 'threats')).toEqual(['One']))
    expect(rowTexts('my threats')).toEqual(['One'])
  })

  it('reverts a refused move with a message', async () => {
    const { backend, p } = await setup()
    for (const t of ['A', 'B']) await type(addBox('my strengths'), t)
    await waitFor(() => expect(rowTexts('my strengths')).toEqual(['A', 'B']))
    await allSaved()
    backend.failNext({ code: 'io', message: 'Could not move it.' }, 'moveSwotItem')
    await fireEvent.keyDown(within(region('my strengths')).getByRole('button', { name: 'B' }), { key: 'ArrowUp', altKey: true })
    await waitFor(() => expect(within(region('my strengths')).getByRole('alert')).toHaveTextContent('Could not move it.'))
    expect(rowTexts('my strengths')).toEqual(['A', 'B'])
    expect(await latestItems(backend, p.id, 'strengths')).toEqual(['A', 'B'])
  })

  it('deletes with undo', async () => {
    const { backend, p, undo } = await setup()
    for (const t of ['Keep', 'Drop']) await type(addBox('my opportunities'), t)
    await waitFor(() => expect(rowTexts('my opportunities')).toEqual(['Keep', 'Drop']))
    await allSaved()
    await fireEvent.click(within(region('my opportunities')).getByRole('button', { name: 'Actions for “Drop”' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: /Delete/ }))
    expect(rowTexts('my opportunities')).toEqual(['Keep'])
    await waitFor(() => expect(undo.shown.map((s) => s.message)).toEqual(['Item deleted']))
    expect(await latestItems(backend, p.id, 'opportunities')).toEqual(['Keep'])
    await undo.shown[0].undo()
    await waitFor(() => expect(rowTexts('my opportunities')).toEqual(['Keep', 'Drop']))
  })

  it('links and unlinks two items by hand', async () => {
    const { backend, p } = await setup()
    await type(addBox('my weaknesses'), 'Public speaking')
    await type(addBox('Zoë’s weaknesses'), 'Presenting to the board')
    await waitFor(() => expect(rows('Zoë’s weaknesses')).toHaveLength(1))
    await waitFor(() => expect(rows('my weaknesses')).toHaveLength(1))
    await allSaved()
    await fireEvent.click(within(region('my weaknesses')).getByRole('button', { name: 'Actions for “Public speaking”' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: 'Link to Zoë’s item…' }))
    await fireEvent.click(within(screen.getByTestId('link-dialog')).getByRole('button', { name: 'Presenting to the board' }))
    await waitFor(() => expect(rows('Zoë’s weaknesses')[0].dataset.shared).toBe('linked'))
    expect(rows('my weaknesses')[0].dataset.shared).toBe('linked')
    await waitFor(async () => expect((await backend.core.swotBoard(p.id, null, null)).shared).toHaveLength(1))
    await fireEvent.click(within(region('Zoë’s weaknesses')).getByRole('button', { name: 'Actions for “Presenting to the board”' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: 'Unlink' }))
    await waitFor(() => expect(rows('my weaknesses')[0].dataset.shared).toBeUndefined())
    await waitFor(async () => expect((await backend.core.swotBoard(p.id, null, null)).shared).toHaveLength(0))
  })

  it('issue 16: “Not the same” dismisses an automatic pair in the core, keeps the focus, and undoes', async () => {
    const { backend, p, undo } = await setup({ sample: true })
    const mineRow = () => rows('my strengths').find((r) => r.textContent?.includes('Curious, and not afraid to ask'))!
    const theirRow = () => rows('Zoë’s strengths').find((r) => r.textContent?.includes('Curious and not afraid to ask'))!
    expect(mineRow().dataset.shared).toBe('same')
    // On both sides of an automatic pair; its accessible name holds its visible label.
    const button = within(mineRow()).getByRole('button', { name: /^Not the same: “Curious, and not afraid to ask” and “Curious and not afraid to ask”$/ })
    expect(button).toHaveTextContent('Not the same')
    expect(button.getAttribute('aria-label')).toContain(button.textContent?.trim())
    expect(within(theirRow()).getByRole('button', { name: /^Not the same/ })).toBeInTheDocument()
    // A pair linked by hand is unlinked instead: no such button.
    const linked = rows('Zoë’s strengths').find((r) => r.textContent?.includes('Fast with AI tools'))!
    expect(linked.dataset.shared).toBe('linked')
    expect(within(linked).queryByRole('button', { name: /^Not the same/ })).toBeNull()

    const before = (await backend.core.swotBoard(p.id, null, null)).shared.length
    button.focus()
    await fireEvent.click(button)
    await waitFor(() => expect(mineRow().dataset.shared).toBeUndefined())
    expect(theirRow().dataset.shared).toBeUndefined()
    await waitFor(() => expect(document.activeElement).toBe(mineRow().querySelector('.item-text')))
    expect(backend.callsOf('dismissSwotPair')).toBe(1)
    await waitFor(() => expect(undo.shown.map((s) => s.message)).toEqual(['Marked as not the same']))
    // The core no longer pairs them, read again from scratch.
    expect((await backend.core.swotBoard(p.id, null, null)).shared).toHaveLength(before - 1)

    await undo.shown[0].undo()
    await waitFor(() => expect(mineRow().dataset.shared).toBe('same'))
    expect((await backend.core.swotBoard(p.id, null, null)).shared).toHaveLength(before)
  })

  it('issue 16: a refused “Not the same” puts the pair back with a message', async () => {
    const { backend } = await setup({ sample: true })
    const mineRow = () => rows('my strengths').find((r) => r.textContent?.includes('Curious, and not afraid to ask'))!
    backend.failNext({ code: 'busy', message: 'The journal is busy: please try again.' }, 'dismissSwotPair')
    await fireEvent.click(within(mineRow()).getByRole('button', { name: /^Not the same/ }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The journal is busy'))
    expect(mineRow().dataset.shared).toBe('same')
  })

  it('starts a new snapshot and compares it: added, removed, kept and moved', async () => {
    const { backend, p } = await setup()
    for (const t of ['Stays', 'Goes', 'Wanders']) await type(addBox('my strengths'), t)
    await waitFor(() => expect(rows('my strengths')).toHaveLength(3))
    await allSaved()
    await fireEvent.click(within(screen.getByTestId('side-head-mine')).getByRole('button', { name: /Start a new snapshot/ }))
    const dialog = screen.getByTestId('snapshot-dialog')
    expect(dateOf(within(dialog).getByLabelText('Date'))).toBe(new Date().toLocaleDateString('sv'))
    await enterDate(within(dialog).getByLabelText('Date'), '2030-01-15')
    await fireEvent.input(within(dialog).getByLabelText(/Why now/), { target: { value: 'After the reorganisation' } })
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Start snapshot' }))
    await waitFor(() => expect(screen.queryByTestId('snapshot-dialog')).toBeNull())
    const picker = screen.getByLabelText('Snapshot of my SWOT') as HTMLSelectElement
    expect(picker.selectedOptions[0].textContent).toBe('15 Jan 2030 (latest) — After the reorganisation')
    expect(picker.options).toHaveLength(2)
    // Dated later than today, it is not the core's current snapshot yet: ask for it by id.
    const later = picker.value
    // The copy is a new snapshot: change it.
    await waitFor(() => expect(rowTexts('my strengths')).toEqual(['Stays', 'Goes', 'Wanders']))
    await fireEvent.click(within(region('my strengths')).getByRole('button', { name: 'Actions for “Goes”' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: /Delete/ }))
    await fireEvent.keyDown(within(region('my strengths')).getByRole('button', { name: 'Wanders' }), { key: 'ArrowRight', altKey: true })
    await type(addBox('my threats'), 'New worry')
    await waitFor(async () => expect(await latestItems(backend, p.id, 'threats', later)).toEqual(['New worry']))
    await waitFor(async () => expect(await latestItems(backend, p.id, 'weaknesses', later)).toEqual(['Wanders']))

    await fireEvent.click(screen.getByRole('button', { name: 'Changes over time' }))
    const view = screen.getByTestId('compare-view')
    await waitFor(() => expect(within(view).getByTestId('compare-added')).toHaveTextContent('New worry'))
    expect(within(view).getByTestId('compare-removed')).toHaveTextContent('Goes')
    expect(within(view).getByTestId('compare-kept')).toHaveTextContent('Stays')
    const moved = within(view).getByTestId('compare-moved')
    expect(moved).toHaveTextContent('Wanders')
    expect(moved).toHaveTextContent(/Strengths\s*→?\s*to\s*Weaknesses/)
    expect(within(view).getByTestId('compare-kept')).not.toHaveTextContent('Wanders')
    // Looking at the earlier snapshot on the board.
    await fireEvent.click(screen.getByRole('button', { name: 'Side by side' }))
    const select = screen.getByLabelText('Snapshot of my SWOT') as HTMLSelectElement
    await fireEvent.change(select, { target: { value: select.options[1].value } })
    await waitFor(() => expect(rowTexts('my strengths')).toEqual(['Stays', 'Goes', 'Wanders']))
    // The earlier one is today's, so the current one: the note says a later-dated one exists.
    expect(screen.getByText(/The current snapshot; one dated later exists\./)).toBeInTheDocument()
    await fireEvent.click(screen.getByRole('button', { name: 'Show it' }))
    await waitFor(() => expect(rowTexts('my strengths')).toEqual(['Stays']))
    expect(select.value).toBe(later)
    expect(screen.queryByText(/one dated later exists/)).toBeNull()
    expect(screen.getByTestId('snapshot-ahead-mine')).toHaveTextContent('Dated after today (15 Jan 2030)')
  })

  it('issue 17: a new snapshot of my SWOT can be shared with Zoë; the picker marks it, and editing can make it private', async () => {
    const { backend, p } = await setup()
    await type(addBox('my strengths'), 'Listening')
    await allSaved()
    await fireEvent.click(await within(screen.getByTestId('side-head-mine')).findByRole('button', { name: /Start a new snapshot/ }))
    let dialog = screen.getByTestId('snapshot-dialog')
    const toggle = within(dialog).getByRole('switch', { name: 'Private' })
    expect(toggle).not.toBeChecked()
    await fireEvent.click(toggle)
    expect(within(dialog).getByRole('switch', { name: 'Shared with Zoë' })).toBeChecked()
    expect(within(dialog).getByTestId('swot-snapshot-shared-hint')).toHaveTextContent('Zoë sees it in the next bundle you send')
    await fireEvent.input(within(dialog).getByLabelText(/Why now/), { target: { value: 'Spring' } })
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Start snapshot' }))
    await waitFor(() => expect(screen.queryByTestId('snapshot-dialog')).toBeNull())

    const board = await backend.core.swotBoard(p.id, null, null)
    const mine = board.snapshots.filter((s) => s.side === 'mine')
    expect(mine.map((s) => [s.reason, s.visibility])).toEqual([
      ['Spring', 'shared'],
      ['', 'private'],
    ])
    const picker = screen.getByLabelText('Snapshot of my SWOT') as HTMLSelectElement
    await waitFor(() => expect(picker.selectedOptions[0].textContent).toMatch(/\(latest, shared\) — Spring$/))
    expect([...picker.options].map((o) => o.textContent)).toEqual([expect.stringMatching(/\(latest, shared\) — Spring$/), expect.not.stringMatching(/shared/)])

    // The edit dialog shows the choice, and saves a change of it.
    await fireEvent.click(within(screen.getByTestId('side-head-mine')).getByRole('button', { name: /Edit the date, reason and sharing/ }))
    dialog = screen.getByTestId('snapshot-dialog')
    const shared = within(dialog).getByRole('switch', { name: 'Shared with Zoë' })
    expect(shared).toBeChecked()
    await fireEvent.click(shared)
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByTestId('snapshot-dialog')).toBeNull())
    await waitFor(async () => expect((await backend.core.swotBoard(p.id, null, null)).snapshots.every((s) => s.visibility === 'private')).toBe(true))
    await waitFor(() => expect(picker.selectedOptions[0].textContent).not.toMatch(/shared/))
  })

  it('issue 17: my view of Zoë’s SWOT has no share switch, and its edit leaves it private', async () => {
    const { backend, p } = await setup({ sample: true })
    const head = screen.getByTestId('side-head-partner')
    await fireEvent.click(within(head).getByRole('button', { name: /Start a new snapshot/ }))
    let dialog = screen.getByTestId('snapshot-dialog')
    expect(within(dialog).queryByRole('switch')).toBeNull()
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await fireEvent.click(within(head).getByRole('button', { name: /Edit the date and reason of this snapshot \(Zoë’s\)/ }))
    dialog = screen.getByTestId('snapshot-dialog')
    expect(within(dialog).queryByRole('switch')).toBeNull()
    await fireEvent.input(within(dialog).getByLabelText(/Why now/), { target: { value: 'As she told it' } })
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByTestId('snapshot-dialog')).toBeNull())
    const partner = (await backend.core.swotBoard(p.id, null, null)).snapshots.filter((s) => s.side === 'partner')
    expect(partner.map((s) => [s.reason, s.visibility])).toEqual([['As she told it', 'private']])
    // The sample shares my latest snapshot: its picker says so.
    const picker = screen.getByLabelText('Snapshot of my SWOT') as HTMLSelectElement
    expect(picker.selectedOptions[0].textContent).toMatch(/\(latest, shared\)/)
  })

  it('issue 16: a snapshot dated after today says so, in the dialog and on the board', async () => {
    const { backend, p } = await setup()
    await type(addBox('my strengths'), 'Listening')
    await allSaved()
    const head = screen.getByTestId('side-head-mine')
    await fireEvent.click(await within(head).findByRole('button', { name: /Start a new snapshot/ }))
    const dialog = screen.getByTestId('snapshot-dialog')
    expect(within(dialog).queryByTestId('snapshot-date-ahead')).toBeNull()
    await enterDate(within(dialog).getByLabelText('Date'), '2031-06-01')
    expect(within(dialog).getByTestId('snapshot-date-ahead')).toHaveTextContent('After today: the board shows this snapshot as the current one only from 1 Jun 2031.')
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Start snapshot' }))
    await waitFor(() => expect(screen.queryByTestId('snapshot-dialog')).toBeNull())
    // The new snapshot is shown (just made), and says it is not current yet.
    expect(await screen.findByTestId('snapshot-ahead-mine')).toHaveTextContent('Dated after today (1 Jun 2031): the current one only from then.')
    // For the core, today's snapshot is still the current one.
    const board = await backend.core.swotBoard(p.id, null, null)
    const picker = screen.getByLabelText('Snapshot of my SWOT') as HTMLSelectElement
    expect(board.mine?.snapshot.id).not.toBe(picker.value)
    await fireEvent.change(picker, { target: { value: board.mine!.snapshot.id } })
    expect(await within(head).findByText(/The current snapshot; one dated later exists\./)).toBeInTheDocument()
    expect(screen.queryByTestId('snapshot-ahead-mine')).toBeNull()
  })

  it('turns a TOWS strategy into a goal in one step', async () => {
    const opened: string[] = []
    const { backend, p } = await setup({ sample: true, onopengoal: (id) => opened.push(id) })
    await fireEvent.click(screen.getByRole('button', { name: 'TOWS strategies' }))
    const so = await screen.findByTestId('tows-so')
    await fireEvent.input(within(so).getByLabelText('New SO strategy'), { target: { value: 'Pair my network with Zoë’s AI skills' } })
    const strength = within(so).getByLabelText('Strength it builds on') as HTMLSelectElement
    const mineGroup = strength.querySelector('optgroup')!
    expect(mineGroup.label).toBe('My strengths')
    const network = [...strength.options].find((o) => o.textContent === 'A network across the whole company')!
    await fireEvent.change(strength, { target: { value: network.value } })
    const opportunity = within(so).getByLabelText('Opportunity it answers') as HTMLSelectElement
    const partnerOption = [...opportunity.querySelectorAll('optgroup')[1].querySelectorAll('option')].find(
      (o) => o.textContent === "Henrik's network",
    )!
    await fireEvent.change(opportunity, { target: { value: partnerOption.value } })
    const goalsBefore = (await backend.core.listGoals(p.id)).length
    await fireEvent.click(within(so).getByRole('button', { name: 'Add and make it a goal' }))
    await waitFor(() => expect(within(so).getByText('Goal created')).toBeInTheDocument())
    const strategy = (await backend.core.listTows(p.id)).find((t) => t.text === 'Pair my network with Zoë’s AI skills')!
    expect(strategy.kind).toBe('so')
    expect(strategy.internal_item_id).toBe(network.value)
    expect(strategy.external_item_id).toBe(partnerOption.value)
    const { goal } = await backend.core.getGoal(strategy.goal_id!)
    expect(goal.title).toBe('Pair my network with Zoë’s AI skills')
    await fireEvent.click(within(so).getByRole('button', { name: 'Open goal' }))
    expect(opened).toEqual([goal.id])
    // The sample's WO strategy becomes a goal through its own button.
    const wo = screen.getByTestId('tows-wo')
    await fireEvent.click(within(wo).getByRole('button', { name: 'Make it a goal' }))
    await waitFor(() => expect(within(wo).getByText('Goal created')).toBeInTheDocument())
    expect(await backend.core.listGoals(p.id)).toHaveLength(goalsBefore + 2)
  })

  it('edits a TOWS strategy’s text in place, keeping its pair; Escape cancels', async () => {
    const { backend, p } = await setup({ sample: true })
    await fireEvent.click(screen.getByRole('button', { name: 'TOWS strategies' }))
    const wo = await screen.findByTestId('tows-wo')
    const before = (await backend.core.listTows(p.id)).find((t) => t.kind === 'wo')!
    await fireEvent.click(await within(wo).findByRole('button', { name: /^Edit strategy/ }))
    const box = within(wo).getByLabelText('Strategy') as HTMLTextAreaElement
    expect(box.value).toBe(before.text)
    await fireEvent.input(box, { target: { value: 'Ask Zoë to review my first prompts each week' } })
    await fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(within(wo).getByText('Ask Zoë to review my first prompts each week')).toBeInTheDocument())
    const after = (await backend.core.listTows(p.id)).find((t) => t.id === before.id)!
    expect(after).toMatchObject({ text: 'Ask Zoë to review my first prompts each week', internal_item_id: before.internal_item_id, external_item_id: before.external_item_id })
    await fireEvent.click(within(wo).getByRole('button', { name: /^Edit strategy/ }))
    await fireEvent.input(within(wo).getByLabelText('Strategy'), { target: { value: 'Not this' } })
    await fireEvent.keyDown(within(wo).getByLabelText('Strategy'), { key: 'Escape' })
    expect(within(wo).getByText('Ask Zoë to review my first prompts each week')).toBeInTheDocument()
    expect((await backend.core.listTows(p.id)).find((t) => t.id === before.id)!.text).toBe('Ask Zoë to review my first prompts each week')
  })

  it('shows reverse-mentoring prompts on demand, phrased for each side', async () => {
    await setup()
    expect(screen.queryByText(/What do I know about new technology/)).toBeNull()
    await fireEvent.click(within(region('my strengths')).getByRole('button', { name: 'Need ideas?' }))
    expect(screen.getByText('What do I know about new technology that my partner doesn’t?')).toBeInTheDocument()
    await fireEvent.click(within(region('Zoë’s weaknesses')).getByRole('button', { name: 'Need ideas?' }))
    expect(within(region('Zoë’s weaknesses')).getByText('Where does my experience cover a gap of Zoë’s?')).toBeInTheDocument()
    await fireEvent.click(within(region('my strengths')).getByRole('button', { name: 'Hide ideas' }))
    expect(screen.queryByText(/What do I know about new technology/)).toBeNull()
  })

  it('opened from a search hit in an older snapshot, shows that snapshot and highlights the item', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const old = await backend.core.startSnapshot(p.id, 'mine', '2026-01-01', 'Start', null)
    const found = await backend.core.addSwotItem(old.snapshot.id, { quadrant: 'threats', text: 'Only in January', priority: null })
    const latest = await backend.core.startSnapshot(p.id, 'mine', '2026-03-01', 'Spring', null)
    await backend.core.addSwotItem(latest.snapshot.id, { quadrant: 'threats', text: 'Only in March', priority: null })
    const request = { id: found.id, kind: 'swot_item' as const, openId: old.snapshot.id }
    expectReveal(request)
    const loaded = vi.fn()
    render(SwotTestHarness, { props: { backend, partnershipId: p.id, partnerName: 'Zoë', onloaded: loaded } })
    reveal(request)
    await waitFor(() => expect(loaded).toHaveBeenCalledWith(true))
    const picker = screen.getByLabelText('Snapshot of my SWOT') as HTMLSelectElement
    await waitFor(() => expect(picker.value).toBe(old.snapshot.id))
    const row = await waitFor(() => {
      const r = rows('my threats').find((r) => r.textContent?.includes('Only in January'))
      expect(r).toBeDefined()
      return r!
    })
    await waitFor(() => expect(row).toHaveClass('revealed'))
    expect(row.contains(document.activeElement) || document.activeElement === row).toBe(true)
    expect(rows('my threats').some((r) => r.textContent?.includes('Only in March'))).toBe(false)
  })

  it('stays usable with 200 items in a quadrant: typing calls nothing, adding works', { timeout: 30_000 }, async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const view = await backend.core.startSnapshot(p.id, 'mine', '2026-01-01', '', null)
    for (let i = 0; i < 200; i++) {
      await backend.core.addSwotItem(view.snapshot.id, { quadrant: 'threats', text: `Item ${i} ${'long '.repeat(i % 3 === 0 ? 80 : 1)}`, priority: null })
    }
    const loaded = vi.fn()
    render(SwotTestHarness, { props: { backend, partnershipId: p.id, partnerName: 'Zoë', onloaded: loaded } })
    await waitFor(() => expect(loaded).toHaveBeenCalledWith(true))
    // Role queries walk the whole tree: this test finds the quadrant by its test id.
    const threats = screen.getByTestId('quadrant-mine-threats')
    const count = () => within(threats).getAllByTestId('swot-item').length
    expect(count()).toBe(200)
    const calls = backend.calls.length
    const box = within(threats).getByLabelText('Add to my threats')
    for (const value of ['a', 'ab', 'abc']) await fireEvent.input(box, { target: { value } })
    expect(backend.calls.length).toBe(calls)
    await type(box, 'Number 201')
    await waitFor(() => expect(count()).toBe(201))
    expect(within(threats).getAllByTestId('swot-item')[200]).toHaveTextContent('Number 201')
  })
})
