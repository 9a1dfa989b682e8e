import { describe, expect, it } from 'vitest'
import {
  cadenceLabel,
  fileName,
  formatDate,
  formatDateTime,
  formatInstant,
  formatMinutes,
  formatSize,
  inputToHeldAt,
  lastMet,
  nowForInput,
  possessive,
  timeAgo,
} from './format'

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

  it('shows instants in local time', () => {
    const local = new Date(2026, 10, 23, 15, 12, 40)
    expect(formatInstant(local.toISOString().replace(/\.\d{3}Z$/, 'Z'))).toBe('Mon 23 Nov 2026, 15:12')
    expect(formatInstant('not a date')).toBe('not a date')
  })

  it('formats sizes in KB and MB', () => {
    expect(formatSize(0)).toBe('0 KB')
    expect(formatSize(300)).toBe('1 KB')
    expect(formatSize(51_200)).toBe('50 KB')
    expect(formatSize(1_048_575)).toBe('1024 KB')
    expect(formatSize(2_621_440)).toBe('2.5 MB')
    expect(formatSize(25 * 1_048_576)).toBe('25 MB')
  })

  it('says how long ago something happened', () => {
    const now = new Date(2026, 10, 23, 15, 12)
    const before = (ms: number) => new Date(now.getTime() - ms).toISOString()
    expect(timeAgo(before(20_000), now)).toBe('just now')
    expect(timeAgo(before(-5_000), now)).toBe('just now')
    expect(timeAgo(before(60_000), now)).toBe('1 minute ago')
    expect(timeAgo(before(5 * 3_600_000), now)).toBe('5 hours ago')
    expect(timeAgo(new Date(2026, 10, 22, 10, 0).toISOString(), now)).toBe('yesterday')
    expect(timeAgo(new Date(2026, 10, 21, 16, 0).toISOString(), now)).toBe('2 days ago')
    expect(timeAgo(new Date(2026, 10, 2).toISOString(), now)).toBe('3 weeks ago')
    expect(timeAgo(new Date(2026, 5, 1).toISOString(), now)).toBe('5 months ago')
    expect(timeAgo(new Date(2024, 5, 1).toISOString(), now)).toBe('2 years ago')
  })

  it('takes the file name from a path', () => {
    expect(fileName('/home/me/Documents/Tandem – Zoë – 2026-11-23.pdf')).toBe('Tandem – Zoë – 2026-11-23.pdf')
    expect(fileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf')
  })
})

describe('possessive', () => {
  it('adds an apostrophe s, or an apostrophe after a final s', () => {
    expect(possessive('Zoë')).toBe('Zoë\u2019s')
    expect(possessive('James')).toBe('James\u2019')
    expect(possessive('مريم')).toBe('مريم\u2019s')
  })
})
