import type { ActionItem, ActionItemDraft, ActionItemView, Session, TopicCount } from '../../generated/types'
import { invalid, notFound, type MockDb } from './db'

const MAX_ACTION_CHARS = 2000
const OWNERS = ['me', 'partner', 'both']

function validDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** The rules of the core's `validate::action_item`, with its messages. */
function validateActionItem(draft: ActionItemDraft, sessionDay: string): ActionItemDraft {
  if (draft.text.includes('\0')) {
    invalid('text', 'The action item contains a NUL character, which Tandem cannot keep. Remove it and try again.')
  }
  if (draft.text.trim() === '') invalid('text', 'The action item cannot be empty: say what is to be done.')
  const chars = [...draft.text].length
  if (chars > MAX_ACTION_CHARS) {
    invalid(
      'text',
      `The action item is too long (${chars} characters; the limit is ${MAX_ACTION_CHARS}). Put the details in the session's notes.`,
    )
  }
  if (!OWNERS.includes(draft.owner)) invalid('owner', 'Please choose who does it: you, your partner or both.')
  if (draft.due_on !== null) {
    if (!validDate(draft.due_on)) invalid('due_on', 'The due date is not a valid date.')
    const year = Number(draft.due_on.slice(0, 4))
    if (year < 1900 || year > 2999) {
      invalid('due_on', `The due date (${draft.due_on}) is not a plausible date: use a year between 1900 and 2999.`)
    }
    if (draft.due_on < sessionDay) {
      invalid(
        'due_on',
        `The due date (${draft.due_on}) is before the day of its session (${sessionDay}). Choose ${sessionDay} or later.`,
      )
    }
  }
  return { ...draft, text: draft.text.trim() }
}

// ---------------------------------------------------------------------------------------
// A small, safe Markdown renderer: the real one is the core's (pulldown-cmark + ammonia).
// Everything is escaped first; only a few patterns then become tags, so user HTML always
// stays text.

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Inline patterns on already escaped text. */
function inline(escaped: string): string {
  return escaped
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*/g, '$1<em>$2</em>')
    .replace(/(^|[^\p{L}\p{N}_])_([^_\s][^_]*?)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+|mailto:[^\s)]+)\)/g, '<a href="$2" rel="noopener noreferrer">$1</a>')
}

export function renderMockMarkdown(text: string): string {
  const lines = escapeHtml(text.replace(/\r\n?/g, '\n')).split('\n')
  const out: string[] = []
  let para: string[] = []
  let list: 'ul' | 'ol' | null = null
  let quote: string[] = []

  const flushPara = () => {
    if (para.length > 0) out.push(`<p dir="auto">${inline(para.join('<br>\n'))}</p>`)
    para = []
  }
  const closeList = () => {
    if (list) out.push(`</${list}>`)
    list = null
  }
  const flushQuote = () => {
    if (quote.length > 0) out.push(`<blockquote dir="auto"><p dir="auto">${inline(quote.join('<br>\n'))}</p></blockquote>`)
    quote = []
  }
  const flushAll = () => {
    flushPara()
    closeList()
    flushQuote()
  }

  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    const task = /^\s*[-*+]\s+\[([ xX])\]\s+(.*)$/.exec(line)
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line)
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line)
    const quoted = /^&gt;\s?(.*)$/.exec(line)
    if (line.trim() === '') {
      flushAll()
    } else if (heading) {
      flushAll()
      const n = heading[1].length
      out.push(`<h${n} dir="auto">${inline(heading[2])}</h${n}>`)
    } else if (task || bullet || numbered) {
      flushPara()
      flushQuote()
      const kind = numbered && !bullet ? 'ol' : 'ul'
      if (list !== kind) {
        closeList()
        out.push(`<${kind}>`)
        list = kind
      }
      if (task) {
        const checked = task[1] === ' ' ? '' : ' checked=""'
        out.push(`<li dir="auto"><input disabled="" type="checkbox"${checked}> ${inline(task[2])}</li>`)
      } else {
        out.push(`<li dir="auto">${inline((bullet ?? numbered)?.[1] ?? '')}</li>`)
      }
    } else if (quoted) {
      flushPara()
      closeList()
      quote.push(quoted[1])
    } else {
      closeList()
      flushQuote()
      para.push(line)
    }
  }
  flushAll()
  return out.join('\n')
}

/** Topics, action items and Markdown rendering of the mock backend. */
export class MockActions {
  constructor(private db: MockDb) {}

  #liveSession(id: string): Session {
    const s = this.db.sessions.get(id)
    if (!s || s.deleted_at) notFound('session')
    return s
  }

  #liveSessions(): Session[] {
    return [...this.db.sessions.values()].filter((s) => {
      if (s.deleted_at) return false
      const p = this.db.partnerships.get(s.partnership_id)
      return p !== undefined && !p.deleted_at
    })
  }

  /** Every topic of the live sessions with how many sessions carry it, most used first. */
  listTopics(): TopicCount[] {
    const counts = new Map<string, TopicCount>()
    for (const s of this.#liveSessions()) {
      const seen = new Set<string>()
      for (const raw of s.topics) {
        const name = raw.trim()
        const key = name.toLowerCase()
        if (name === '' || seen.has(key)) continue
        seen.add(key)
        const c = counts.get(key)
        if (c) c.sessions++
        else counts.set(key, { name, sessions: 1 })
      }
    }
    return [...counts.values()].sort(
      (a, b) => b.sessions - a.sessions || a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
    )
  }

  listActionItems(sessionId: string): ActionItem[] {
    this.#liveSession(sessionId)
    return [...this.db.actionItems.values()]
      .filter((a) => a.session_id === sessionId && !a.deleted_at)
      .sort((a, b) => a.position - b.position)
  }

  /** Open items of the partnership: overdue first, then by due date (undated last), then oldest first. */
  openActionItems(partnershipId: string): ActionItemView[] {
    const p = this.db.partnerships.get(partnershipId)
    if (!p || p.deleted_at) notFound('partnership')
    const sessions = new Map(
      this.#liveSessions()
        .filter((s) => s.partnership_id === partnershipId)
        .map((s) => [s.id, s]),
    )
    const views: ActionItemView[] = []
    for (const item of this.db.actionItems.values()) {
      const s = sessions.get(item.session_id)
      if (!s || item.done || item.deleted_at) continue
      views.push({
        item,
        session_title: s.title,
        session_held_at: s.held_at,
        overdue: item.due_on !== null && item.due_on < this.db.today,
      })
    }
    return views.sort((a, b) => {
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
      const da = a.item.due_on
      const dbb = b.item.due_on
      if (da !== dbb) {
        if (da === null) return 1
        if (dbb === null) return -1
        return da.localeCompare(dbb)
      }
      return (
        a.session_held_at.localeCompare(b.session_held_at) ||
        a.item.position - b.item.position ||
        a.item.created_at.localeCompare(b.item.created_at)
      )
    })
  }

  createActionItem(sessionId: string, draft: ActionItemDraft): ActionItem {
    const s = this.#liveSession(sessionId)
    const clean = validateActionItem(draft, s.held_at.slice(0, 10))
    const siblings = [...this.db.actionItems.values()].filter((a) => a.session_id === sessionId)
    const position = siblings.reduce((max, a) => Math.max(max, a.position + 1), 0)
    const now = this.db.now()
    const item: ActionItem = { ...clean, id: this.db.id('a'), session_id: sessionId, position, created_at: now, updated_at: now }
    this.db.actionItems.set(item.id, item)
    return item
  }

  updateActionItem(id: string, draft: ActionItemDraft): ActionItem {
    const old = this.db.actionItems.get(id)
    if (!old || old.deleted_at) notFound('action item')
    const s = this.#liveSession(old.session_id)
    const clean = validateActionItem(draft, s.held_at.slice(0, 10))
    const item: ActionItem = { ...old, ...clean, updated_at: this.db.now() }
    this.db.actionItems.set(id, item)
    return item
  }

  renderMarkdown(text: string): string {
    return renderMockMarkdown(text)
  }
}
