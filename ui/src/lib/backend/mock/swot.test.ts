import { describe, expect, it } from 'vitest'
import { partnershipDraft } from '../../../test/helpers'
import type { Quadrant, SwotItem } from '../../generated/types'
import { MockBackend } from '../mock'
import { BackendError } from '../types'
import { addSampleSwot, normalise, sharedPairs, similarity } from './swot'

async function setup() {
  const backend = new MockBackend()
  const p = await backend.createPartnership(partnershipDraft())
  const mine = await backend.startSnapshot(p.id, 'mine', '2026-01-10', 'First')
  const partner = await backend.startSnapshot(p.id, 'partner', '2026-01-10', 'First')
  return { backend, p, mine: mine.snapshot, partner: partner.snapshot }
}

const add = (backend: MockBackend, snapshotId: string, quadrant: Quadrant, text: string) =>
  backend.addSwotItem(snapshotId, { quadrant, text, priority: null })

const texts = (items: SwotItem[], quadrant: Quadrant) => items.filter((i) => i.quadrant === quadrant).map((i) => i.text)

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof BackendError) return e
    throw e
  }
  throw new Error('expected the call to fail')
}

describe('mock SWOT', () => {
  it('normalises case, accents and punctuation and measures word overlap', () => {
    expect(normalise('  Café, AI — tools!  ')).toBe('cafe ai tools')
    expect(similarity('Falling behind how younger colleagues work', 'Falling behind how senior colleagues work')).toBeCloseTo(5 / 7)
    expect(similarity('', 'anything')).toBe(0)
  })

  it('refuses empty and too long items and keeps Unicode as typed', async () => {
    const { backend, mine } = await setup()
    expect((await rejection(add(backend, mine.id, 'strengths', '   '))).field).toBe('text')
    expect((await rejection(add(backend, mine.id, 'strengths', 'x'.repeat(2001)))).message).toMatch(/too long/)
    const item = await add(backend, mine.id, 'strengths', '  مرحبا 👋🏽 <b>bold</b>  ')
    expect(item.text).toBe('مرحبا 👋🏽 <b>bold</b>')
  })

  it('appends items with dense positions and keeps them dense after moves and deletes', async () => {
    const { backend, mine } = await setup()
    const [a, b, c] = [await add(backend, mine.id, 'strengths', 'A'), await add(backend, mine.id, 'strengths', 'B'), await add(backend, mine.id, 'strengths', 'C')]
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2])
    let view = await backend.moveSwotItem(c.id, 'strengths', 0)
    expect(texts(view.items, 'strengths')).toEqual(['C', 'A', 'B'])
    view = await backend.moveSwotItem(a.id, 'threats', 99)
    expect(texts(view.items, 'strengths')).toEqual(['C', 'B'])
    expect(texts(view.items, 'threats')).toEqual(['A'])
    expect(view.items.map((i) => [i.quadrant, i.position])).toEqual([
      ['strengths', 0],
      ['strengths', 1],
      ['threats', 0],
    ])
    backend.db.swotItems.get(c.id)!.deleted_at = '2026-03-01T10:00:00Z'
    const board = await backend.swotBoard(mine.partnership_id, null, null)
    expect(board.mine?.items.map((i) => [i.text, i.position])).toEqual([
      ['B', 0],
      ['A', 0],
    ])
    const d = await add(backend, mine.id, 'strengths', 'D')
    expect(d.position).toBe(1)
    // Changing the quadrant through an update moves the item to the end of the new one.
    const moved = await backend.updateSwotItem(d.id, { quadrant: 'threats', text: 'D!', priority: 'high' })
    expect([moved.quadrant, moved.position, moved.text, moved.priority]).toEqual(['threats', 1, 'D!', 'high'])
  })

  it('copies the latest snapshot forward with origin ids, leaving the old one as it was', async () => {
    const { backend, p, mine } = await setup()
    const a = await add(backend, mine.id, 'strengths', 'Listening')
    await add(backend, mine.id, 'threats', 'Reorganisation')
    const next = await backend.startSnapshot(p.id, 'mine', '2026-02-10', 'After the reorganisation')
    expect(next.items.map((i) => [i.quadrant, i.text])).toEqual([
      ['strengths', 'Listening'],
      ['threats', 'Reorganisation'],
    ])
    expect(next.items[0].origin_id).toBe(a.id)
    expect(next.items[0].id).not.toBe(a.id)
    await backend.updateSwotItem(next.items[0].id, { quadrant: 'strengths', text: 'Listening well', priority: null })
    const board = await backend.swotBoard(p.id, mine.id, null)
    expect(board.mine?.items[0].text).toBe('Listening')
    expect(board.snapshots.map((s) => s.reason)).toEqual(['After the reorganisation', 'First', 'First'])
    const latest = await backend.swotBoard(p.id, null, null)
    expect(latest.mine?.snapshot.id).toBe(next.snapshot.id)
    expect((await rejection(backend.startSnapshot(p.id, 'mine', '2026-02-30', ''))).field).toBe('taken_on')
    expect((await rejection(backend.swotBoard(p.id, latest.partner!.snapshot.id, null))).field).toBe('snapshot')
  })

  it('compares two snapshots by origin, then by wording', async () => {
    const { backend, p, mine } = await setup()
    await add(backend, mine.id, 'strengths', 'Kept as is')
    await add(backend, mine.id, 'strengths', 'Will be reworded')
    await add(backend, mine.id, 'threats', 'Will move')
    await add(backend, mine.id, 'weaknesses', 'Will go')
    const middle = await backend.startSnapshot(p.id, 'mine', '2026-02-01', '')
    const last = await backend.startSnapshot(p.id, 'mine', '2026-03-01', 'Latest')
    const byText = (t: string) => last.items.find((i) => i.text === t)!
    await backend.updateSwotItem(byText('Will be reworded').id, { quadrant: 'strengths', text: 'Reworded', priority: null })
    await backend.moveSwotItem(byText('Will move').id, 'opportunities', 0)
    await backend.moveToTrash('swot_item', byText('Will go').id).catch(() => {
      backend.db.swotItems.get(byText('Will go').id)!.deleted_at = '2026-03-01T10:00:00Z'
    })
    await add(backend, last.snapshot.id, 'opportunities', 'Brand new')
    // Typed again in another snapshot with no origin: matched by its words.
    await add(backend, last.snapshot.id, 'weaknesses', 'KEPT as is!')
    const c = await backend.compareSnapshots(mine.id, last.snapshot.id)
    expect(c.added.map((i) => i.text).sort()).toEqual(['Brand new', 'KEPT as is!'])
    expect(c.removed.map((i) => i.text)).toEqual(['Will go'])
    expect(c.kept.map((i) => i.text)).toEqual(['Kept as is', 'Reworded'])
    expect(c.moved.map((m) => [m.before.quadrant, m.after.quadrant, m.after.text])).toEqual([['threats', 'opportunities', 'Will move']])
    expect(middle.items).toHaveLength(4)
    const other = await backend.swotBoard(p.id, null, null)
    expect((await rejection(backend.compareSnapshots(mine.id, other.partner!.snapshot.id))).message).toMatch(/same SWOT/)
  })

  it('finds shared items: links win, then same words, then similar, one pair per item, same quadrant', async () => {
    const { backend, p, mine, partner } = await setup()
    const m1 = await add(backend, mine.id, 'strengths', 'Good with AI tools')
    const m2 = await add(backend, mine.id, 'threats', 'Falling behind how younger colleagues work')
    const m3 = await add(backend, mine.id, 'weaknesses', 'Public speaking')
    const m4 = await add(backend, mine.id, 'opportunities', 'Good with AI tools')
    const p1 = await add(backend, partner.id, 'strengths', 'good with AI-tools.')
    const p1b = await add(backend, partner.id, 'strengths', 'Good with AI tools')
    const p2 = await add(backend, partner.id, 'threats', 'Falling behind how senior colleagues work')
    const p3 = await add(backend, partner.id, 'weaknesses', 'Presenting to the board')
    let board = await backend.swotBoard(p.id, null, null)
    expect(board.shared).toEqual([
      { mine: m1.id, partner: p1.id, by: 'same' },
      { mine: m2.id, partner: p2.id, by: 'similar' },
    ])
    expect(board.shared.some((s) => s.mine === m4.id)).toBe(false)
    await backend.linkSwotItems(m3.id, p3.id)
    await backend.linkSwotItems(m1.id, p1b.id)
    board = await backend.swotBoard(p.id, null, null)
    expect(board.shared).toEqual([
      { mine: m1.id, partner: p1b.id, by: 'linked' },
      { mine: m3.id, partner: p3.id, by: 'linked' },
      { mine: m2.id, partner: p2.id, by: 'similar' },
    ])
    await backend.linkSwotItems(p3.id, null)
    board = await backend.swotBoard(p.id, null, null)
    expect(board.shared.some((s) => s.mine === m3.id)).toBe(false)
    expect((await rejection(backend.linkSwotItems(m1.id, m2.id))).message).toMatch(/other side/)
    // A link follows the item into a new snapshot.
    await backend.linkSwotItems(m3.id, p3.id)
    const next = await backend.startSnapshot(p.id, 'mine', '2026-02-01', '')
    const copy = next.items.find((i) => i.origin_id === m3.id)!
    board = await backend.swotBoard(p.id, null, null)
    expect(board.shared).toContainEqual({ mine: copy.id, partner: p3.id, by: 'linked' })
  })

  it('pairs similar items best first and each only once', () => {
    const item = (id: string, text: string): SwotItem => ({
      id,
      snapshot_id: 's',
      quadrant: 'strengths',
      position: 0,
      text,
      priority: null,
      origin_id: null,
      link_id: null,
      created_at: '',
      updated_at: '',
    })
    const pairs = sharedPairs(
      [item('m1', 'a b c d e'), item('m2', 'a b c d e f')],
      [item('p1', 'a b c d e f'), item('p2', 'x y z')],
    )
    expect(pairs).toEqual([{ mine: 'm2', partner: 'p1', by: 'same' }])
    const similar = sharedPairs([item('m1', 'a b c d x'), item('m2', 'a b c d e y')], [item('p1', 'a b c d e')])
    expect(similar).toEqual([{ mine: 'm2', partner: 'p1', by: 'similar' }])
  })

  it('validates TOWS strategies and turns one into a goal once', async () => {
    const { backend, p, mine, partner } = await setup()
    const s = await add(backend, mine.id, 'strengths', 'Network')
    const w = await add(backend, mine.id, 'weaknesses', 'AI tools')
    const o = await add(backend, partner.id, 'opportunities', 'New data team')
    const t = await add(backend, mine.id, 'threats', 'Reorganisation')
    expect((await rejection(backend.createTows(p.id, { kind: 'so', text: '  ', internal_item_id: null, external_item_id: null }))).field).toBe('text')
    expect((await rejection(backend.createTows(p.id, { kind: 'so', text: 'x', internal_item_id: w.id, external_item_id: o.id }))).field).toBe(
      'internal_item_id',
    )
    expect((await rejection(backend.createTows(p.id, { kind: 'wo', text: 'x', internal_item_id: w.id, external_item_id: t.id }))).field).toBe(
      'external_item_id',
    )
    const st = await backend.createTows(p.id, { kind: 'st', text: 'Use my network to weather it', internal_item_id: s.id, external_item_id: t.id })
    const so = await backend.createTows(p.id, { kind: 'so', text: ' Sponsor the data team\nand learn from them ', internal_item_id: s.id, external_item_id: o.id })
    expect((await backend.listTows(p.id)).map((x) => x.kind)).toEqual(['so', 'st'])
    const goal = await backend.towsToGoal(so.id)
    expect(goal).toMatchObject({ title: 'Sponsor the data team', whose: 'shared', status: 'active', partnership_id: p.id })
    expect(goal.description).toContain('New data team')
    expect((await backend.towsToGoal(so.id)).id).toBe(goal.id)
    expect(backend.db.goals.size).toBe(1)
    expect((await backend.listTows(p.id)).find((x) => x.id === so.id)?.goal_id).toBe(goal.id)
    const updated = await backend.updateTows(st.id, { kind: 'st', text: 'Changed', internal_item_id: null, external_item_id: null })
    expect(updated.text).toBe('Changed')
  })

  it('has a sample SWOT with changes over time and shared items', async () => {
    const backend = new MockBackend()
    const p = await backend.createPartnership(partnershipDraft())
    addSampleSwot(backend.db, p.id)
    const board = await backend.swotBoard(p.id, null, null)
    expect(board.snapshots).toHaveLength(3)
    expect(new Set(board.shared.map((s) => s.by))).toEqual(new Set(['same', 'similar', 'linked']))
    const mineSnaps = board.snapshots.filter((s) => s.side === 'mine')
    const c = await backend.compareSnapshots(mineSnaps[1].id, mineSnaps[0].id)
    expect(c.added).toHaveLength(1)
    expect(c.removed).toHaveLength(1)
    expect(c.moved).toHaveLength(1)
    expect((await backend.listTows(p.id))[0].internal_item_id).not.toBeNull()
  })
})
