import { describe, expect, it } from 'vitest'
import { partnershipDraft, sessionDraft } from '../../test/helpers'
import { MockBackend } from './mock'
import { BackendError, toBackendError } from './types'

async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p
  } catch (err) {
    return err as BackendError
  }
  throw new Error('expected a rejection')
}

describe('MockBackend', () => {
  it('validates like the Rust core', async () => {
    const b = new MockBackend()
    expect((await rejection(b.createPartnership(partnershipDraft({ partner_name: ' ' })))).field).toBe('partner_name')
    expect(
      (await rejection(b.createPartnership(partnershipDraft({ started_on: '2026-02-01', ended_on: '2026-01-01' })))).field,
    ).toBe('ended_on')
    expect((await rejection(b.createPartnership(partnershipDraft({ started_on: '1899-12-31' })))).field).toBe('started_on')
    const p = await b.createPartnership(partnershipDraft({ partner_name: '  Zoë  ' }))
    expect(p.partner_name).toBe('Zoë')
    const noSeconds = await rejection(b.createSession(p.id, sessionDraft({ held_at: '2026-03-03T16:15' })))
    expect(noSeconds).toBeInstanceOf(BackendError)
    expect(noSeconds.code).toBe('invalid_input')
    expect(noSeconds.field).toBe('held_at')
    expect((await rejection(b.createSession(p.id, sessionDraft({ duration_minutes: 0 })))).field).toBe('duration_minutes')
    expect((await rejection(b.createSession(p.id, sessionDraft({ title: 'x'.repeat(301) })))).field).toBe('title')
  })

  it('lists open partnerships first, most recent activity first', async () => {
    const b = new MockBackend()
    const ended = await b.createPartnership(partnershipDraft({ partner_name: 'Ended', started_on: '2026-02-01', ended_on: '2026-02-10' }))
    const old = await b.createPartnership(partnershipDraft({ partner_name: 'Old', started_on: '2025-01-01' }))
    const recent = await b.createPartnership(partnershipDraft({ partner_name: 'Recent', started_on: '2025-01-01' }))
    await b.createSession(recent.id, sessionDraft({ held_at: '2026-03-01T10:00:00' }))
    const list = await b.listPartnerships()
    expect(list.map((o) => o.partnership.id)).toEqual([recent.id, old.id, ended.id])
    expect(list[0]).toMatchObject({ session_count: 1, last_session_at: '2026-03-01T10:00:00' })
  })

  it('loads the sample once and can simulate failures', async () => {
    const b = new MockBackend()
    expect(await b.loadSample()).toMatchObject({ added: 6 })
    expect(await b.loadSample()).toBeNull()
    b.failNext({ code: 'storage', message: 'Disk full.' }, 'listSessions')
    const list = await b.listPartnerships()
    expect(list).toHaveLength(2)
    const err = await rejection(b.listSessions(list[0].partnership.id, 50, 0))
    expect(err.message).toBe('Disk full.')
    expect(await b.listSessions(list[0].partnership.id, 50, 0)).toHaveLength(3)
  })

  it('fails every call but journalInfo when the journal cannot open', async () => {
    const error = { code: 'corrupt', message: 'The journal file is damaged.', field: null }
    const b = new MockBackend({ journalError: error })
    expect((await b.journalInfo()).error).toEqual(error)
    expect((await rejection(b.listPartnerships())).message).toBe('The journal file is damaged.')
  })
})

describe('MockBackend reports and backups', () => {
  it('exports with progress and checks the period', async () => {
    const b = new MockBackend()
    const p = await b.createPartnership(partnershipDraft())
    const options = { partnership_id: p.id, from: '2026-01-12', to: '2026-03-01', include_private: false }
    const seen: number[] = []
    const file = await b.exportReport(options, '/tmp/r.pdf', (progress) => seen.push(progress.done / progress.total))
    expect(file).toEqual({ path: '/tmp/r.pdf', pages: 3, size_bytes: 48_128 })
    expect(seen).toEqual([0.25, 0.5, 0.75, 1])
    const reversed = await rejection(b.exportReport({ ...options, from: '2026-03-02' }, '/tmp/r.pdf', () => {}))
    expect([reversed.code, reversed.field]).toEqual(['invalid_input', 'to'])
    expect(b.exports).toHaveLength(1)
    expect(await b.chooseReportPath('R.pdf')).toBe('/home/me/Documents/R.pdf')
    b.nextReportPath = null
    expect(await b.chooseReportPath('R.pdf')).toBeNull()
  })

  it('keeps the last 10 backups, newest first, and restores', async () => {
    const b = new MockBackend()
    b.backups = Array.from({ length: 10 }, (_, i) => b.backupAt(`2026-11-${String(20 - i).padStart(2, '0')}T03:00:00Z`))
    const oldest = b.backups[9]
    const made = await b.backupNow()
    const list = await b.listBackups()
    expect(list).toHaveLength(10)
    expect(list[0]).toEqual(made)
    expect(list.map((x) => x.path)).not.toContain(oldest.path)
    const report = await b.restoreBackup(list[3].path)
    expect(report).toMatchObject({ restored_from: list[3].path, previous_was_damaged: false })
    expect((await b.listBackups())[0].path).toBe(report.previous_saved_to)
    expect((await rejection(b.restoreBackup('/nope'))).code).toBe('not_found')
  })

  it('lists and restores backups even when the journal cannot open', async () => {
    const error = { code: 'journal_damaged', message: 'The journal file is damaged.', field: null }
    const b = new MockBackend({ journalError: error })
    b.backups = [b.backupAt('2026-11-20T03:00:00Z')]
    expect(await b.listBackups()).toHaveLength(1)
    expect((await rejection(b.backupNow())).code).toBe('journal_damaged')
    const report = await b.restoreBackup(b.backups[0].path)
    expect(report.previous_was_damaged).toBe(true)
    expect((await b.journalInfo()).error).toBeNull()
  })
})

describe('toBackendError', () => {
  it('converts payloads, strings and errors', () => {
    const e = toBackendError({ code: 'invalid_input', message: 'Bad.', field: 'title' })
    expect(e).toBeInstanceOf(Error)
    expect([e.code, e.message, e.field]).toEqual(['invalid_input', 'Bad.', 'title'])
    expect(toBackendError('boom').message).toBe('boom')
    expect(toBackendError(undefined).code).toBe('internal')
  })
})
