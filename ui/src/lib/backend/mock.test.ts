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
    const report = await b.loadSample()
    // 2 partnerships, 4 sessions, 5 action items (other areas add their own sample records).
    expect(report?.added).toBeGreaterThanOrEqual(11)
    expect([b.partnerships.size, b.sessions.size, b.db.actionItems.size]).toEqual([2, 4, 5])
    expect([...b.sessions.values()].filter((s) => s.topics.length > 0 && s.rating !== null)).toHaveLength(4)
    expect(await b.loadSample()).toBeNull()
    b.failNext({ code: 'disk_full', message: 'Disk full.' }, 'listSessions')
    const list = await b.listPartnerships()
    expect(list).toHaveLength(2)
    const err = await rejection(b.listSessions(list[0].partnership.id, 50, 0))
    expect(err.message).toBe('Disk full.')
    expect((await b.listSessions(list[0].partnership.id, 50, 0)).sessions).toHaveLength(3)
  })

  it('fails every call but journalInfo when the journal cannot open', async () => {
    const error = { code: 'journal_damaged' as const, message: 'The journal file is damaged.', field: null }
    const b = new MockBackend({ journalError: error })
    expect((await b.journalInfo()).error).toEqual(error)
    expect((await rejection(b.listPartnerships())).message).toBe('The journal file is damaged.')
  })
})

describe('MockBackend sessions, topics and action items', () => {
  async function withSession(day = '2026-02-12') {
    const b = new MockBackend()
    const p = await b.createPartnership(partnershipDraft())
    const s = await b.createSession(p.id, sessionDraft({ held_at: `${day}T16:00:00` }))
    return { b, p, s }
  }
  const item = (text: string, due_on: string | null = null, owner: 'me' | 'partner' | 'both' = 'me') => ({
    text,
    owner,
    due_on,
    done: false,
  })

  it('keeps the new session fields, cleans topics and checks the rating', async () => {
    const { b, p } = await withSession()
    const s = await b.createSession(
      p.id,
      sessionDraft({ shared: 'S', learned: 'L', agenda: 'A', reflection: 'R', rating: 4, topics: [' AI tools ', 'ai TOOLS', '', 'feedback'] }),
    )
    expect(s).toMatchObject({ shared: 'S', learned: 'L', agenda: 'A', reflection: 'R', rating: 4, topics: ['AI tools', 'feedback'] })
    expect((await rejection(b.createSession(p.id, sessionDraft({ rating: 6 })))).field).toBe('rating')
    expect((await rejection(b.createSession(p.id, sessionDraft({ rating: 0 })))).field).toBe('rating')
    expect((await rejection(b.createSession(p.id, sessionDraft({ topics: ['x'.repeat(61)] })))).field).toBe('topics')
    expect((await rejection(b.createSession(p.id, sessionDraft({ topics: ['a\nb'] })))).field).toBe('topics')
    const many = Array.from({ length: 31 }, (_, i) => `t${i}`)
    expect((await rejection(b.createSession(p.id, sessionDraft({ topics: many })))).message).toMatch(/at most 30 topics/)
    const [summary] = (await b.listSessions(p.id, 1, 0)).sessions
    expect(summary).toMatchObject({ topics: ['AI tools', 'feedback'], rating: 4, open_actions: 0 })
  })

  it('creates, orders and updates action items, refusing empty text and a due date before the session', async () => {
    const { b, s } = await withSession('2026-02-12')
    const first = await b.createActionItem(s.id, item('  Write a post  ', '2026-02-12'))
    const second = await b.createActionItem(s.id, item('Send slides'))
    expect([first.text, first.position, second.position]).toEqual(['Write a post', 0, 1])
    const empty = await rejection(b.createActionItem(s.id, item('   ')))
    expect([empty.code, empty.field]).toEqual(['invalid_input', 'text'])
    const early = await rejection(b.updateActionItem(first.id, item('Write a post', '2026-02-11')))
    expect(early.field).toBe('due_on')
    expect(early.message).toBe('The due date (2026-02-11) is before the day of its session (2026-02-12). Choose 2026-02-12 or later.')
    expect((await rejection(b.createActionItem(s.id, item('x', '2026-02-30')))).field).toBe('due_on')
    expect((await rejection(b.createActionItem(s.id, item('x'.repeat(2001))))).field).toBe('text')
    const done = await b.updateActionItem(second.id, { ...item('Send slides'), done: true })
    expect(done.done).toBe(true)
    expect((await b.listActionItems(s.id)).map((a) => a.text)).toEqual(['Write a post', 'Send slides'])
    expect((await b.listSessions(s.partnership_id, 5, 0)).sessions[0].open_actions).toBe(1)
    expect((await rejection(b.updateActionItem('a-nope', item('x')))).code).toBe('not_found')
    expect((await rejection(b.createActionItem('s-nope', item('x')))).code).toBe('not_found')
  })

  it('lists open items overdue first, then by due date, undated last, and leaves out done and trashed ones', async () => {
    const { b, p, s } = await withSession('2026-02-01')
    b.db.today = '2026-03-01'
    const later = await b.createActionItem(s.id, item('later', '2026-03-20'))
    const undated = await b.createActionItem(s.id, item('undated'))
    const overdue = await b.createActionItem(s.id, item('overdue', '2026-02-20'))
    const soon = await b.createActionItem(s.id, item('soon', '2026-03-02'))
    const done = await b.createActionItem(s.id, { ...item('done', '2026-02-02'), done: true })
    const open = await b.openActionItems(p.id)
    expect(open.map((v) => v.item.id)).toEqual([overdue.id, soon.id, later.id, undated.id])
    expect(open.map((v) => v.overdue)).toEqual([true, false, false, false])
    expect(open[0]).toMatchObject({ session_title: s.title, session_held_at: s.held_at })
    expect(open.map((v) => v.item.id)).not.toContain(done.id)
    b.db.actionItems.set(soon.id, { ...soon, deleted_at: '2026-03-01T10:00:00Z' })
    expect((await b.openActionItems(p.id)).map((v) => v.item.id)).not.toContain(soon.id)
    b.db.sessions.set(s.id, { ...s, deleted_at: '2026-03-01T10:00:00Z' })
    expect(await b.openActionItems(p.id)).toEqual([])
  })

  it('counts topics over live sessions, most used first, case-insensitively', async () => {
    const { b, p } = await withSession()
    await b.createSession(p.id, sessionDraft({ topics: ['AI tools', 'feedback'] }))
    await b.createSession(p.id, sessionDraft({ topics: ['ai tools'] }))
    const gone = await b.createSession(p.id, sessionDraft({ topics: ['feedback', 'LinkedIn'] }))
    b.db.sessions.set(gone.id, { ...gone, deleted_at: '2026-03-01T10:00:00Z' })
    expect(await b.listTopics()).toEqual([
      { name: 'AI tools', sessions: 2 },
      { name: 'feedback', sessions: 1 },
    ])
  })

  it('renders a little Markdown and keeps any HTML as text', async () => {
    const b = new MockBackend()
    const html = await b.renderMarkdown('# Title\n\n**bold** and _it_ and *it2*\n\n- one\n- [x] two\n\n1. first\n\n> quote')
    expect(html).toContain('<h1 dir="auto">Title</h1>')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<em>it</em>')
    expect(html).toContain('<em>it2</em>')
    expect(html).toContain('<ul>\n<li dir="auto">one</li>')
    expect(html).toContain('<input disabled="" type="checkbox" checked=""> two')
    expect(html).toContain('<ol>\n<li dir="auto">first</li>')
    expect(html).toContain('<blockquote dir="auto"><p dir="auto">quote</p></blockquote>')
    // As the core: a single newline is a line break.
    expect(await b.renderMarkdown('one\ntwo')).toBe('<p dir="auto">one<br>\ntwo</p>')
    const hostile = await b.renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) "q"')
    expect(hostile).not.toContain('<img')
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(hostile).not.toContain('href')
    expect(await b.renderMarkdown('  ')).toBe('')
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
    const error = { code: 'journal_damaged' as const, message: 'The journal file is damaged.', field: null }
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
