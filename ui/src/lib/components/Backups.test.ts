import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { FakeBackend } from '../../test/backend'
import { formatInstant, formatSize, timeAgo } from '../format'
import { partnershipDraft, renderApp } from '../../test/helpers'

async function openBackups(backend: FakeBackend) {
  renderApp(backend)
  await fireEvent.click(await screen.findByTestId('open-backups'))
  expect(await screen.findByRole('heading', { level: 1, name: 'Backups' })).toBeInTheDocument()
}

/** Zoë, a backup (older), then Ben, and a second backup (newest). */
async function seeded() {
  const backend = new FakeBackend()
  const { core } = backend
  await core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  const older = await core.backupNow()
  await core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
  const newest = await core.backupNow()
  return { backend, newest, older }
}

describe('Backups screen', () => {
  it('lists the backups newest first, with date, size and age', async () => {
    const { backend, newest, older } = await seeded()
    await openBackups(backend)
    expect(screen.getByText(/Tandem keeps a copy of your journal once a day and before every upgrade; the last 10 are kept, beside your journal\./)).toBeInTheDocument()
    expect(screen.getByTestId('open-backups')).toHaveAttribute('aria-current', 'page')
    const items = await screen.findAllByTestId('backup-item')
    expect(items).toHaveLength(2)
    const [first, second] = await backend.core.listBackups()
    expect([first.path, second.path]).toEqual([newest.path, older.path])
    expect(items[0]).toHaveTextContent(formatInstant(newest.created_at))
    expect(items[0]).toHaveTextContent(`${timeAgo(newest.created_at)} · ${formatSize(first.size_bytes)}`)
    expect(items[1]).toHaveTextContent(formatInstant(older.created_at))
    expect(items[1]).toHaveTextContent(`${timeAgo(older.created_at)} · ${formatSize(second.size_bytes)}`)
    expect(within(items[0]).getByRole('button', { name: `Restore the backup from ${formatInstant(newest.created_at)}…` })).toBeInTheDocument()
  })

  it('says so when there are no backups yet', async () => {
    const backend = new FakeBackend()
    await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    await openBackups(backend)
    expect(await screen.findByText('No backups yet')).toBeInTheDocument()
    expect(screen.queryAllByTestId('backup-item')).toHaveLength(0)
  })

  it('"Back up now" adds a backup at the top of the list', async () => {
    const { backend, newest } = await seeded()
    await openBackups(backend)
    await screen.findAllByTestId('backup-item')
    await fireEvent.click(screen.getByTestId('backup-now'))
    await waitFor(() => expect(screen.getAllByTestId('backup-item')).toHaveLength(3))
    expect(backend.callsOf('backupNow')).toBe(1)
    const made = await backend.core.listBackups()
    expect(made).toHaveLength(3)
    expect(made[1].path).toBe(newest.path)
    const items = screen.getAllByTestId('backup-item')
    expect(items[0]).toHaveTextContent('just now')
    expect(items[0]).toHaveTextContent(formatInstant(made[0].created_at))
    expect(items[1]).toHaveTextContent(formatInstant(newest.created_at))
    expect(screen.getByRole('status')).toHaveTextContent(/^Backed up at \d\d:\d\d\.$/)
  })

  it('shows why a backup could not be made', async () => {
    const { backend } = await seeded()
    await openBackups(backend)
    await screen.findAllByTestId('backup-item')
    backend.failNext({ code: 'disk_full', message: 'The disk is full. Free some space and try again.' }, 'backupNow')
    await fireEvent.click(screen.getByTestId('backup-now'))
    expect(await screen.findByText('The disk is full. Free some space and try again.')).toBeInTheDocument()
    expect(screen.getAllByTestId('backup-item')).toHaveLength(2)
    expect(await backend.core.listBackups()).toHaveLength(2)
  })

  it('asks before restoring; Cancel does nothing', async () => {
    const { backend, older } = await seeded()
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
    expect(await backend.core.listPartnerships()).toHaveLength(2)
  })

  it('restores the chosen backup, says where the journal went, and reloads', async () => {
    const { backend, older } = await seeded()
    await openBackups(backend)
    const items = await screen.findAllByTestId('backup-item')
    await fireEvent.click(within(items[1]).getByRole('button', { name: /^Restore/ }))
    const dialog = await screen.findByTestId('restore-confirm')
    expect(backend.callsOf('journalInfo')).toBe(1)
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))

    const note = await screen.findByTestId('restored-note')
    expect(note).toHaveTextContent(`Your journal is back as it was on ${formatInstant(older.created_at)}.`)
    // The journal as it was (with Ben) was kept as the newest backup first.
    const [kept] = await backend.core.listBackups()
    expect(note).toHaveTextContent(`kept as a backup: ${kept.path}`)
    expect((await backend.core.listPartnerships()).map((o) => o.partnership.partner_name)).toEqual(['Zoë Okafor'])
    // Everything is loaded again from scratch.
    expect(backend.callsOf('journalInfo')).toBe(2)
    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    expect(screen.queryByTestId('restore-confirm')).toBeNull()
  })

  it('shows a failed restore in the confirmation and stays', async () => {
    const { backend, older } = await seeded()
    await openBackups(backend)
    backend.failNext({ code: 'io', message: 'The backup could not be read.' }, 'restoreBackup')
    const items = await screen.findAllByTestId('backup-item')
    await fireEvent.click(within(items[1]).getByRole('button', { name: /^Restore/ }))
    const dialog = await screen.findByTestId('restore-confirm')
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The backup could not be read.')
    expect(await backend.core.listPartnerships()).toHaveLength(2)
    expect(await backend.core.listBackups()).toHaveLength(2)
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))
    expect(await screen.findByTestId('restored-note')).toHaveTextContent(`Your journal is back as it was on ${formatInstant(older.created_at)}.`)
    expect(await backend.core.listPartnerships()).toHaveLength(1)
  })
})

describe('Backups screen: the folder and a copy elsewhere', () => {
  it('shows the backups folder and reveals it in the file manager', async () => {
    const { backend, newest } = await seeded()
    await openBackups(backend)
    const folder = await screen.findByTestId('backups-folder')
    expect(folder).toHaveTextContent(newest.path.slice(0, newest.path.lastIndexOf('/')))
    await fireEvent.click(within(folder).getByRole('button', { name: 'Show in folder' }))
    await waitFor(() => expect(backend.revealed).toEqual([newest.path]))
  })

  it('backs up to a file of the user’s choosing, outside the rotation, and a cancel does nothing', async () => {
    const { backend } = await seeded()
    await openBackups(backend)
    await screen.findAllByTestId('backup-item')
    backend.nextBackupPath = null
    await fireEvent.click(screen.getByTestId('backup-to'))
    await waitFor(() => expect(backend.callsOf('chooseBackupPath')).toBe(1))
    expect(backend.callsOf('backupTo')).toBe(0)

    const target = `${await backend.folder()}/usb-stick-copy.sqlite3`
    backend.nextBackupPath = target
    await fireEvent.click(screen.getByTestId('backup-to'))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Saved a copy of the journal to ${target}.`))
    // A copy elsewhere is not one of the rotated backups.
    expect((await backend.core.listBackups()).map((b) => b.path)).not.toContain(target)
    await fireEvent.click(screen.getByTestId('show-copy'))
    await waitFor(() => expect(backend.revealed).toEqual([target]))
  })

  it('says why when the copy cannot be written', async () => {
    const { backend } = await seeded()
    await openBackups(backend)
    await screen.findAllByTestId('backup-item')
    backend.nextBackupPath = `${await backend.folder()}/no-such-drive/copy.sqlite3`
    await fireEvent.click(screen.getByTestId('backup-to'))
    expect(await screen.findByRole('alert')).toHaveTextContent('no-such-drive')
  })
})
