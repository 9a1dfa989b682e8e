import type { GoalStatus, LearningDirection, Whose } from '../../generated/types'
import { firstName } from '../../format'
import { dateStyle, writeDate, writeDayMonth } from '../../dates.svelte'

export const STATUS_OPTIONS: { value: GoalStatus; label: string }[] = [
  { value: 'not_started', label: 'Not started' },
  { value: 'active', label: 'Active' },
  { value: 'achieved', label: 'Achieved' },
  { value: 'dropped', label: 'Dropped' },
]

export function statusLabel(status: GoalStatus): string {
  return STATUS_OPTIONS.find((s) => s.value === status)?.label ?? status
}

export function whoseOptions(partnerName: string): { value: Whose; label: string }[] {
  const name = firstName(partnerName) || 'My partner'
  return [
    { value: 'mine', label: 'Mine' },
    { value: 'partners', label: `${name}’s` },
    { value: 'shared', label: 'Shared' },
  ]
}

export function whoseLabel(whose: Whose, partnerName: string): string {
  return whoseOptions(partnerName).find((w) => w.value === whose)?.label ?? whose
}

export function directionOptions(partnerName: string): { value: LearningDirection; label: string }[] {
  const name = firstName(partnerName) || 'my partner'
  return [
    { value: 'i_learn', label: `I learn from ${name}` },
    { value: 'partner_learns', label: `${name} learns from me` },
    { value: 'both_learn', label: 'Both ways' },
  ]
}

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of "YYYY-MM-DD" (or of the day of "YYYY-MM-DDTHH:MM:SS"); null if unreadable. */
export function dayNumber(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!m) return null
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS)
}

/** "YYYY-MM-DD" of a day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Today on this computer, "YYYY-MM-DD". */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "Tue 10 Mar", in the chosen date format (the year only when it is not `thisYear`). */
export function formatDay(value: string, thisYear?: number): string {
  const day = dayNumber(value)
  if (day === null) return value
  const d = new Date(day * DAY_MS)
  const year = d.getUTCFullYear()
  const [m, date] = [d.getUTCMonth() + 1, d.getUTCDate()]
  const when = thisYear === undefined || year === thisYear ? writeDayMonth(m, date) : writeDate(year, m, date)
  return `${dateStyle().weekdays[d.getUTCDay()]} ${when}`
}

/** "2026-03" → "Mar" (short) or "March 2026" (long). */
export function monthLabel(month: string, long = false): string {
  const m = /^(\d{4})-(\d{2})/.exec(month)
  if (!m) return month
  const i = Number(m[2]) - 1
  return long ? `${LONG_MONTHS[i] ?? m[2]} ${m[1]}` : (MONTHS[i] ?? m[2])
}

/** "1 day", "3 days", "5 weeks" (weeks from two weeks on). */
export function spanLabel(days: number): string {
  if (days >= 14) {
    const weeks = Math.floor(days / 7)
    return `${weeks} weeks`
  }
  return days === 1 ? '1 day' : `${days} days`
}

/** "every week", "every 2 weeks", "every month", "every 10 days". */
export function cadencePhrase(days: number): string {
  if (days === 7) return 'every week'
  if (days === 30 || days === 31) return 'every month'
  if (days % 7 === 0) return `every ${days / 7} weeks`
  return days === 1 ? 'every day' : `every ${days} days`
}

/** Minutes as hours with at most one decimal: 90 → "1.5", 120 → "2". */
export function hoursFigure(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10)
}
