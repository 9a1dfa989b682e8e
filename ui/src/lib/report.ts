import type { Partnership } from './generated/types'
import { isoDate } from './format'

export interface Period {
  from: string
  to: string
}

export interface PeriodChoice {
  label: string
  period: Period
}

/** "YYYY-MM-DD" `months` months before `date` (the day clamped to the end of a shorter month). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const first = new Date(y, m - 1 - months, 1)
  const lastDay = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate()
  return isoDate(new Date(first.getFullYear(), first.getMonth(), Math.min(d, lastDay)))
}

const later = (a: string, b: string) => (a > b ? a : b)

/** The whole partnership: from its start to today, or to its end date if it has ended. */
export function wholePeriod(p: Partnership, today: string): Period {
  return { from: p.started_on, to: p.ended_on ?? today }
}

/** The quick choices offered in the export dialog (a choice that would be empty is left out). */
export function periodChoices(p: Partnership, today: string): PeriodChoice[] {
  const whole = wholePeriod(p, today)
  const choices: PeriodChoice[] = [{ label: 'Whole partnership', period: whole }]
  // For an ended partnership, its last three months.
  choices.push({ label: 'Last 3 months', period: { from: later(p.started_on, monthsBefore(whole.to, 3)), to: whole.to } })
  const january = `${today.slice(0, 4)}-01-01`
  if (whole.to >= january) choices.push({ label: 'This year', period: { from: later(p.started_on, january), to: whole.to } })
  return choices
}

/** Characters a file name cannot hold on Windows, macOS or Linux. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu

/** "Tandem – Zoë Okafor – 2026-03-03.pdf" */
export function reportFileName(partnerName: string, today: Date = new Date()): string {
  const name = partnerName.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim() || 'partnership'
  return `Tandem – ${name} – ${isoDate(today)}.pdf`
}
