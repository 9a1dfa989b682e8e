import { describe, expect, it } from 'vitest'
import { cadenceLabel, formatDate, formatDateTime, formatMinutes, inputToHeldAt, lastMet, nowForInput } from './format'

describe('format', () => {
  it('formats wall-clock dates', () => {
    expect(formatDateTime('2026-03-03T16:15:00')).toBe('Tue 3 Mar 2026, 16:15')
    expect(formatDate('2026-01-12')).toBe('12 Jan 2026')
  })

  it('converts datetime-local values to held_at with seconds', () => {
    expect(inputToHeldAt('2026-03-03T16:15')).toBe('2026-03-03T16:15:00')
    expect(inputToHeldAt('2026-03-03T16:15:30')).toBe('2026-03-03T16:15:30')
    expect(nowForInput(new Date(2026, 2, 3, 16, 29, 59))).toBe('2026-03-03T16:15')
  })

  it('says when the partners last met', () => {
    const now = new Date(2026, 2, 6, 9, 0)
    expect(lastMet(null, now)).toBe('no sessions yet')
    expect(lastMet('2026-03-06T08:00:00', now)).toBe('last met today')
    expect(lastMet('2026-03-05T18:00:00', now)).toBe('last met yesterday')
    expect(lastMet('2026-03-03T16:15:00', now)).toBe('last met 3 days ago')
    expect(lastMet('2026-02-06T16:15:00', now)).toBe('last met 4 weeks ago')
  })

  it('labels cadence and durations', () => {
    expect(cadenceLabel(14)).toBe('Every two weeks')
    expect(cadenceLabel(10)).toBe('Every 10 days')
    expect(cadenceLabel(null)).toBe('Not fixed')
    expect(formatMinutes(45)).toBe('45 min')
    expect(formatMinutes(90)).toBe('1 h 30 min')
  })
})
