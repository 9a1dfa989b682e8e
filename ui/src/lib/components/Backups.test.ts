import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { MockBackend } from '../backend/mock'
import { formatInstant } from '../format'
import { partnershipDraft, renderApp } from '../../test/helpers'

const DAY = 86_400_000

/** RFC 3339 UTC, to the second, `ms` before now. */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

async function openBackups(backend: MockBackend) {
  await backend.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  renderApp(backend)
  await fireEvent.click(await screen.findByTestId('open-backups'))
  expect(await screen.findByRole('heading', { level: 1, name: 'Backups' })).toBeInTheDocument()
}

function seeded() {
  const backend = new MockBackend()
  const newest = backend.backupAt(ago(2 * DAY + 3_600_000), 356_000)
  const older = backend.backupAt(ago(9 * DAY), 2_621_440)
  backend.backups = [newest, older]
  return { backend, newest, older }
}

describe('Backups screen', () => {
  it('lists the backups newest first, with date, size and age', async () => {
    const { backend, newest, older } = seeded()
    await openBackups(backend)
    expect(screen.getByText(/Tandem keeps a copy of your journal once a day and before every upgrade; the last 10 are kept, beside your journal\./)).toBeInTheDocument()
    expect(screen.getByTestId('open-backups')).toHaveAttribute('aria-current', 'page')
    const items = await screen.findAllByTestId('backup-item')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent(formatInstant(newest.created_at))
    expect(items[0]).toHaveTextContent('2 days ago · 348 KB')
    expect(items[1]).toHaveTextContent(formatInstant(older.created_at))
    expect(items[1]).toHaveTextContent('9 days ago · 2.5 MB')
    expect(within(items[0]).getByRole('button', { name: `Restore the backup from ${formatInstant(newest.created_at)}…` })).toBeInTheDocument()
  })

  it('says so when there are no backups yet', async () => {
    await openBackups(new MockBackend())
    expect(await screen.findByText('No backups yet')).toBeInTheDocument()
    expect(screen.queryAllByTestId('backup-item')).toHaveLength(0)
  })

  it('"Back up now" adds a backup at the top of the list', async () => {
    const { backend, newest } = seeded()
    await openBackups(backend)
    await screen.findAllByTestId('backup-item')
    await fireEvent.click(screen.getByTestId('backup-now'))
    await waitFor(() => expect(screen.getAllByTestId('backup-item')).toHaveLength(3))
    expect(backend.callsOf('backupNow')).toBe(1)
    const items = screen.getAllByTestId('backup-item')
    expect(items[0]).toHaveTextContent('just now')
    expect(items[1]).toHaveTextContent(formatInstant(newest.created_at))
    expect(screen.getByRole('status')).toHaveTextContent(/^Backed up at \d\d:\d\d\.$/)
  })

  it('shows why a backup could not be made', async () => {
    const { backend } = seeded()
    await openBackups(backend)
    backend.failNext({ code: 'io', message: 'The disk is full. Free some space and try again.' }, 'backupNow')
    await fireEvent.click(screen.getByTestId('backup-now'))
    expect(await screen.findByText('The disk is full. Free some space and try again.')).toBeInTheDocument()
    expect(screen.getAllByTestId('backup-item')).toHaveLength(2)
  })

  it('asks before restoring; Cancel does nothing', async () => {
    const { backend, older } = seeded()
    await openBackups(backend)
    const items = await screen.findAllByTestId('backup-item')
    const restore = within(items[1]).getByRole('button', { name: /^Restore the backup from/ })
    restore.focus()
    await fireEvent.click(restore)
    const dialog = await screen.findByTestId('restore-confirm')
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleName(`Restore the journal as it was on ${formatInstant(older.created_at)}?`)
    expect(dialog).toHaveTextContent('Your journal as it is now will be kept as a backup first, so you can go back.')
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByTestId('restore-confirm')).toBeNull())
    expect(backend.callsOf('restoreBackup')).toBe(0)
    expect(restore).toHaveFocus()
    // Escape closes it too.
    await fireEvent.click(restore)
    await screen.findByTestId('restore-confirm')
    await fireEvent.keyDown(window, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('restore-confirm')).toBeNull())
    expect(backend.callsOf('restoreBackup')).toBe(0)
  })

  it('restores the chosen backup, says where the journal went, and reloads', async () => {
    const { backend, older } = seeded()
    await openBackups(backend)
    const items = await screen.findAllByTestId('backup-item')
    await fireEvent.click(within(items[1]).getByRole('button', { name: /^Restore/ }))
    const dialog = await screen.findByTestId('restore-confirm')
    expect(backend.callsOf('journalInfo')).toBe(1)
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))

    await waitFor(() => expect(backend.restored).toEqual([older.path]))
    const note = await screen.findByTestId('restored-note')
    expect(note).toHaveTextContent(`Your journal is back as it was on ${formatInstant(older.created_at)}.`)
    expect(note).toHaveTextContent(`kept as a backup: ${backend.backups[0].path}`)
    // Everything is loaded again from scratch.
    expect(backend.callsOf('journalInfo')).toBe(2)
    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    expect(screen.queryByTestId('restore-confirm')).toBeNull()
  })

  it('shows a failed restore in the confirmation and stays', async () => {
    const { backend, newest } = seeded()
    await openBackups(backend)
    backend.failNext({ code: 'io', message: 'The backup could not be read.' }, 'restoreBackup')
    const items = await screen.findAllByTestId('backup-item')
    await fireEvent.click(within(items[0]).getByRole('button', { name: /^Restore/ }))
    const dialog = await screen.findByTestId('restore-confirm')
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The backup could not be read.')
    expect(backend.restored).toEqual([])
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))
    await waitFor(() => expect(backend.restored).toEqual([newest.path]))
  })
})
