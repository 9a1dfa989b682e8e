import { fireEvent, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { chooseDateFormat, datesInText, parseDate, parseTime, setComputerLocale, styleFor } from '../dates.svelte'
import { formatDate, formatDateTime } from '../format'
import DateInput from './DateInput.svelte'

const TODAY = new Date(2026, 2, 3)

describe('reading typed dates', () => {
  const gb = styleFor('system', 'en-GB')
  const us = styleFor('system', 'en-US')

  it('reads ISO in every format', () => {
    for (const style of [gb, us, styleFor('iso', 'en-GB'), styleFor('mdy', 'en-GB')]) {
      expect(parseDate('2026-03-04', style, TODAY)).toBe('2026-03-04')
    }
  })

  it('reads each format’s own text back', () => {
    for (const choice of ['system', 'dmy', 'mdy', 'iso'] as const) {
      for (const locale of ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'ja-JP', 'sv-SE']) {
        const style = styleFor(choice, locale)
        for (const day of ['2026-03-04', '2026-09-30', '2027-12-01']) {
          const [y, m, d] = day.split('-').map(Number)
          expect(parseDate(writeOf(style, y, m, d), style, TODAY), `${choice} ${locale} ${day}`).toBe(day)
        }
      }
    }
  })

  it('reads numbers in the format’s day/month order', () => {
    expect(parseDate('4/3/2026', gb, TODAY)).toBe('2026-03-04')
    expect(parseDate('4/3/2026', us, TODAY)).toBe('2026-04-03')
    expect(parseDate('4.3.26', gb, TODAY)).toBe('2026-03-04')
    expect(parseDate('4/3', gb, TODAY)).toBe('2026-03-04')
    expect(parseDate('4/3', us, TODAY)).toBe('2026-04-03')
  })

  it('reads a month by name in any order', () => {
    for (const text of ['4 Mar 2026', 'March 4, 2026', '4 march 26', 'mar 4th 2026', '4 Mar', 'Wed 4 Mar 2026']) {
      expect(parseDate(text, gb, TODAY), text).toBe('2026-03-04')
      expect(parseDate(text, us, TODAY), text).toBe('2026-03-04')
    }
    expect(parseDate('4. März 2026', styleFor('system', 'de-DE'), TODAY)).toBe('2026-03-04')
  })

  it('refuses what is not a date', () => {
    for (const text of ['31 Feb 2026', 'tomorrow', '2026-13-01', '32/1/2026', 'Smarch 3 2026', '3', '12345', 'Mar May 2026']) {
      expect(parseDate(text, gb, TODAY), text).toBeNull()
    }
  })

  it('reads a time of day, 24-hour or with am/pm', () => {
    expect(parseTime('16:15', gb)).toBe('16:15')
    expect(parseTime('1615', gb)).toBe('16:15')
    expect(parseTime('9.30', gb)).toBe('09:30')
    expect(parseTime('4:15 pm', gb)).toBe('16:15')
    expect(parseTime('12 AM', us)).toBe('00:00')
    expect(parseTime('4pm', us)).toBe('16:00')
    for (const text of ['25:00', '12:60', '13 pm', 'noonish', '']) expect(parseTime(text, gb), text).toBeNull()
  })

  it('writes the dates inside a sentence in the format, not the ones inside a file name', () => {
    const us = styleFor('mdy', 'en-GB')
    expect(datesInText('The due date (2026-03-01) is before the day of its session (2026-03-03). Choose 2026-03-03 or later.', us)).toBe(
      'The due date (Mar 1, 2026) is before the day of its session (Mar 3, 2026). Choose Mar 3, 2026 or later.',
    )
    expect(datesInText('Could not read backup-2026-03-01.sqlite3 or 2026-03-01T10:00:00Z.', us)).toBe(
      'Could not read backup-2026-03-01.sqlite3 or 2026-03-01T10:00:00Z.',
    )
  })
})

function writeOf(style: ReturnType<typeof styleFor>, y: number, m: number, d: number) {
  return style.parts
    .map((p) => (p.type === 'day' ? (style.padded ? String(d).padStart(2, '0') : String(d)) : p.type === 'month' ? style.months[m - 1] : p.type === 'year' ? String(y) : p.value))
    .join('')
}

describe('the date format of this computer', () => {
  it('is the locale’s by default: en-GB “3 Mar 2026”, en-US “Mar 3, 2026”, 12-hour times there', () => {
    expect(formatDate('2026-03-03')).toBe('3 Mar 2026')
    expect(formatDateTime('2026-03-03T16:15:00')).toBe('Tue 3 Mar 2026, 16:15')
    setComputerLocale('en-US')
    try {
      expect(formatDate('2026-03-03')).toBe('Mar 3, 2026')
      expect(formatDateTime('2026-03-03T16:15:00')).toBe('Tue Mar 3, 2026, 4:15 PM')
    } finally {
      setComputerLocale('en-GB')
    }
  })

  it('is kept on this computer, and every format is a fixed one', () => {
    chooseDateFormat('mdy')
    expect(localStorage.getItem('tandem.dateFormat')).toBe('mdy')
    expect(formatDate('2026-03-03')).toBe('Mar 3, 2026')
    chooseDateFormat('iso')
    expect(formatDate('2026-03-03')).toBe('2026-03-03')
    chooseDateFormat('system')
    expect(localStorage.getItem('tandem.dateFormat')).toBeNull()
  })
})

describe('DateInput', () => {
  function field(props: Record<string, unknown> = {}) {
    const changes: string[] = []
    const result = render(DateInput, { props: { id: 'd', what: 'due date', label: 'Due date', onchange: (v: string) => changes.push(v), ...props } })
    return { input: screen.getByLabelText('Due date') as HTMLInputElement, changes, ...result }
  }

  it('shows its ISO value in the chosen format, and follows a change of format', async () => {
    const { input } = field({ value: '2026-03-03' })
    expect(input.value).toBe('3 Mar 2026')
    chooseDateFormat('mdy')
    await Promise.resolve()
    await new Promise((r) => setTimeout(r))
    expect(input.value).toBe('Mar 3, 2026')
  })

  it('an empty field shows the format in words, never a date', () => {
    const { input } = field({ value: '' })
    expect(input.value).toBe('')
    expect(input.placeholder).toBe('D MMM YYYY')
    expect(input.placeholder).not.toMatch(/\d/)
  })

  it('takes what is typed as ISO once it is left: ISO, the format, numbers, a month name', async () => {
    const { input, changes } = field({ value: '' })
    for (const [typed, iso, shown] of [
      ['2026-11-01', '2026-11-01', '1 Nov 2026'],
      ['2/12/2026', '2026-12-02', '2 Dec 2026'],
      ['December 3 2026', '2026-12-03', '3 Dec 2026'],
      ['4 Dec 2026', '2026-12-04', '4 Dec 2026'],
    ]) {
      await userEvent.clear(input)
      await userEvent.type(input, typed)
      await userEvent.tab()
      expect(changes.at(-1)).toBe(iso)
      expect(input.value).toBe(shown)
    }
    // Enter reads it too.
    await userEvent.clear(input)
    await userEvent.type(input, '5/12/2026{Enter}')
    expect(changes.at(-1)).toBe('2026-12-05')
  })

  it('text that is not a date gets an error in the field’s words and is not sent', async () => {
    const { input, changes } = field({ value: '2026-03-03' })
    await userEvent.clear(input)
    await userEvent.type(input, '31 Feb{Enter}')
    expect(changes).toEqual([])
    const error = screen.getByTestId('date-error')
    expect(error).toHaveTextContent('“31 Feb” is not a date. Write the due date like')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input.getAttribute('aria-describedby')).toContain(error.id)
    expect(input.value).toBe('31 Feb')
    // Corrected, it goes.
    await userEvent.clear(input)
    await userEvent.type(input, '28 Feb 2026')
    await userEvent.tab()
    expect(changes).toEqual(['2026-02-28'])
    expect(screen.queryByTestId('date-error')).toBeNull()
  })

  it('emptied, it is empty', async () => {
    const { input, changes } = field({ value: '2026-03-03' })
    await userEvent.clear(input)
    await userEvent.tab()
    expect(changes).toEqual([''])
    expect(input.value).toBe('')
  })

  it('the calendar is a dialog with a grid, worked by keyboard, and picks an ISO day', async () => {
    const { input, changes } = field({ value: '2026-03-03' })
    const button = screen.getByRole('button', { name: 'Choose the due date from a calendar' })
    expect(button).toHaveAttribute('aria-haspopup', 'dialog')
    await userEvent.click(button)
    const dialog = screen.getByRole('dialog', { name: 'Choose the due date' })
    expect(button).toHaveAttribute('aria-expanded', 'true')
    const grid = within(dialog).getByRole('grid')
    expect(within(dialog).getByRole('heading')).toHaveTextContent('March 2026')
    expect(within(grid).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
    await new Promise((r) => setTimeout(r))
    const selected = within(grid).getByRole('gridcell', { selected: true })
    expect(selected).toHaveAttribute('data-day', '2026-03-03')
    expect(document.activeElement).toBe(selected)
    // Right a day, down a week, Page Down a month, Page Up back, Home to Monday.
    await userEvent.keyboard('{ArrowRight}{ArrowDown}')
    expect(document.activeElement).toHaveAttribute('data-day', '2026-03-11')
    await userEvent.keyboard('{PageDown}')
    expect(document.activeElement).toHaveAttribute('data-day', '2026-04-11')
    expect(within(dialog).getByRole('heading')).toHaveTextContent('April 2026')
    await userEvent.keyboard('{PageUp}{ArrowLeft}{Home}')
    expect(document.activeElement).toHaveAttribute('data-day', '2026-03-09')
    expect(document.activeElement).toHaveAttribute('tabindex', '0')
    await userEvent.keyboard('{Enter}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(changes).toEqual(['2026-03-09'])
    expect(input.value).toBe('9 Mar 2026')
    expect(document.activeElement).toBe(button)
  })

  it('Escape closes the calendar without picking; days outside min and max are not picked', async () => {
    const { changes } = field({ value: '2026-03-12', min: '2026-03-10' })
    const button = screen.getByRole('button', { name: 'Choose the due date from a calendar' })
    await userEvent.click(button)
    const dialog = screen.getByRole('dialog')
    const early = within(dialog).getByRole('gridcell', { name: 'Monday 9 Mar 2026' })
    expect(early).toHaveAttribute('aria-disabled', 'true')
    await fireEvent.click(early)
    expect(changes).toEqual([])
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(changes).toEqual([])
    expect(document.activeElement).toBe(button)
  })
})
