/**
 * How dates look and how typed dates are read: one format everywhere, chosen on this
 * computer (kept by the web view like the theme, not in the journal, which may be opened
 * elsewhere). "Like this computer" (the default) follows the locale the web view reports;
 * the fixed ones are "3 Mar 2026", "Mar 3, 2026" and "2026-03-03". The core and the UI
 * exchange dates as "YYYY-MM-DD" whatever is shown.
 *
 * Times are 24-hour ("16:15") unless this computer's locale uses a 12-hour clock
 * ("4:15 PM"), whichever date format is chosen: the setting names a date format.
 */
export type DateFormatChoice = 'system' | 'dmy' | 'mdy' | 'iso'

export const DATE_FORMAT_CHOICES: DateFormatChoice[] = ['system', 'dmy', 'mdy', 'iso']

const KEY = 'tandem.dateFormat'

type Part = { type: 'day' | 'month' | 'year' | 'literal'; value: string }

/** One way of writing dates, compiled once. */
export interface DateStyle {
  choice: DateFormatChoice
  /** "3 Mar 2026": the parts in order (day, month, year and what is between them). */
  parts: Part[]
  /** "3 Mar": the same without the year. */
  dayMonthParts: Part[]
  /** Whether day and month are written as two digits (the ISO style). */
  padded: boolean
  /** The month as written, January first ("Mar", or "03" in the ISO style). */
  months: string[]
  /** The weekdays, Sunday first ("Tue"). */
  weekdays: string[]
  /** The weekdays in full, Sunday first, for the calendar's column headers. */
  weekdaysLong: string[]
  /** Month names a person may type, lower case, each with its month (1–12). */
  monthWords: [string, number][]
  /** Words between the parts ("de", "年") that typed text may contain. */
  literalWords: string[]
  /** The order all-number dates are read in ("3/4/2026"). */
  order: 'dmy' | 'mdy' | 'ymd'
  /** What an empty field shows: the format in words, never a date ("D MMM YYYY"). */
  placeholder: string
  /** "March 2026", for the calendar's heading. */
  monthYear: (year: number, month: number) => string
  /** The calendar's first column: 0 Sunday, 1 Monday. */
  firstDay: number
  /** Whether times are written with a 12-hour clock. */
  hour12: boolean
  dayPeriods: [string, string]
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const EN_MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const EN_WEEKDAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const setting = $state<{ choice: DateFormatChoice; locale: string | null }>({ choice: storedChoice(), locale: null })

function storedChoice(): DateFormatChoice {
  let stored: string | null = null
  try {
    stored = localStorage.getItem(KEY)
  } catch {
    // Storage refused (a locked-down web view): like this computer.
  }
  return DATE_FORMAT_CHOICES.includes(stored as DateFormatChoice) ? (stored as DateFormatChoice) : 'system'
}

/** The format chosen on this computer. */
export function dateFormatChoice(): DateFormatChoice {
  return setting.choice
}

/** Keeps a choice for next time; every date shown follows it at once. */
export function chooseDateFormat(choice: DateFormatChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, choice)
  } catch {
    // Not kept: it still applies until the window closes.
  }
  setting.choice = choice
}

/** Reads the kept choice again (after storage changed underneath, as tests do). */
export function reloadDateFormat(): void {
  setting.choice = storedChoice()
}

/** The locale this computer reports (the web view's), e.g. "en-GB". */
export function computerLocale(): string {
  if (setting.locale) return setting.locale
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale
  } catch {
    return 'en-GB'
  }
}

/** For tests: pretend this computer reports `locale` (null: what it really reports). */
export function setComputerLocale(locale: string | null): void {
  setting.locale = locale
}

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache of compiled styles, not state: what changes is `setting`
const cache = new Map<string, DateStyle>()

/** The style every date is shown in now (reactive: a template using it redraws on a change). */
export function dateStyle(): DateStyle {
  return styleFor(setting.choice, computerLocale())
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.$/, '')

function clock(locale: string): { hour12: boolean; dayPeriods: [string, string] } {
  try {
    const f = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    const cycle = f.resolvedOptions().hourCycle
    const hour12 = cycle === 'h11' || cycle === 'h12'
    const period = (h: number) => f.formatToParts(Date.UTC(2026, 0, 1, h)).find((p) => p.type === 'dayPeriod')?.value
    return { hour12, dayPeriods: [period(9) ?? 'AM', period(21) ?? 'PM'] }
  } catch {
    return { hour12: false, dayPeriods: ['AM', 'PM'] }
  }
}

function weekStart(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number }
      weekInfo?: { firstDay: number }
    }
    const info = loc.getWeekInfo?.() ?? loc.weekInfo
    if (info) return info.firstDay % 7
  } catch {
    // No week data: by region below.
  }
  return /-(US|CA|MX|BR|JP|KR|TW|IL|PH|IN|ZA|SA)\b/.test(locale) || locale === 'en' ? 0 : 1
}

function placeholderOf(parts: Part[], padded: boolean, numericMonth: boolean): string {
  return parts
    .map((p) =>
      p.type === 'day' ? (padded ? 'DD' : 'D') : p.type === 'month' ? (numericMonth ? 'MM' : 'MMM') : p.type === 'year' ? 'YYYY' : p.value,
    )
    .join('')
}

function fixedStyle(choice: Exclude<DateFormatChoice, 'system'>, locale: string): DateStyle {
  const lit = (value: string): Part => ({ type: 'literal', value })
  const day: Part = { type: 'day', value: '' }
  const month: Part = { type: 'month', value: '' }
  const year: Part = { type: 'year', value: '' }
  const parts =
    choice === 'dmy'
      ? [day, lit(' '), month, lit(' '), year]
      : choice === 'mdy'
        ? [month, lit(' '), day, lit(', '), year]
        : [year, lit('-'), month, lit('-'), day]
  const dayMonthParts = choice === 'dmy' ? [day, lit(' '), month] : choice === 'mdy' ? [month, lit(' '), day] : parts
  const padded = choice === 'iso'
  const months = padded ? EN_MONTHS.map((_, i) => String(i + 1).padStart(2, '0')) : EN_MONTHS
  const system = systemStyle(locale)
  return {
    choice,
    parts,
    dayMonthParts,
    padded,
    months,
    weekdays: EN_WEEKDAYS,
    weekdaysLong: EN_WEEKDAYS_LONG,
    monthWords: englishMonthWords(),
    literalWords: [],
    // ISO writes the year first; numbers without one are read the computer's way.
    order: choice === 'iso' ? system.order : choice,
    placeholder: placeholderOf(parts, padded, padded),
    monthYear: (y, m) => `${EN_MONTHS_LONG[m - 1]} ${y}`,
    firstDay: system.firstDay,
    hour12: system.hour12,
    dayPeriods: system.dayPeriods,
  }
}

function englishMonthWords(): [string, number][] {
  return [...EN_MONTHS.map((m, i): [string, number] => [fold(m), i + 1]), ...EN_MONTHS_LONG.map((m, i): [string, number] => [fold(m), i + 1]), ['sept', 9]]
}

function systemStyle(locale: string): DateStyle {
  const key = `system|${locale}`
  const known = cache.get(key)
  if (known) return known
  let style: DateStyle
  try {
    style = intlStyle(locale)
  } catch {
    style = { ...fixedStyle('dmy', 'en-GB'), choice: 'system' }
  }
  cache.set(key, style)
  return style
}

function intlStyle(locale: string): DateStyle {
  const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12)
  const full = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  const shape = (p: Intl.DateTimeFormatPart): Part =>
    p.type === 'day' || p.type === 'month' || p.type === 'year' ? { type: p.type, value: '' } : { type: 'literal', value: p.value }
  const parts = full.formatToParts(utc(2026, 3, 3)).map(shape)
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const dayMonthParts = dayMonth.formatToParts(utc(2026, 3, 3)).map(shape)
  const months = Array.from({ length: 12 }, (_, i) => full.formatToParts(utc(2026, i + 1, 3)).find((p) => p.type === 'month')?.value ?? EN_MONTHS[i])
  const long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
  const monthsLong = Array.from({ length: 12 }, (_, i) => long.format(utc(2026, i + 1, 3)))
  // 4 Jan 2026 was a Sunday.
  const wd = (weekday: 'short' | 'long') => new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' })
  const weekdays = Array.from({ length: 7 }, (_, i) => wd('short').format(utc(2026, 1, 4 + i)))
  const weekdaysLong = Array.from({ length: 7 }, (_, i) => wd('long').format(utc(2026, 1, 4 + i)))
  const numeric = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
  const sequence = numeric
    .formatToParts(utc(2026, 3, 3))
    .map((p) => p.type[0])
    .filter((t) => t === 'd' || t === 'm' || t === 'y')
    .join('')
  const order = sequence === 'mdy' ? 'mdy' : sequence.startsWith('y') ? 'ymd' : 'dmy'
  const numericMonth = months.every((m) => /^\d+$/.test(m))
  const heading = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const literalWords = parts
    .filter((p) => p.type === 'literal')
    .flatMap((p) => p.value.split(/[\s\p{P}]+/u))
    .filter((w) => w !== '')
    .map(fold)
  return {
    choice: 'system',
    parts,
    dayMonthParts,
    padded: false,
    months,
    weekdays,
    weekdaysLong,
    monthWords: [
      ...(numericMonth ? [] : months.map((m, i): [string, number] => [fold(m), i + 1])),
      ...monthsLong.map((m, i): [string, number] => [fold(m), i + 1]),
      ...englishMonthWords(),
    ],
    literalWords,
    order,
    placeholder: placeholderOf(parts, false, numericMonth),
    monthYear: (y, m) => heading.format(utc(y, m, 1)),
    firstDay: weekStart(locale),
    ...clock(locale),
  }
}

/** The compiled style of a choice on a computer reporting `locale`. */
export function styleFor(choice: DateFormatChoice, locale: string): DateStyle {
  if (choice === 'system') return systemStyle(locale)
  const key = `${choice}|${locale}`
  const known = cache.get(key)
  if (known) return known
  const style = fixedStyle(choice, locale)
  cache.set(key, style)
  return style
}

const pad = (n: number) => String(n).padStart(2, '0')

function render(parts: Part[], style: DateStyle, year: number, month: number, day: number): string {
  return parts
    .map((p) =>
      p.type === 'day' ? (style.padded ? pad(day) : String(day)) : p.type === 'month' ? style.months[month - 1] : p.type === 'year' ? String(year) : p.value,
    )
    .join('')
}

/** A day in the style: "3 Mar 2026". */
export function writeDate(year: number, month: number, day: number, style: DateStyle = dateStyle()): string {
  return render(style.parts, style, year, month, day)
}

/** A day of this year in the style: "3 Mar". */
export function writeDayMonth(month: number, day: number, style: DateStyle = dateStyle()): string {
  return render(style.dayMonthParts, style, 2000, month, day)
}

/** A time of day: "16:15", or "4:15 PM" where clocks are 12-hour. */
export function writeTime(hour: number, minute: number, style: DateStyle = dateStyle()): string {
  if (!style.hour12) return `${pad(hour)}:${pad(minute)}`
  const h = hour % 12 === 0 ? 12 : hour % 12
  return `${h}:${pad(minute)} ${style.dayPeriods[hour < 12 ? 0 : 1]}`
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`

function checked(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 9999) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= daysInMonth(y, m))) return null
  return iso(y, m, d)
}

const fullYear = (token: string) => (token.length <= 2 ? 2000 + Number(token) : Number(token))

/**
 * Reads a typed date: "2026-03-03", the style's own ("3 Mar 2026"), a month by name in
 * any order ("March 3", "3 march 26"), or numbers in the style's day/month order
 * ("3/3/2026"; a year left out is this year's). "YYYY-MM-DD", or null when it is not a date.
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- today is read once, never changed
export function parseDate(text: string, style: DateStyle = dateStyle(), today: Date = new Date()): string | null {
  const t = text.trim()
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (isoMatch) return checked(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]))
  const tokens = t.match(/\d+|[\p{L}\p{M}]+/gu) ?? []
  const numbers: string[] = []
  let month: number | null = null
  const weekdays = [...style.weekdays, ...style.weekdaysLong, ...EN_WEEKDAYS, ...EN_WEEKDAYS_LONG].map(fold)
  for (const [i, token] of tokens.entries()) {
    if (/^\d+$/.test(token)) {
      numbers.push(token)
      continue
    }
    const word = fold(token)
    if (/^(st|nd|rd|th)$/.test(word) && i > 0 && /^\d+$/.test(tokens[i - 1])) continue
    if (style.literalWords.includes(word) || weekdays.includes(word)) continue
    const named = style.monthWords.find(([name]) => name === word) ?? (word.length >= 3 ? style.monthWords.find(([name]) => name.startsWith(word)) : undefined)
    if (!named || month !== null) return null
    month = named[1]
  }
  if (numbers.some((n) => n.length > 4 || n.length === 3)) return null
  const thisYear = today.getFullYear()
  if (month !== null) {
    if (numbers.length === 1) return numbers[0].length > 2 ? null : checked(thisYear, month, Number(numbers[0]))
    if (numbers.length !== 2) return null
    const [a, b] = numbers
    if (a.length === 4) return checked(Number(a), month, Number(b))
    return checked(fullYear(b), month, Number(a))
  }
  if (numbers.length === 3) {
    const [a, b, c] = numbers
    if (a.length === 4) return checked(Number(a), Number(b), Number(c))
    if (style.order === 'mdy') return checked(fullYear(c), Number(a), Number(b))
    return checked(fullYear(c), Number(b), Number(a))
  }
  if (numbers.length === 2 && numbers.every((n) => n.length <= 2)) {
    const [a, b] = numbers.map(Number)
    return style.order === 'mdy' || style.order === 'ymd' ? checked(thisYear, a, b) : checked(thisYear, b, a)
  }
  return null
}

/**
 * Reads a typed time of day: "16:15", "1615", "4:15 pm", "4pm", "16.15". "HH:MM", or null.
 */
export function parseTime(text: string, style: DateStyle = dateStyle()): string | null {
  const t = fold(text.trim()).replace(/\s+/g, ' ')
  const periods = style.dayPeriods.map(fold)
  const m = /^(\d{1,2})(?:[:.h ]?(\d{2}))?\s*(am|pm|a|p|a\.m\.?|p\.m\.?)?$/.exec(t) ?? null
  let hour: number
  let minute: number
  let period: 'am' | 'pm' | null = null
  if (m) {
    hour = Number(m[1])
    minute = m[2] ? Number(m[2]) : 0
    if (m[3]) period = m[3].startsWith('a') ? 'am' : 'pm'
  } else {
    const local = /^(\d{1,2})(?:[:.](\d{2}))?\s*(.+)$/.exec(t)
    const which = local ? periods.indexOf(local[3]) : -1
    if (!local || which < 0) return null
    hour = Number(local[1])
    minute = local[2] ? Number(local[2]) : 0
    period = which === 0 ? 'am' : 'pm'
  }
  if (period) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (period === 'pm' ? 12 : 0)
  }
  if (hour > 23 || minute > 59) return null
  return `${pad(hour)}:${pad(minute)}`
}

/**
 * Writes the ISO dates inside a sentence ("…before 2026-11-01.") in the style. Only
 * whole dates: not ones inside a file name or an instant ("backup-2026-11-01.sqlite3").
 */
export function datesInText(sentence: string, style: DateStyle = dateStyle()): string {
  if (style.choice === 'iso') return sentence
  return sentence.replace(/(?<![\w\-/.:])(\d{4})-(\d{2})-(\d{2})(?![\w\-:]|\.\w|T\d)/g, (whole, y: string, m: string, d: string) =>
    checked(Number(y), Number(m), Number(d)) ? writeDate(Number(y), Number(m), Number(d), style) : whole,
  )
}
