import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { MockBackend } from '../backend/mock'
import { formatInstant } from '../format'
import type { ErrorPayload } from '../generated/types'
import { renderApp } from '../../test/helpers'

const DAMAGED: ErrorPayload = {
  code: 'journal_damaged',
  message: 'The journal file is damaged: Tandem cannot read it.',
  field: null,
}
const TOO_NEW: ErrorPayload = {
  code: 'journal_too_new',
  message: 'This journal was written by a newer version of Tandem. Please update Tandem to open it.',
  field: null,
}

function backendWith(error: ErrorPayload, count: number) {
  const backend = new MockBackend({ journalError: error })
  backend.backups = Array.from({ length: count }, (_, i) => backend.backupAt(`2026-11-${String(20 - i).padStart(2, '0')}T14:12:00Z`))
  return backend
}

describe('Journal that cannot be opened', () => {
  it('offers the newest backup and restores it after confirmation', async () => {
    const backend = backendWith(DAMAGED, 3)
    const [newest] = backend.backups
    renderApp(backend)
    const page = await screen.findByTestId('journal-error')
    expect(page).toHaveTextContent(DAMAGED.message)
    const offer = await screen.findByTestId('restore-newest')
    expect(offer).toHaveTextContent(`Restore the backup from ${formatInstant(newest.created_at)}`)

    await fireEvent.click(offer)
    const dialog = await screen.findByTestId('restore-confirm')
    expect(dialog).toHaveAccessibleName(`Restore the journal as it was on ${formatInstant(newest.created_at)}?`)
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))

    await waitFor(() => expect(screen.queryByTestId('journal-error')).toBeNull())
    expect(backend.restored).toEqual([newest.path])
    expect(await screen.findByTestId('restored-note')).toHaveTextContent('moved aside, untouched')
    expect(await screen.findByTestId('start-partnership')).toBeInTheDocument()
  })

  it('lists the other backups under "Show all backups"', async () => {
    const backend = backendWith(DAMAGED, 3)
    renderApp(backend)
    const toggle = await screen.findByTestId('show-all-backups')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryAllByTestId('backup-item')).toHaveLength(0)
    await fireEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const items = screen.getAllByTestId('backup-item')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent(formatInstant(backend.backups[1].created_at))
    await fireEvent.click(within(items[1]).getByRole('button', { name: /^Restore/ }))
    await fireEvent.click(within(await screen.findByTestId('restore-confirm')).getByRole('button', { name: 'Cancel' }))
    expect(backend.callsOf('restoreBackup')).toBe(0)
  })

  it('says plainly when there is no backup to restore', async () => {
    renderApp(backendWith(DAMAGED, 0))
    const none = await screen.findByTestId('no-backups')
    expect(none).toHaveTextContent('nothing to restore')
    expect(screen.getByTestId('journal-error')).toHaveTextContent('tandem --db PATH')
    expect(screen.queryByTestId('restore-newest')).toBeNull()
    expect(screen.queryByTestId('show-all-backups')).toBeNull()
  })

  it('does not push a restore when the journal is only too new', async () => {
    const backend = backendWith(TOO_NEW, 2)
    renderApp(backend)
    const toggle = await screen.findByTestId('show-all-backups')
    expect(screen.queryByTestId('restore-newest')).toBeNull()
    expect(screen.getByTestId('journal-error')).toHaveTextContent('Update Tandem, then open it again.')
    await fireEvent.click(toggle)
    expect(screen.getAllByTestId('backup-item')).toHaveLength(2)
  })

  it('opens another journal file the user chooses, and starts over on it', async () => {
    const backend = backendWith(DAMAGED, 0)
    renderApp(backend)
    await screen.findByTestId('no-backups')

    backend.nextJournalFile = null
    await fireEvent.click(screen.getByTestId('open-other-journal'))
    expect(backend.callsOf('openJournal')).toBe(0)

    backend.nextJournalFile = '/home/me/other.sqlite3'
    await fireEvent.click(screen.getByTestId('open-other-journal'))
    await waitFor(() => expect(screen.queryByTestId('journal-error')).toBeNull())
    expect(backend.path).toBe('/home/me/other.sqlite3')
    expect(await screen.findByTestId('start-partnership')).toBeInTheDocument()
  })

  it('stays on the explanation when the other file cannot be opened either', async () => {
    const backend = backendWith(DAMAGED, 0)
    renderApp(backend)
    await screen.findByTestId('no-backups')
    backend.nextJournalFile = '/home/me/notes.txt'
    backend.nextJournalError = { code: 'not_a_journal', message: '/home/me/notes.txt is not a Tandem journal.', field: null }
    await fireEvent.click(screen.getByTestId('open-other-journal'))
    await waitFor(() => expect(screen.getByTestId('journal-error')).toHaveTextContent('/home/me/notes.txt is not a Tandem journal.'))
  })
})
