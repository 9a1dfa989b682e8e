import type { ItemKind, Partnership, SearchHit, TextSpan, TrashEntry } from '../../generated/types'
import { formatDate } from '../../format'
import { notFound, type MockDb } from './db'

/** A record of any table: what the trash needs of it. */
interface Trashable {
  id: string
  deleted_at?: string
}

/** Folds case and diacritics ("Zoë" → "zoe"), as SQLite's `remove_diacritics 2` does. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

const WORD = /[\p{L}\p{N}]+/gu

/** The words of a query, folded; duplicates dropped. */
function queryTerms(query: string): string[] {
  return [...new Set((fold(query).match(WORD) ?? []).filter((w) => w !== ''))]
}

/** A word matches a term when it starts with it (searching while typing finds "mentor" at "ment"). */
function matches(word: string, terms: string[]): boolean {
  const w = fold(word)
  return terms.some((t) => w.startsWith(t))
}

/** How many words of `text` match, and which terms were seen. */
function score(text: string, terms: string[], seen: Set<string>): number {
  let n = 0
  for (const word of text.match(WORD) ?? []) {
    const w = fold(word)
    for (const t of terms) {
      if (w.startsWith(t)) {
        seen.add(t)
        n++
      }
    }
  }
  return n
}

const BEFORE = 8
const AFTER = 22

/**
 * Up to about thirty words of `text` around its first match, as spans: the matching
 * words are `hit`, the rest (spacing and punctuation included, as typed) is not.
 */
export function snippetOf(text: string, terms: string[]): TextSpan[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  const words = [...flat.matchAll(WORD)]
  const first = words.findIndex((m) => matches(m[0], terms))
  const from = Math.max(0, (first < 0 ? 0 : first) - BEFORE)
  const to = Math.min(words.length, (first < 0 ? 0 : first) + AFTER + 1)
  if (words.length === 0) return flat === '' ? [] : [{ text: flat, hit: false }]
  const start = from === 0 ? 0 : (words[from].index ?? 0)
  const end = to >= words.length ? flat.length : (words[to].index ?? flat.length)
  const spans: TextSpan[] = []
  const push = (piece: string, hit: boolean) => {
    if (piece === '') return
    const last = spans[spans.length - 1]
    if (last && last.hit === hit) last.text += piece
    else spans.push({ text: piece, hit })
  }
  if (from > 0) push('…', false)
  let at = start
  for (let i = from; i < to; i++) {
    const m = words[i]
    const index = m.index ?? 0
    push(flat.slice(at, index), false)
    push(m[0], matches(m[0], terms))
    at = index + m[0].length
  }
  push(end >= flat.length ? flat.slice(at) : flat.slice(at, end).trimEnd(), false)
  if (to < words.length) push(' …', false)
  return spans
}

interface Doc {
  kind: ItemKind
  id: string
  open_kind: ItemKind
  open_id: string
  partnership: Partnership
  title: string
  /** Searched, in order; the snippet comes from the first that matches. */
  texts: string[]
  date: string | null
  /** For ties: newer first. */
  sortKey: string
}

/** Search and the trash of the mock backend. */
export class MockFinder {
  constructor(private db: MockDb) {}

  /** The partnership of a live (not trashed, nor under something trashed) partnership id. */
  #livePartnership(id: string): Partnership | null {
    const p = this.db.partnerships.get(id)
    return p && !p.deleted_at ? p : null
  }

  #liveSession(id: string) {
    const s = this.db.sessions.get(id)
    if (!s || s.deleted_at) return null
    const p = this.#livePartnership(s.partnership_id)
    return p ? { session: s, partnership: p } : null
  }

  #liveGoal(id: string) {
    const g = this.db.goals.get(id)
    if (!g || g.deleted_at) return null
    const p = this.#livePartnership(g.partnership_id)
    return p ? { goal: g, partnership: p } : null
  }

  #liveSnapshot(id: string) {
    const s = this.db.snapshots.get(id)
    if (!s || s.deleted_at) return null
    const p = this.#livePartnership(s.partnership_id)
    return p ? { snapshot: s, partnership: p } : null
  }

  /** Every searchable thing that is not in the trash (nor under something that is). */
  *#docs(): Generator<Doc> {
    for (const s of this.db.sessions.values()) {
      const live = this.#liveSession(s.id)
      if (!live) continue
      yield {
        kind: 'session',
        id: s.id,
        open_kind: 'session',
        open_id: s.id,
        partnership: live.partnership,
        title: s.title,
        texts: [s.agenda ?? '', s.notes, s.shared ?? '', s.learned ?? '', s.reflection ?? '', s.title],
        date: s.held_at.slice(0, 10),
        sortKey: s.held_at,
      }
    }
    for (const a of this.db.actionItems.values()) {
      if (a.deleted_at) continue
      const live = this.#liveSession(a.session_id)
      if (!live) continue
      yield {
        kind: 'action_item',
        id: a.id,
        open_kind: 'session',
        open_id: a.session_id,
        partnership: live.partnership,
        title: live.session.title,
        texts: [a.text],
        date: a.due_on ?? live.session.held_at.slice(0, 10),
        sortKey: live.session.held_at,
      }
    }
    for (const g of this.db.goals.values()) {
      const live = this.#liveGoal(g.id)
      if (!live) continue
      yield {
        kind: 'goal',
        id: g.id,
        open_kind: 'goal',
        open_id: g.id,
        partnership: live.partnership,
        title: g.title,
        texts: [g.description, g.success_criteria, g.title],
        date: g.target_on,
        sortKey: g.updated_at,
      }
    }
    for (const m of this.db.milestones.values()) {
      if (m.deleted_at) continue
      const live = this.#liveGoal(m.goal_id)
      if (!live) continue
      yield {
        kind: 'milestone',
        id: m.id,
        open_kind: 'goal',
        open_id: m.goal_id,
        partnership: live.partnership,
        title: live.goal.title,
        texts: [m.title],
        date: m.due_on,
        sortKey: m.updated_at,
      }
    }
    for (const i of this.db.swotItems.values()) {
      if (i.deleted_at) continue
      const live = this.#liveSnapshot(i.snapshot_id)
      if (!live) continue
      yield {
        kind: 'swot_item',
        id: i.id,
        open_kind: 'swot_snapshot',
        open_id: i.snapshot_id,
        partnership: live.partnership,
        title: i.text,
        texts: [i.text],
        date: live.snapshot.taken_on,
        sortKey: live.snapshot.taken_on,
      }
    }
  }

  search(query: string, limit: number): SearchHit[] {
    const terms = queryTerms(query)
    if (terms.length === 0 || limit <= 0) return []
    const found: { hit: SearchHit; rank: number; sortKey: string }[] = []
    for (const doc of this.#docs()) {
      const seen = new Set<string>()
      // The title counts double, as the index weighs it.
      const rank = doc.texts.reduce((sum, t) => sum + score(t, terms, seen), 0) + score(doc.title, terms, new Set())
      // Every word of the query must be found somewhere in the thing.
      if (seen.size < terms.length) continue
      const source = doc.texts.find((t) => (t.match(WORD) ?? []).some((w) => matches(w, terms))) ?? doc.title
      found.push({
        rank,
        sortKey: doc.sortKey,
        hit: {
          kind: doc.kind,
          id: doc.id,
          open_kind: doc.open_kind,
          open_id: doc.open_id,
          partnership_id: doc.partnership.id,
          partner_name: doc.partnership.partner_name,
          title: doc.title,
          snippet: snippetOf(source, terms),
          date: doc.date,
        },
      })
    }
    found.sort((a, b) => b.rank - a.rank || b.sortKey.localeCompare(a.sortKey))
    return found.slice(0, limit).map((f) => f.hit)
  }

  /** The table a kind lives in. */
  #table(kind: ItemKind): Map<string, Trashable> {
    const db = this.db
    const tables: Record<ItemKind, Map<string, Trashable>> = {
      partnership: db.partnerships,
      session: db.sessions,
      action_item: db.actionItems,
      goal: db.goals,
      milestone: db.milestones,
      progress: db.progress,
      swot_snapshot: db.snapshots,
      swot_item: db.swotItems,
      tows: db.tows,
    }
    return tables[kind]
  }

  /** The partnership a thing belongs to ('' when its parent is gone). */
  #partnershipOf(kind: ItemKind, id: string): string {
    const db = this.db
    switch (kind) {
      case 'partnership':
        return id
      case 'session':
        return db.sessions.get(id)?.partnership_id ?? ''
      case 'action_item':
        return this.#partnershipOf('session', db.actionItems.get(id)?.session_id ?? '')
      case 'goal':
        return db.goals.get(id)?.partnership_id ?? ''
      case 'milestone':
        return this.#partnershipOf('goal', db.milestones.get(id)?.goal_id ?? '')
      case 'progress':
        return this.#partnershipOf('goal', db.progress.get(id)?.goal_id ?? '')
      case 'swot_snapshot':
        return db.snapshots.get(id)?.partnership_id ?? ''
      case 'swot_item':
        return this.#partnershipOf('swot_snapshot', db.swotItems.get(id)?.snapshot_id ?? '')
      case 'tows':
        return db.tows.get(id)?.partnership_id ?? ''
    }
  }

  #label(kind: ItemKind, id: string): string {
    const db = this.db
    switch (kind) {
      case 'partnership':
        return db.partnerships.get(id)?.partner_name ?? ''
      case 'session': {
        const s = db.sessions.get(id)
        return s ? `${s.title}, ${formatDate(s.held_at)}` : ''
      }
      case 'action_item':
        return db.actionItems.get(id)?.text ?? ''
      case 'goal':
        return db.goals.get(id)?.title ?? ''
      case 'milestone':
        return db.milestones.get(id)?.title ?? ''
      case 'progress': {
        const e = db.progress.get(id)
        return e ? `${e.value}% on ${formatDate(e.recorded_on)}` : ''
      }
      case 'swot_snapshot': {
        const s = db.snapshots.get(id)
        return s ? `${s.side === 'mine' ? 'My' : 'Partner’s'} SWOT of ${formatDate(s.taken_on)}` : ''
      }
      case 'swot_item':
        return db.swotItems.get(id)?.text ?? ''
      case 'tows':
        return db.tows.get(id)?.text ?? ''
    }
  }

  #entry(kind: ItemKind, record: Trashable): TrashEntry {
    return {
      kind,
      id: record.id,
      label: this.#label(kind, record.id),
      partnership_id: this.#partnershipOf(kind, record.id),
      deleted_at: record.deleted_at ?? '',
    }
  }

  #what(kind: ItemKind): string {
    return kind === 'swot_item' ? 'SWOT item' : kind === 'swot_snapshot' ? 'SWOT' : kind.replace('_', ' ')
  }

  moveToTrash(kind: ItemKind, id: string): TrashEntry {
    const record = this.#table(kind).get(id)
    if (!record) notFound(this.#what(kind))
    if (!record.deleted_at) record.deleted_at = this.db.now()
    return this.#entry(kind, record)
  }

  restoreFromTrash(kind: ItemKind, id: string): void {
    const record = this.#table(kind).get(id)
    if (!record) notFound(this.#what(kind))
    delete record.deleted_at
  }

  /** Newest first. */
  listTrash(): TrashEntry[] {
    const entries: TrashEntry[] = []
    for (const kind of KINDS) {
      for (const record of this.#table(kind).values()) {
        if (record.deleted_at) entries.push(this.#entry(kind, record))
      }
    }
    return entries.sort((a, b) => b.deleted_at.localeCompare(a.deleted_at))
  }

  /** Deletes what is in the trash, with everything under it; returns how many trashed things went. */
  emptyTrash(): number {
    const db = this.db
    let count = 0
    for (const kind of KINDS) {
      for (const record of this.#table(kind).values()) {
        if (record.deleted_at) count++
      }
    }
    const gone = (map: Map<string, Trashable>, id: string) => {
      const r = map.get(id)
      return !r || r.deleted_at !== undefined
    }
    const sweep = <T extends Trashable>(map: Map<string, T>, parentGone: (r: T) => boolean) => {
      for (const [id, r] of map) if (r.deleted_at || parentGone(r)) map.delete(id)
    }
    // Parents first, so that children of deleted parents go with them.
    sweep(db.partnerships, () => false)
    sweep(db.sessions, (s) => gone(db.partnerships, s.partnership_id))
    sweep(db.actionItems, (a) => gone(db.sessions, a.session_id))
    sweep(db.goals, (g) => gone(db.partnerships, g.partnership_id))
    sweep(db.milestones, (m) => gone(db.goals, m.goal_id))
    sweep(db.progress, (e) => gone(db.goals, e.goal_id))
    sweep(db.snapshots, (s) => gone(db.partnerships, s.partnership_id))
    sweep(db.swotItems, (i) => gone(db.snapshots, i.snapshot_id))
    sweep(db.tows, (t) => gone(db.partnerships, t.partnership_id))
    return count
  }
}

const KINDS: ItemKind[] = [
  'partnership',
  'session',
  'action_item',
  'goal',
  'milestone',
  'progress',
  'swot_snapshot',
  'swot_item',
  'tows',
]
