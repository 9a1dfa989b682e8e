import type { PartnershipKind, Role, SessionFormat } from './generated/types'
import { dateStyle, writeDate, writeDayMonth, writeTime } from './dates.svelte'

const pad = (n: number) => String(n).padStart(2, '0')

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" as a local wall-clock time. */
export function parseLocal(value: string): WallClock | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?/.exec(value)
  if (!m) return null
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] ? Number(m[4]) : 0,
    minute: m[5] ? Number(m[5]) : 0,
  }
}

function weekday(w: WallClock): string {
  return dateStyle().weekdays[new Date(w.year, w.month - 1, w.day).getDay()]
}

// Every date shown goes through these, in the format chosen on this computer
// (`dates.svelte.ts`; the examples are the "3 Mar 2026" one): a template that shows one
// redraws when the choice changes.

/** "Tue 3 Mar 2026, 16:15" */
export function formatDateTime(value: string): string {
  const w = parseLocal(value)
  if (!w) return value
  return `${weekday(w)} ${writeDate(w.year, w.month, w.day)}, ${writeTime(w.hour, w.minute)}`
}

/** "3 Mar 2026" */
export function formatDate(value: string): string {
  const w = parseLocal(value)
  if (!w) return value
  return writeDate(w.year, w.month, w.day)
}

/** "16:04" */
export function formatClock(when: Date | number): string {
  const date = typeof when === 'number' ? new Date(when) : when
  return writeTime(date.getHours(), date.getMinutes())
}

/** "YYYY-MM-DD" of a Date in local time. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "YYYY-MM-DDTHH:MM" (the value of a datetime-local input) rounded down to the quarter hour. */
export function nowForInput(now: Date = new Date()): string {
  const minute = Math.floor(now.getMinutes() / 15) * 15
  return `${isoDate(now)}T${pad(now.getHours())}:${pad(minute)}`
}

/** held_at from the backend → value for a datetime-local input. */
export function heldAtToInput(heldAt: string): string {
  return heldAt.slice(0, 16)
}

/** Value of a datetime-local input → held_at (the backend requires seconds). */
export function inputToHeldAt(value: string): string {
  return value.length === 16 ? `${value}:00` : value.slice(0, 19)
}

function dayNumber(w: WallClock): number {
  return Math.round(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000)
}

/** "last met today", "last met 3 days ago", "no sessions yet". */
export function lastMet(lastSessionAt: string | null, now: Date = new Date()): string {
  if (!lastSessionAt) return 'no sessions yet'
  const w = parseLocal(lastSessionAt)
  if (!w) return 'no sessions yet'
  const today = dayNumber({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate(), hour: 0, minute: 0 })
  const days = today - dayNumber(w)
  if (days < 0) return `next on ${formatDate(lastSessionAt)}`
  if (days === 0) return 'last met today'
  if (days === 1) return 'last met yesterday'
  if (days < 14) return `last met ${days} days ago`
  if (days < 60) return `last met ${Math.floor(days / 7)} weeks ago`
  if (days < 365) return `last met ${Math.floor(days / 30)} months ago`
  return `last met ${formatDate(lastSessionAt)}`
}

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: 'mentor', label: 'I mentor them' },
  { value: 'mentee', label: 'They mentor me' },
  { value: 'both', label: 'Both ways' },
]

export const ROLE_BADGES: Record<Role, string> = {
  mentor: 'I mentor',
  mentee: 'I’m mentored',
  both: 'Both ways',
}

export const KIND_OPTIONS: { value: PartnershipKind; label: string }[] = [
  { value: 'reverse', label: 'Reverse' },
  { value: 'two_way', label: 'Two-way' },
  { value: 'traditional', label: 'Traditional' },
  { value: 'peer', label: 'Peer' },
]

export function kindLabel(kind: PartnershipKind): string {
  return KIND_OPTIONS.find((k) => k.value === kind)?.label ?? kind
}

export const FORMAT_OPTIONS: { value: SessionFormat; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'coffee', label: 'Coffee' },
  { value: 'video', label: 'Video call' },
  { value: 'phone', label: 'Phone' },
  { value: 'chat', label: 'Chat' },
  { value: 'other', label: 'Other' },
]

export function formatLabel(format: SessionFormat): string {
  return FORMAT_OPTIONS.find((f) => f.value === format)?.label ?? format
}

export const CADENCE_OPTIONS: { value: number | null; label: string }[] = [
  { value: 7, label: 'Every week' },
  { value: 14, label: 'Every two weeks' },
  { value: 21, label: 'Every three weeks' },
  { value: 30, label: 'Every month' },
  { value: null, label: 'Not fixed' },
]

export function cadenceLabel(days: number | null): string {
  if (days === null) return 'Not fixed'
  const known = CADENCE_OPTIONS.find((c) => c.value === days)
  if (known) return known.label
  return days === 1 ? 'Every day' : `Every ${days} days`
}

/** "45 min", "1 h", "1 h 30 min" */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? ''
}

/** "Zoë’s", "James’": whose something is, for a label. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}\u2019` : `${name}\u2019s`
}

/** An instant (RFC 3339, e.g. "2026-11-23T14:12:00Z") in local time: "Mon 23 Nov 2026, 15:12". */
export function formatInstant(value: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return `${dateStyle().weekdays[date.getDay()]} ${writeDate(date.getFullYear(), date.getMonth() + 1, date.getDate())}, ${formatClock(date)}`
}

/** "12 KB", "3.4 MB" (1 KB = 1024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1024))} KB`
  const mb = bytes / (1024 * 1024)
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`

/** How long ago an instant was: "just now", "5 minutes ago", "yesterday", "2 days ago". */
export function timeAgo(value: string, now: Date = new Date()): string {
  const then = new Date(value)
  if (Number.isNaN(then.getTime())) return ''
  const seconds = Math.floor((now.getTime() - then.getTime()) / 1000)
  if (seconds < 60) return 'just now'
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return plural(hours, 'hour')
  const days =
    dayNumber({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate(), hour: 0, minute: 0 }) -
    dayNumber({ year: then.getFullYear(), month: then.getMonth() + 1, day: then.getDate(), hour: 0, minute: 0 })
  if (days <= 1) return 'yesterday'
  if (days < 14) return `${days} days ago`
  if (days < 60) return plural(Math.floor(days / 7), 'week')
  if (days < 365) return plural(Math.floor(days / 30), 'month')
  return plural(Math.floor(days / 365), 'year')
}

/** The last part of a path ("/a/b/Report.pdf" → "Report.pdf"), for either separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}

/** "3 Mar" (a date of this year, where the year goes without saying). */
export function formatDayMonth(value: string): string {
  const w = parseLocal(value)
  if (!w) return value
  return writeDayMonth(w.month, w.day)
}
