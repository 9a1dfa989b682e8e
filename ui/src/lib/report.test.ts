import { describe, expect, it } from 'vitest'
import { partnershipDraft } from '../test/helpers'
import type { Partnership } from './generated/types'
import { monthsBefore, periodChoices, reportFileName, wholePeriod } from './report'

function partnership(started_on: string, ended_on: string | null = null): Partnership {
  return { ...partnershipDraft({ started_on, ended_on }), id: 'p-1', created_at: '', updated_at: '' }
}

describe('report periods', () => {
  it('goes back whole months, clamping the day', () => {
    expect(monthsBefore('2026-11-23', 3)).toBe('2026-08-23')
    expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15')
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28')
  })

  it('covers the whole partnership up to today or its end', () => {
    expect(wholePeriod(partnership('2026-01-12'), '2026-11-23')).toEqual({ from: '2026-01-12', to: '2026-11-23' })
    expect(wholePeriod(partnership('2025-03-03', '2025-12-15'), '2026-11-23')).toEqual({ from: '2025-03-03', to: '2025-12-15' })
  })

  it('offers quick choices that stay within the partnership', () => {
    const open = periodChoices(partnership('2024-06-01'), '2026-11-23')
    expect(open).toEqual([
      { label: 'Whole partnership', period: { from: '2024-06-01', to: '2026-11-23' } },
      { label: 'Last 3 months', period: { from: '2026-08-23', to: '2026-11-23' } },
      { label: 'This year', period: { from: '2026-01-01', to: '2026-11-23' } },
    ])
    const young = periodChoices(partnership('2026-10-01'), '2026-11-23')
    expect(young.map((c) => c.period.from)).toEqual(['2026-10-01', '2026-10-01', '2026-10-01'])
    const ended = periodChoices(partnership('2025-03-03', '2025-12-15'), '2026-11-23')
    expect(ended.map((c) => c.label)).toEqual(['Whole partnership', 'Last 3 months'])
    expect(ended[1].period).toEqual({ from: '2025-09-15', to: '2025-12-15' })
  })

  it('names the report file safely', () => {
    const day = new Date(2026, 10, 23)
    expect(reportFileName('Zoë Okafor', day)).toBe('Tandem – Zoë Okafor – 2026-11-23.pdf')
    expect(reportFileName('  A/B: "Team"  ', day)).toBe('Tandem – A B Team – 2026-11-23.pdf')
    expect(reportFileName('///', day)).toBe('Tandem – partnership – 2026-11-23.pdf')
  })
})
