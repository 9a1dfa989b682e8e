import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { copyFileSync, mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FakeBackend } from '../../test/backend'
import { formatInstant } from '../format'
import { renderApp } from '../../test/helpers'

/**
 * Puts copies of `backup` (a real backup the core made) in the backups folder of the
 * journal at `journal`, named as the core names a backup made on those earlier days: a
 * journal that cannot be opened has no way to make backups of its own now.
 */
function olderBackups(journal: string, backup: string, days: string[]) {
  const dir = join(dirname(journal), 'backups')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const stem = basename(journal).replace(/\.sqlite3$/, '')
  for (const day of days) copyFileSync(backup, join(dir, `${stem}-${day.replaceAll('-', '')}T141200Z.sqlite3`))
}

/** A damaged journal (the core keeps the one backup it made before the damage) and two older backups. */
async function damagedWithThreeBackups() {
  const backend = new FakeBackend({ journal: 'damaged' })
  const [made] = await backend.core.listBackups()
  olderBackups(await backend.path(), made.path, ['2026-11-19', '2026-11-18'])
  return backend
}

describe('Journal that cannot be opened', () => {
  it('offers the newest backup and restores it after confirmation', async () => {
    const backend = new FakeBackend({ journal: 'damaged' })
    renderApp(backend)
    const page = await screen.findByTestId('journal-error')
    const { error } = await backend.core.journalInfo()
    expect(error?.code).toBe('journal_damaged')
    expect(page).toHaveTextContent(error!.message)
    const [newest] = await backend.core.listBackups()
    const offer = await screen.findByTestId('restore-newest')
    expect(offer).toHaveTextContent(`Restore the backup from ${formatInstant(newest.created_at)}`)

    await fireEvent.click(offer)
    const dialog = await screen.findByTestId('restore-confirm')
    expect(dialog).toHaveAccessibleName(`Restore the journal as it was on ${formatInstant(newest.created_at)}?`)
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))

    await waitFor(() => expect(screen.queryByTestId('journal-error')).toBeNull())
    expect(await screen.findByTestId('restored-note')).toHaveTextContent('moved aside, untouched')
    // The sample the backup was made of is back.
    expect((await backend.core.journalInfo()).error).toBeNull()
    const names = (await backend.core.listPartnerships()).map((o) => o.partnership.partner_name)
    expect(names).toContain('Zoë Okafor')
    expect(await screen.findByRole('heading', { level: 1, name: names[0] })).toBeInTheDocument()
  })

  it('lists the other backups under "Show all backups"', async () => {
    const backend = await damagedWithThreeBackups()
    const backups = await backend.core.listBackups()
    expect(backups).toHaveLength(3)
    renderApp(backend)
    const toggle = await screen.findByTestId('show-all-backups')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryAllByTestId('backup-item')).toHaveLength(0)
    await fireEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const items = screen.getAllByTestId('backup-item')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent(formatInstant(backups[1].created_at))
    await fireEvent.click(within(items[1]).getByRole('button', { name: /^Restore/ }))
    await fireEvent.click(within(await screen.findByTestId('restore-confirm')).getByRole('button', { name: 'Cancel' }))
    expect(backend.callsOf('restoreBackup')).toBe(0)
  })

  it('says plainly when there is no backup to restore', async () => {
    const backend = new FakeBackend({ journal: 'not_a_journal' })
    renderApp(backend)
    const none = await screen.findByTestId('no-backups')
    expect(none).toHaveTextContent('nothing to restore')
    expect(screen.getByTestId('journal-error')).toHaveTextContent('tandem --db PATH')
    expect(screen.queryByTestId('restore-newest')).toBeNull()
    expect(screen.queryByTestId('show-all-backups')).toBeNull()
  })

  it('does not push a restore when the journal is only too new', async () => {
    const backend = new FakeBackend({ journal: 'too_new' })
    // Backups of it from before: real backups of another journal, under this one's name.
    const other = new FakeBackend({ journal: 'sample' })
    const [made] = await other.core.listBackups()
    olderBackups(await backend.path(), made.path, ['2026-11-20', '2026-11-19'])
    renderApp(backend)
    const toggle = await screen.findByTestId('show-all-backups')
    expect(screen.queryByTestId('restore-newest')).toBeNull()
    expect(screen.getByTestId('journal-error')).toHaveTextContent('Update Tandem, then open it again.')
    expect((await backend.core.journalInfo()).error?.code).toBe('journal_too_new')
    await fireEvent.click(toggle)
    expect(screen.getAllByTestId('backup-item')).toHaveLength(2)
  })

  it('opens another journal file the user chooses, and starts over on it', async () => {
    const backend = new FakeBackend({ journal: 'not_a_journal' })
    renderApp(backend)
    await screen.findByTestId('no-backups')

    backend.nextJournalFile = null
    await fireEvent.click(screen.getByTestId('open-other-journal'))
    expect(backend.callsOf('openJournal')).toBe(0)

    const other = await backend.otherJournal('empty')
    backend.nextJournalFile = other
    await fireEvent.click(screen.getByTestId('open-other-journal'))
    await waitFor(() => expect(screen.queryByTestId('journal-error')).toBeNull())
    expect(await backend.core.journalInfo()).toEqual({ path: other, error: null })
    expect(await screen.findByTestId('start-partnership')).toBeInTheDocument()
  })

  it('stays on the explanation when the other file cannot be opened either', async () => {
    const backend = new FakeBackend({ journal: 'damaged' })
    renderApp(backend)
    await screen.findByTestId('restore-newest')
    const notes = await backend.otherJournal('not_a_journal')
    backend.nextJournalFile = notes
    await fireEvent.click(screen.getByTestId('open-other-journal'))
    // The window is on the chosen file now, and explains why that one does not open.
    await waitFor(() => expect(screen.getByTestId('journal-error')).toHaveTextContent(notes))
    const { path, error } = await backend.core.journalInfo()
    expect(path).toBe(notes)
    expect(error?.code).toBe('not_a_journal')
    expect(screen.getByRole('alert')).toHaveTextContent(error!.message)
    // A text file has no backups (its list comes once the page has asked for it).
    expect(await screen.findByTestId('no-backups')).toBeInTheDocument()
  })
})
