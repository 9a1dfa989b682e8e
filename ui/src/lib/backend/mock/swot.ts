import type {
  Goal,
  Priority,
  Quadrant,
  SharedPair,
  Side,
  SwotBoard,
  SwotComparison,
  SwotItem,
  SwotItemDraft,
  SwotSnapshot,
  SwotView,
  TowsDraft,
  TowsKind,
  TowsStrategy,
} from '../../generated/types'
import { invalid, notFound, type MockDb } from './db'

export const QUADRANTS: readonly Quadrant[] = ['strengths', 'weaknesses', 'opportunities', 'threats']
const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low']
const TOWS_KINDS: readonly TowsKind[] = ['so', 'st', 'wo', 'wt']
/** The longest SWOT item or TOWS strategy, in characters. */
export const MAX_ITEM_CHARS = 2000
const MAX_REASON_CHARS = 300
const MAX_TITLE_CHARS = 300
/** Two wordings whose word sets overlap at least this much (Jaccard) count as similar. */
export const SIMILAR_AT = 0.6

/** Lower case, accents and punctuation dropped, spaces collapsed: "Café, AI!" → "cafe ai". */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function words(text: string): Set<string> {
  const n = normalise(text)
  return new Set(n === '' ? [] : n.split(' '))
}

/** Jaccard index of the two texts' word sets (0 when both are empty). */
export function similarity(a: string, b: string): number {
  const wa = words(a)
  const wb = words(b)
  if (wa.size === 0 || wb.size === 0) return 0
  let both = 0
  for (const w of wa) if (wb.has(w)) both++
  return both / (wa.size + wb.size - both)
}

const QUADRANT_ORDER = new Map(QUADRANTS.map((q, i) => [q, i]))

function byPlace(a: SwotItem, b: SwotItem): number {
  return (
    (QUADRANT_ORDER.get(a.quadrant) ?? 0) - (QUADRANT_ORDER.get(b.quadrant) ?? 0) ||
    a.position - b.position ||
    a.created_at.localeCompare(b.created_at) ||
    a.id.localeCompare(b.id)
  )
}

function newestFirst(a: SwotSnapshot, b: SwotSnapshot): number {
  return b.taken_on.localeCompare(a.taken_on) || b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id)
}

/**
 * The pairs of items (mine, partner's) that the two sides share: links first, then the
 * same normalised words, then similar wording (best first); automatic matches only within a
 * quadrant; each item in at most one pair.
 */
export function sharedPairs(mine: SwotItem[], partner: SwotItem[]): SharedPair[] {
  const pairs: SharedPair[] = []
  const usedMine = new Set<string>()
  const usedPartner = new Set<string>()
  const take = (m: SwotItem, p: SwotItem, by: SharedPair['by']) => {
    pairs.push({ mine: m.id, partner: p.id, by })
    usedMine.add(m.id)
    usedPartner.add(p.id)
  }
  const partnerById = new Map(partner.map((p) => [p.id, p]))
  for (const m of mine) {
    const p =
      (m.link_id !== null ? partnerById.get(m.link_id) : undefined) ?? partner.find((p) => p.link_id === m.id && !usedPartner.has(p.id))
    if (p && !usedPartner.has(p.id)) take(m, p, 'linked')
  }
  const norm = new Map<string, string>()
  for (const item of [...mine, ...partner]) norm.set(item.id, normalise(item.text))
  for (const m of mine) {
    if (usedMine.has(m.id) || norm.get(m.id) === '') continue
    const p = partner.find((p) => !usedPartner.has(p.id) && p.quadrant === m.quadrant && norm.get(p.id) === norm.get(m.id))
    if (p) take(m, p, 'same')
  }
  const candidates: { m: SwotItem; p: SwotItem; score: number }[] = []
  for (const m of mine) {
    if (usedMine.has(m.id)) continue
    for (const p of partner) {
      if (usedPartner.has(p.id) || p.quadrant !== m.quadrant) continue
      const score = similarity(m.text, p.text)
      if (score >= SIMILAR_AT) candidates.push({ m, p, score })
    }
  }
  candidates.sort((a, b) => b.score - a.score)
  for (const { m, p } of candidates) {
    if (!usedMine.has(m.id) && !usedPartner.has(p.id)) take(m, p, 'similar')
  }
  const order = new Map(mine.map((m, i) => [m.id, i]))
  return pairs.sort((a, b) => (order.get(a.mine) ?? 0) - (order.get(b.mine) ?? 0))
}

function checkDate(value: string, field: string, label: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) invalid(field, `The ${label} is not a valid date.`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2999) invalid(field, `The ${label} must be between the years 1900 and 2999.`)
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) invalid(field, `The ${label} is not a valid date.`)
}

function checkReason(reason: string): string {
  const clean = reason.trim()
  if ([...clean].length > MAX_REASON_CHARS) invalid('reason', `The reason is too long (at most ${MAX_REASON_CHARS} characters).`)
  return clean
}

function checkItem(draft: SwotItemDraft): SwotItemDraft {
  if (!QUADRANTS.includes(draft.quadrant)) invalid('quadrant', 'Please choose a quadrant for this item.')
  if (draft.priority !== null && !PRIORITIES.includes(draft.priority)) invalid('priority', 'The priority must be high, medium or low.')
  const text = draft.text.trim()
  if (text === '') invalid('text', 'Please write something for this item.')
  if ([...text].length > MAX_ITEM_CHARS) invalid('text', `This item is too long (at most ${MAX_ITEM_CHARS} characters).`)
  return { quadrant: draft.quadrant, text, priority: draft.priority }
}

const KIND_NAMES: Record<TowsKind, [string, Quadrant, string, Quadrant]> = {
  so: ['strength', 'strengths', 'opportunity', 'opportunities'],
  st: ['strength', 'strengths', 'threat', 'threats'],
  wo: ['weakness', 'weaknesses', 'opportunity', 'opportunities'],
  wt: ['weakness', 'weaknesses', 'threat', 'threats'],
}

/** SWOT snapshots, items and TOWS strategies of the mock backend. */
export class MockSwot {
  constructor(private db: MockDb) {}

  #snapshot(id: string): SwotSnapshot {
    const s = this.db.snapshots.get(id)
    if (!s || s.deleted_at) notFound('SWOT snapshot')
    return s
  }

  #item(id: string): SwotItem {
    const item = this.db.swotItems.get(id)
    if (!item || item.deleted_at || !this.db.snapshots.get(item.snapshot_id) || this.db.snapshots.get(item.snapshot_id)?.deleted_at) {
      notFound('SWOT item')
    }
    return item
  }

  #partnership(id: string): void {
    if (!this.db.partnerships.get(id)) notFound('partnership')
  }

  /** The live items of a snapshot, in order, with dense positions (0, 1, 2... per quadrant). */
  #items(snapshotId: string): SwotItem[] {
    const items = [...this.db.swotItems.values()].filter((i) => i.snapshot_id === snapshotId && !i.deleted_at).sort(byPlace)
    const next = new Map<Quadrant, number>()
    for (const item of items) {
      const position = next.get(item.quadrant) ?? 0
      next.set(item.quadrant, position + 1)
      if (item.position !== position) item.position = position
    }
    return items
  }

  #view(snapshotId: string): SwotView {
    return { snapshot: this.#snapshot(snapshotId), items: this.#items(snapshotId) }
  }

  #snapshots(partnershipId: string, side?: Side): SwotSnapshot[] {
    return [...this.db.snapshots.values()]
      .filter((s) => s.partnership_id === partnershipId && !s.deleted_at && (side === undefined || s.side === side))
      .sort(newestFirst)
  }

  #chosen(partnershipId: string, side: Side, id: string | null): SwotView | null {
    if (id === null) {
      const latest = this.#snapshots(partnershipId, side)[0]
      return latest ? this.#view(latest.id) : null
    }
    const s = this.#snapshot(id)
    if (s.partnership_id !== partnershipId || s.side !== side) {
      invalid('snapshot', side === 'mine' ? 'That snapshot is not one of your SWOTs.' : "That snapshot is not one of your partner's SWOTs.")
    }
    return this.#view(id)
  }

  swotBoard(partnershipId: string, mineSnapshotId: string | null, partnerSnapshotId: string | null): SwotBoard {
    this.#partnership(partnershipId)
    const mine = this.#chosen(partnershipId, 'mine', mineSnapshotId)
    const partner = this.#chosen(partnershipId, 'partner', partnerSnapshotId)
    return {
      mine,
      partner,
      shared: mine && partner ? sharedPairs(mine.items, partner.items) : [],
      snapshots: this.#snapshots(partnershipId),
    }
  }

  startSnapshot(partnershipId: string, side: Side, takenOn: string, reason: string): SwotView {
    this.#partnership(partnershipId)
    if (side !== 'mine' && side !== 'partner') invalid('side', 'Please choose whose SWOT this is.')
    checkDate(takenOn, 'taken_on', 'date of the snapshot')
    const cleanReason = checkReason(reason)
    const previous = this.#snapshots(partnershipId, side)[0]
    const now = this.db.now()
    const snapshot: SwotSnapshot = {
      id: this.db.id('swot'),
      partnership_id: partnershipId,
      side,
      taken_on: takenOn,
      reason: cleanReason,
      created_at: now,
      updated_at: now,
    }
    this.db.snapshots.set(snapshot.id, snapshot)
    if (previous) {
      const other = this.#snapshots(partnershipId, side === 'mine' ? 'partner' : 'mine')[0]
      const otherItems = other ? new Map(this.#items(other.id).map((i) => [i.id, i])) : new Map<string, SwotItem>()
      for (const old of this.#items(previous.id)) {
        const item: SwotItem = {
          id: this.db.id('item'),
          snapshot_id: snapshot.id,
          quadrant: old.quadrant,
          position: old.position,
          text: old.text,
          priority: old.priority,
          origin_id: old.id,
          link_id: null,
          created_at: now,
          updated_at: now,
        }
        // A link to the other side's latest snapshot follows the item forward.
        const linked = old.link_id !== null ? otherItems.get(old.link_id) : undefined
        if (linked) {
          item.link_id = linked.id
          linked.link_id = item.id
        }
        this.db.swotItems.set(item.id, item)
      }
    }
    return this.#view(snapshot.id)
  }

  updateSnapshot(id: string, takenOn: string, reason: string): SwotSnapshot {
    const s = this.#snapshot(id)
    checkDate(takenOn, 'taken_on', 'date of the snapshot')
    const updated: SwotSnapshot = { ...s, taken_on: takenOn, reason: checkReason(reason), updated_at: this.db.now() }
    this.db.snapshots.set(id, updated)
    return updated
  }

  addSwotItem(snapshotId: string, draft: SwotItemDraft): SwotItem {
    this.#snapshot(snapshotId)
    const clean = checkItem(draft)
    const now = this.db.now()
    const position = this.#items(snapshotId).filter((i) => i.quadrant === clean.quadrant).length
    const item: SwotItem = {
      id: this.db.id('item'),
      snapshot_id: snapshotId,
      ...clean,
      position,
      origin_id: null,
      link_id: null,
      created_at: now,
      updated_at: now,
    }
    this.db.swotItems.set(item.id, item)
    return item
  }

  updateSwotItem(id: string, draft: SwotItemDraft): SwotItem {
    const old = this.#item(id)
    const clean = checkItem(draft)
    if (clean.quadrant !== old.quadrant) {
      const end = this.#items(old.snapshot_id).filter((i) => i.quadrant === clean.quadrant).length
      this.moveSwotItem(id, clean.quadrant, end)
    }
    const item: SwotItem = { ...this.#item(id), text: clean.text, priority: clean.priority, updated_at: this.db.now() }
    this.db.swotItems.set(id, item)
    return item
  }

  moveSwotItem(id: string, quadrant: Quadrant, position: number): SwotView {
    const item = this.#item(id)
    if (!QUADRANTS.includes(quadrant)) invalid('quadrant', 'Please choose a quadrant for this item.')
    if (!Number.isInteger(position) || position < 0) invalid('position', 'The position must be a whole number from 0.')
    const items = this.#items(item.snapshot_id)
    const target = items.filter((i) => i.quadrant === quadrant && i.id !== id)
    target.splice(Math.min(position, target.length), 0, item)
    const now = this.db.now()
    const source = items.filter((i) => i.quadrant === item.quadrant && i.id !== id)
    source.forEach((i, n) => {
      i.position = n
    })
    target.forEach((i, n) => {
      if (i.position !== n || i.id === id) i.updated_at = now
      i.position = n
    })
    item.quadrant = quadrant
    return this.#view(item.snapshot_id)
  }

  linkSwotItems(id: string, otherId: string | null): void {
    const item = this.#item(id)
    const unlink = (i: SwotItem) => {
      for (const other of this.db.swotItems.values()) {
        if (other.link_id === i.id) other.link_id = null
      }
      i.link_id = null
    }
    if (otherId === null) {
      unlink(item)
      return
    }
    const other = this.#item(otherId)
    const a = this.#snapshot(item.snapshot_id)
    const b = this.#snapshot(other.snapshot_id)
    if (a.partnership_id !== b.partnership_id) invalid('link', 'These two items belong to different partnerships.')
    if (a.side === b.side) invalid('link', 'An item can only be linked to an item on the other side.')
    unlink(item)
    unlink(other)
    const now = this.db.now()
    item.link_id = other.id
    other.link_id = item.id
    item.updated_at = now
    other.updated_at = now
  }

  /** The ids an item was copied forward from, nearest first. */
  #ancestors(item: SwotItem): Set<string> {
    const seen = new Set<string>()
    let next = item.origin_id
    while (next !== null && !seen.has(next)) {
      seen.add(next)
      next = this.db.swotItems.get(next)?.origin_id ?? null
    }
    return seen
  }

  compareSnapshots(beforeId: string, afterId: string): SwotComparison {
    const before = this.#snapshot(beforeId)
    const after = this.#snapshot(afterId)
    if (before.partnership_id !== after.partnership_id || before.side !== after.side) {
      invalid('snapshot', 'Only two snapshots of the same SWOT can be compared.')
    }
    const old = this.#items(beforeId)
    const now = this.#items(afterId)
    const match = new Map<string, SwotItem>()
    const used = new Set<string>()
    for (const a of now) {
      const ancestors = this.#ancestors(a)
      const b = old.find((b) => !used.has(b.id) && (ancestors.has(b.id) || this.#ancestors(b).has(a.id)))
      if (b) {
        match.set(a.id, b)
        used.add(b.id)
      }
    }
    for (const a of now) {
      if (match.has(a.id)) continue
      const n = normalise(a.text)
      const b = old.find((b) => !used.has(b.id) && normalise(b.text) === n)
      if (b) {
        match.set(a.id, b)
        used.add(b.id)
      }
    }
    const result: SwotComparison = { before, after, added: [], removed: [], kept: [], moved: [] }
    for (const a of now) {
      const b = match.get(a.id)
      if (!b) result.added.push(a)
      else if (b.quadrant === a.quadrant) result.kept.push(a)
      else result.moved.push({ before: b, after: a })
    }
    result.removed = old.filter((b) => !used.has(b.id))
    return result
  }

  listTows(partnershipId: string): TowsStrategy[] {
    this.#partnership(partnershipId)
    return [...this.db.tows.values()]
      .filter((t) => t.partnership_id === partnershipId && !t.deleted_at)
      .sort((a, b) => TOWS_KINDS.indexOf(a.kind) - TOWS_KINDS.indexOf(b.kind) || a.created_at.localeCompare(b.created_at))
  }

  #checkTows(partnershipId: string, draft: TowsDraft): TowsDraft {
    if (!TOWS_KINDS.includes(draft.kind)) invalid('kind', 'Please choose SO, ST, WO or WT.')
    const text = draft.text.trim()
    if (text === '') invalid('text', 'Please write the strategy.')
    if ([...text].length > MAX_ITEM_CHARS) invalid('text', `The strategy is too long (at most ${MAX_ITEM_CHARS} characters).`)
    const [internalName, internalQuadrant, externalName, externalQuadrant] = KIND_NAMES[draft.kind]
    const check = (id: string | null, field: string, name: string, quadrant: Quadrant) => {
      if (id === null) return
      const item = this.db.swotItems.get(id)
      const snapshot = item ? this.db.snapshots.get(item.snapshot_id) : undefined
      if (!item || item.deleted_at || !snapshot || snapshot.deleted_at || snapshot.partnership_id !== partnershipId) {
        invalid(field, `The ${name} this strategy pairs no longer exists: choose another.`)
      }
      if (item.quadrant !== quadrant) {
        invalid(field, `An ${draft.kind.toUpperCase()} strategy pairs a ${name}: choose one of the ${quadrant}.`)
      }
    }
    check(draft.internal_item_id, 'internal_item_id', internalName, internalQuadrant)
    check(draft.external_item_id, 'external_item_id', externalName, externalQuadrant)
    return { ...draft, text }
  }

  createTows(partnershipId: string, draft: TowsDraft): TowsStrategy {
    this.#partnership(partnershipId)
    const clean = this.#checkTows(partnershipId, draft)
    const now = this.db.now()
    const t: TowsStrategy = { id: this.db.id('tows'), partnership_id: partnershipId, ...clean, goal_id: null, created_at: now, updated_at: now }
    this.db.tows.set(t.id, t)
    return t
  }

  #tows(id: string): TowsStrategy {
    const t = this.db.tows.get(id)
    if (!t || t.deleted_at) notFound('strategy')
    return t
  }

  updateTows(id: string, draft: TowsDraft): TowsStrategy {
    const old = this.#tows(id)
    const clean = this.#checkTows(old.partnership_id, draft)
    const t: TowsStrategy = { ...old, ...clean, updated_at: this.db.now() }
    this.db.tows.set(id, t)
    return t
  }

  towsToGoal(id: string): Goal {
    const t = this.#tows(id)
    const existing = t.goal_id !== null ? this.db.goals.get(t.goal_id) : undefined
    if (existing && !existing.deleted_at) return existing
    const firstLine = t.text.split('\n')[0].trim()
    const chars = [...firstLine]
    const title = chars.length > MAX_TITLE_CHARS ? `${chars.slice(0, MAX_TITLE_CHARS - 1).join('')}…` : firstLine
    const pairs = [t.internal_item_id, t.external_item_id]
      .map((i) => (i === null ? undefined : this.db.swotItems.get(i)))
      .filter((i): i is SwotItem => i !== undefined)
      .map((i) => `- ${i.text}`)
    const description = [t.text, pairs.length > 0 ? `From our TOWS analysis (${t.kind.toUpperCase()}), pairing:\n${pairs.join('\n')}` : '']
      .filter((s) => s !== '')
      .join('\n\n')
    const now = this.db.now()
    const goal: Goal = {
      id: this.db.id('goal'),
      partnership_id: t.partnership_id,
      title,
      description,
      whose: 'shared',
      direction: 'both_learn',
      success_criteria: '',
      target_on: null,
      status: 'active',
      created_at: now,
      updated_at: now,
    }
    this.db.goals.set(goal.id, goal)
    this.db.tows.set(id, { ...t, goal_id: goal.id, updated_at: now })
    return goal
  }
}

type SampleItem = [Quadrant, string, Priority | null]

/**
 * The sample journal's SWOT: two snapshots of mine (with an item added, one removed, one
 * moved), one of the partner's sharing items with mine (same, similar, linked), and a
 * TOWS strategy.
 */
export function addSampleSwot(db: MockDb, partnershipId: string): void {
  const swot = new MockSwot(db)
  const fill = (snapshotId: string, items: SampleItem[]) =>
    items.map(([quadrant, text, priority]) => swot.addSwotItem(snapshotId, { quadrant, text, priority }))
  const first = swot.startSnapshot(partnershipId, 'mine', '2026-01-29', 'Our first session')
  fill(first.snapshot.id, [
    ['strengths', 'Twenty years of leading teams through change', 'high'],
    ['strengths', 'A wide network across the industry', null],
    ['weaknesses', 'Not confident with AI tools', 'high'],
    ['weaknesses', 'I rarely share my work on social media', 'medium'],
    ['opportunities', 'The new data team wants sponsors', null],
    ['threats', "The company's AI rollout", 'medium'],
    ['threats', 'Falling behind how younger colleagues work', null],
  ])
  const partner = swot.startSnapshot(partnershipId, 'partner', '2026-01-29', 'Our first session')
  fill(partner.snapshot.id, [
    ['strengths', 'Quick with new tools and AI assistants', 'high'],
    ['strengths', 'Knows how people my age use social media', null],
    ['weaknesses', 'Nervous presenting to senior people', 'high'],
    ['weaknesses', 'Not sure when AI output is good enough', null],
    ['opportunities', 'The new data team wants sponsors', null],
    ['opportunities', 'A team-lead role opening in the summer', 'high'],
    ['threats', 'Falling behind how senior colleagues work', 'medium'],
  ])
  const second = swot.startSnapshot(partnershipId, 'mine', '2026-02-26', 'After three sessions with Zoë')
  const find = (items: SwotItem[], text: string) => items.find((i) => i.text === text)
  const rollout = find(second.items, "The company's AI rollout")
  if (rollout) swot.moveSwotItem(rollout.id, 'opportunities', 0)
  const social = find(second.items, 'I rarely share my work on social media')
  if (social) social.deleted_at = db.now()
  const ai = find(second.items, 'Not confident with AI tools')
  if (ai) swot.updateSwotItem(ai.id, { quadrant: 'weaknesses', text: 'Still unsure when to trust AI drafts', priority: 'high' })
  fill(second.snapshot.id, [['strengths', 'Good at giving honest feedback', 'medium']])
  const partnerAi = find(swot.swotBoard(partnershipId, null, null).partner?.items ?? [], 'Not sure when AI output is good enough')
  if (ai && partnerAi) swot.linkSwotItems(ai.id, partnerAi.id)
  const sponsors = find(second.items, 'The new data team wants sponsors')
  swot.createTows(partnershipId, {
    kind: 'wo',
    text: 'Sponsor the new data team and learn their AI tools with Zoë as my guide',
    internal_item_id: ai?.id ?? null,
    external_item_id: sponsors?.id ?? null,
  })
}
