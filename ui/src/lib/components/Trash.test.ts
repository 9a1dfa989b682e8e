import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { FakeBackend } from '../../test/backend'
import { partnershipDraft, renderApp, sessionDraft } from '../../test/helpers'

async function seeded() {
  const backend = new FakeBackend()
  const { core } = backend
  const zoe = await core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  const ben = await core.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
  const s = await core.createSession(zoe.id, sessionDraft({ title: 'Feedback that lands', held_at: '2026-02-26T16:15:00' }))
  await core.moveToTrash('session', s.id)
  return { backend, zoe, ben, s }
}

async function openTrash(backend: FakeBackend) {
  renderApp(backend)
  await fireEvent.click(await screen.findByTestId('open-trash'))
  expect(await screen.findByRole('heading', { level: 1, name: 'Trash' })).toBeInTheDocument()
}

describe('Trash screen', () => {
  it('counts what is in the trash in the sidebar and lists it with kind, partner and when', async () => {
    const { backend } = await seeded()
    renderApp(backend)
    expect(await screen.findByTestId('trash-count')).toHaveTextContent('1')
    await fireEvent.click(screen.getByTestId('open-trash'))
    const [entry] = await screen.findAllByTestId('trash-entry')
    expect(entry).toHaveTextContent('Feedback that lands (26 Feb 2026)')
    expect(entry).toHaveTextContent('Session · with Zoë Okafor · deleted')
    expect(screen.getByTestId('open-trash')).toHaveAttribute('aria-current', 'page')
  })

  it('restores an entry, and a restored partnership comes back to the sidebar', async () => {
    const { backend, ben, s } = await seeded()
    await backend.core.moveToTrash('partnership', ben.id)
    await openTrash(backend)
    await waitFor(() => expect(screen.getAllByTestId('partnership-item')).toHaveLength(1))
    const entries = await screen.findAllByTestId('trash-entry')
    expect(entries).toHaveLength(2)
    const benEntry = entries.find((e) => within(e).queryByText('Ben Ito'))!
    expect(benEntry).toHaveTextContent('Partnership')
    await fireEvent.click(within(benEntry).getByRole('button', { name: 'Restore partnership: Ben Ito' }))
    await waitFor(() => expect(screen.getAllByTestId('partnership-item')).toHaveLength(2))
    expect(screen.getAllByTestId('trash-entry')).toHaveLength(1)
    expect(screen.getByRole('status')).toHaveTextContent('Back from the trash: Ben Ito.')
    expect((await backend.core.getPartnership(ben.id)).deleted_at).toBeUndefined()
    expect((await backend.core.listTrash()).map((e) => e.id)).toEqual([s.id])
    await waitFor(() => expect(screen.getByTestId('trash-count')).toHaveTextContent('1'))
  })

  it('empties the trash only after a confirmation', async () => {
    const { backend, s } = await seeded()
    await openTrash(backend)
    await screen.findAllByTestId('trash-entry')
    await fireEvent.click(screen.getByTestId('empty-trash'))
    const dialog = await screen.findByTestId('empty-confirm')
    expect(dialog).toHaveTextContent('Empty the trash?')
    expect(dialog).toHaveTextContent('The one thing in the trash')
    // Cancel keeps everything.
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByTestId('empty-confirm')).toBeNull()
    expect(backend.callsOf('emptyTrash')).toBe(0)
    expect(screen.getAllByTestId('trash-entry')).toHaveLength(1)

    await fireEvent.click(screen.getByTestId('empty-trash'))
    await fireEvent.click(await screen.findByTestId('empty-confirm-button'))
    expect(await screen.findByTestId('trash-empty')).toHaveTextContent('The trash is empty')
    expect(screen.getByRole('status')).toHaveTextContent('One thing was deleted for good.')
    await expect(backend.core.getSession(s.id)).rejects.toMatchObject({ code: 'not_found' })
    expect(screen.getByTestId('empty-trash')).toBeDisabled()
    await waitFor(() => expect(screen.queryByTestId('trash-count')).toBeNull())
  })

  it('keeps the entry and says why when restoring fails', async () => {
    const { backend } = await seeded()
    await openTrash(backend)
    const [entry] = await screen.findAllByTestId('trash-entry')
    backend.failNext({ code: 'busy', message: 'The journal is busy. Please try again.' }, 'restoreFromTrash')
    await fireEvent.click(within(entry).getByTestId('restore-entry'))
    expect(await screen.findByRole('alert')).toHaveTextContent('The journal is busy. Please try again.')
    expect(screen.getAllByTestId('trash-entry')).toHaveLength(1)
  })
})
