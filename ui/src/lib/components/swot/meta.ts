import type { Priority, Quadrant, Side, SwotItem, SwotSnapshot, TowsKind } from '../../generated/types'
import { BackendError } from '../../backend/types'
import { firstName, formatDate } from '../../format'

export const QUADRANTS: readonly Quadrant[] = ['strengths', 'weaknesses', 'opportunities', 'threats']

export interface QuadrantInfo {
  label: string
  /** "a strength": used in "Add a strength". */
  one: string
  letter: string
  hint: string
}

export const QUADRANT_INFO: Record<Quadrant, QuadrantInfo> = {
  strengths: { label: 'Strengths', one: 'a strength', letter: 'S', hint: 'Internal · helpful: what you do well, what you bring.' },
  weaknesses: { label: 'Weaknesses', one: 'a weakness', letter: 'W', hint: 'Internal · harmful: gaps, habits, things you avoid.' },
  opportunities: {
    label: 'Opportunities',
    one: 'an opportunity',
    letter: 'O',
    hint: 'External · helpful: chances around you that you could use.',
  },
  threats: { label: 'Threats', one: 'a threat', letter: 'T', hint: 'External · harmful: changes around you that could hold you back.' },
}

export const PRIORITIES: { value: Priority; label: string }[] = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
]

export function priorityLabel(priority: Priority): string {
  return PRIORITIES.find((p) => p.value === priority)?.label ?? priority
}

/** "Mine" / "Zoë's". */
export function sideTitle(side: Side, partnerName: string): string {
  return side === 'mine' ? 'Mine' : `${firstName(partnerName) || 'Partner'}’s`
}

/** "my strengths" / "Zoë's strengths". */
export function sideQuadrant(side: Side, quadrant: Quadrant, partnerName: string): string {
  const label = QUADRANT_INFO[quadrant].label.toLowerCase()
  return side === 'mine' ? `my ${label}` : `${firstName(partnerName) || 'my partner'}’s ${label}`
}

/** Reverse-mentoring prompts for a quadrant, phrased for whose SWOT it is. */
export function prompts(side: Side, quadrant: Quadrant, partnerName: string): string[] {
  const name = firstName(partnerName) || 'my partner'
  if (side === 'mine') {
    return {
      strengths: [
        'What do I know about new technology that my partner doesn’t?',
        'Which habits of my generation’s way of working could help my partner?',
        'What do people usually come to me for?',
      ],
      weaknesses: [
        'Where does my partner’s experience cover a gap of mine?',
        'What do I put off because I feel out of my depth?',
        'What feedback do I keep hearing?',
      ],
      opportunities: [
        'What could I learn from my partner in the next three months?',
        'Which changes at work or in my field could I use?',
        'Who in my partner’s network would be worth meeting?',
      ],
      threats: [
        'Which change around me could leave me behind?',
        'What could get in the way of our sessions?',
        'Where could a generation gap lead to misunderstandings?',
      ],
    }[quadrant]
  }
  return {
    strengths: [
      `What does ${name} know about new technology that I don’t?`,
      `Which habits of ${name}’s way of working could help me?`,
      `What do people usually come to ${name} for?`,
    ],
    weaknesses: [
      `Where does my experience cover a gap of ${name}’s?`,
      `What might ${name} put off because it feels out of their depth?`,
      `What feedback does ${name} keep hearing?`,
    ],
    opportunities: [
      `What could ${name} learn from me in the next three months?`,
      `Which changes at work or in their field could ${name} use?`,
      `Who in my network would be worth ${name} meeting?`,
    ],
    threats: [
      `Which change could leave ${name} behind?`,
      `What could get in the way of our sessions for ${name}?`,
      `Where could a generation gap lead to misunderstandings for ${name}?`,
    ],
  }[quadrant]
}

export interface TowsInfo {
  title: string
  description: string
  internal: Quadrant
  external: Quadrant
}

export const TOWS_KINDS: readonly TowsKind[] = ['so', 'st', 'wo', 'wt']

export const TOWS_INFO: Record<TowsKind, TowsInfo> = {
  so: { title: 'SO', description: 'Use a strength to seize an opportunity.', internal: 'strengths', external: 'opportunities' },
  st: { title: 'ST', description: 'Use a strength to counter a threat.', internal: 'strengths', external: 'threats' },
  wo: { title: 'WO', description: 'Use an opportunity to work on a weakness.', internal: 'weaknesses', external: 'opportunities' },
  wt: { title: 'WT', description: 'Shrink a weakness so a threat hurts less.', internal: 'weaknesses', external: 'threats' },
}

/** The items grouped by quadrant, each group in position order. */
export function byQuadrant(items: readonly SwotItem[]): Record<Quadrant, SwotItem[]> {
  const groups: Record<Quadrant, SwotItem[]> = { strengths: [], weaknesses: [], opportunities: [], threats: [] }
  for (const item of items) groups[item.quadrant]?.push(item)
  for (const q of QUADRANTS) groups[q].sort((a, b) => a.position - b.position)
  return groups
}

/**
 * The items after moving `id` to `index` of `quadrant` (clamped), with positions renumbered
 * from 0 in every quadrant: what the backend will answer, shown before it does.
 */
export function applyMove(items: readonly SwotItem[], id: string, quadrant: Quadrant, index: number): SwotItem[] {
  const moving = items.find((i) => i.id === id)
  if (!moving) return [...items]
  const groups = byQuadrant(items.filter((i) => i.id !== id))
  const target = groups[quadrant]
  target.splice(Math.max(0, Math.min(index, target.length)), 0, { ...moving, quadrant })
  return QUADRANTS.flatMap((q) => groups[q].map((item, position) => (item.position === position ? item : { ...item, position })))
}

/** The items without `id`, positions renumbered. */
export function withoutItem(items: readonly SwotItem[], id: string): SwotItem[] {
  const groups = byQuadrant(items.filter((i) => i.id !== id))
  return QUADRANTS.flatMap((q) => groups[q].map((item, position) => (item.position === position ? item : { ...item, position })))
}

/** A sentence for the user from whatever a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof BackendError) return error.message
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`
  return 'Something went wrong. Please try again.'
}

/** Today in local time, "YYYY-MM-DD". */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** How much of a snapshot's reason its picker shows, in characters. */
export const PICKER_REASON_CHARS = 24
const LATEST_MARK = ' (latest)'

/**
 * A snapshot as its picker shows it, short enough to be seen whole in a picker at 1024 px:
 * the date, "(latest)" and "shared" (with the partner), then the start of the reason, cut
 * on a word with "…". "shared" takes its room from the reason, so that a label is never
 * longer than that of the latest snapshot with a long reason.
 */
export function snapshotLabel(s: SwotSnapshot, latest: boolean): string {
  const reason = s.reason.trim()
  const marks = [latest ? 'latest' : '', s.visibility === 'shared' ? 'shared' : ''].filter((m) => m !== '')
  const said = marks.length > 0 ? ` (${marks.join(', ')})` : ''
  const room = PICKER_REASON_CHARS - Math.max(0, said.length - LATEST_MARK.length)
  return `${formatDate(s.taken_on)}${said}${reason ? ` — ${cutOnWord(reason, room)}` : ''}`
}

/** At most `max` characters of `text` (the "…" included), cut after a whole word when it has a space. */
export function cutOnWord(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const head = chars.slice(0, max - 1).join('')
  const space = head.lastIndexOf(' ')
  return `${(space > 0 ? head.slice(0, space) : head).trimEnd()}…`
}
