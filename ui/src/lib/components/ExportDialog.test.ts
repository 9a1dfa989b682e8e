import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { mkdir, stat } from 'node:fs/promises'
import { FakeBackend } from '../../test/backend'
import { formatSize, isoDate } from '../format'
import { dateOf, enterDate, inputById, partnershipDraft, renderApp, sessionDraft } from '../../test/helpers'

const today = () => isoDate(new Date())
const fileName = () => `Tandem – Zoë Okafor – ${today()}.pdf`

async function openPartnership(backend = new FakeBackend(), overrides = {}) {
  const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor', started_on: '2026-01-12', ...overrides }))
  await backend.core.createSession(p.id, sessionDraft())
  renderApp(backend)
  await screen.findByTestId('export-pdf')
  return { backend, partnershipId: p.id }
}

async function openDialog() {
  await fireEvent.click(screen.getByTestId('export-pdf'))
  return screen.findByTestId('export-dialog')
}

describe('Export dialog', () => {
  it('opens with Ctrl+P on a partnership page, with sensible defaults', async () => {
    await openPartnership()
    const event = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true })
    window.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    const dialog = await screen.findByTestId('export-dialog')
    expect(dialog).toHaveAttribute('role', 'dialog')
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleName('Export a progress report')
    expect(dialog).toHaveTextContent('A PDF of this partnership to keep, bring to a review, or share.')
    expect(dateOf(inputById('report-from'))).toBe('2026-01-12')
    expect(dateOf(inputById('report-to'))).toBe(today())
    expect(inputById('report-include-private')).not.toBeChecked()
    expect(dialog).toHaveTextContent(/private notes never leave this computer/)
    expect(within(dialog).getByRole('button', { name: 'Whole partnership' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByTestId('export-save')).toHaveFocus()
  })

  it('opens with Ctrl+P from a session, but not where no partnership is open', async () => {
    const backend = new FakeBackend()
    await openPartnership(backend)
    await fireEvent.click(screen.getByTestId('open-backups'))
    await screen.findByRole('heading', { level: 1, name: 'Backups' })
    await fireEvent.keyDown(window, { key: 'p', ctrlKey: true })
    expect(backend.callsOf('getPartnership')).toBe(1)
    expect(screen.queryByTestId('export-dialog')).toBeNull()

    await fireEvent.click(screen.getAllByTestId('partnership-item')[0])
    await fireEvent.click(await screen.findByRole('tab', { name: /Sessions/ }))
    await fireEvent.click(await screen.findAllByTestId('session-item').then((items) => items[0]))
    // A past session: its reading page (Ctrl+P works there as in the editor).
    await waitFor(() => expect(document.getElementById('session-title') ?? document.getElementById('reading-title')).not.toBeNull())
    await fireEvent.keyDown(window, { key: 'p', ctrlKey: true })
    expect(await screen.findByTestId('export-dialog')).toBeInTheDocument()
  })

  it('uses the end date of an ended partnership, and offers quick choices', async () => {
    await openPartnership(new FakeBackend(), { started_on: '2025-03-03', ended_on: '2025-12-15' })
    const dialog = await openDialog()
    expect(dateOf(inputById('report-from'))).toBe('2025-03-03')
    expect(dateOf(inputById('report-to'))).toBe('2025-12-15')
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Last 3 months' }))
    expect(dateOf(inputById('report-from'))).toBe('2025-09-15')
    expect(dateOf(inputById('report-to'))).toBe('2025-12-15')
    expect(within(dialog).getByRole('button', { name: 'Last 3 months' })).toHaveAttribute('aria-pressed', 'true')
    // It ended before this year: "This year" would be empty.
    expect(within(dialog).queryByRole('button', { name: 'This year' })).toBeNull()
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Whole partnership' }))
    expect(dateOf(inputById('report-from'))).toBe('2025-03-03')
  })

  it('closes with Escape and gives focus back to the button that opened it', async () => {
    await openPartnership()
    const button = screen.getByTestId('export-pdf')
    button.focus()
    await openDialog()
    expect(button).not.toHaveFocus()
    await fireEvent.keyDown(window, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull())
    expect(button).toHaveFocus()
  })

  it('keeps keyboard focus inside the dialog', async () => {
    await openPartnership()
    const dialog = await openDialog()
    const save = screen.getByTestId('export-save')
    expect(save).toHaveFocus()
    // Save is the last control: Tab wraps to the first.
    await fireEvent.keyDown(window, { key: 'Tab' })
    expect(within(dialog).getByRole('button', { name: 'Whole partnership' })).toHaveFocus()
    await fireEvent.keyDown(window, { key: 'Tab', shiftKey: true })
    expect(save).toHaveFocus()
    // Ctrl+N behind the dialog does nothing.
    await fireEvent.keyDown(window, { key: 'n', ctrlKey: true })
    expect(document.getElementById('session-title')).toBeNull()
  })

  it('does nothing when the save dialog is cancelled', async () => {
    const { backend } = await openPartnership()
    backend.nextReportPath = null
    await openDialog()
    await fireEvent.click(screen.getByTestId('export-save'))
    await waitFor(() => expect(backend.callsOf('chooseReportPath')).toBe(1))
    expect(backend.reportNames).toEqual([fileName()])
    expect(backend.callsOf('exportReport')).toBe(0)
    expect(screen.getByTestId('export-dialog')).toBeInTheDocument()
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(screen.queryByTestId('export-error')).toBeNull()
    expect(screen.getByTestId('export-save')).toBeEnabled()
  })

  it('shows progress, then the saved file, and opens it', async () => {
    const { backend, partnershipId } = await openPartnership()
    const release = backend.hold('exportReport')
    await openDialog()
    await fireEvent.click(inputById('report-include-private'))
    await fireEvent.click(screen.getByTestId('export-save'))

    const bar = await screen.findByRole('progressbar')
    expect(bar).toHaveAttribute('aria-valuenow', '0')
    expect(bar).toHaveAttribute('aria-valuetext', 'Starting')
    expect(screen.getByText('Making the report…')).toBeInTheDocument()
    expect(screen.getByTestId('export-save')).toBeDisabled()
    expect(inputById('report-from')).toBeDisabled()
    release()

    const saved = await screen.findByTestId('export-saved')
    const path = `${await backend.folder()}/${fileName()}`
    const { size } = await stat(path)
    expect(saved).toHaveTextContent(new RegExp(`^Saved ${fileName()} \\(\\d+ pages, ${formatSize(size)}\\)$`))
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(backend.exports).toEqual([
      {
        options: { partnership_id: partnershipId, from: '2026-01-12', to: today(), include_private: true, include_partner: false },
        path,
      },
    ])
    expect(screen.getByTestId('export-open')).toHaveFocus()
    await fireEvent.click(screen.getByTestId('export-open'))
    await waitFor(() => expect(backend.opened).toEqual([path]))
    await fireEvent.click(screen.getByRole('button', { name: 'Show in folder' }))
    await waitFor(() => expect(backend.revealed).toEqual([path]))
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull())
  })

  it('does not let the period end before it starts', async () => {
    const { backend } = await openPartnership()
    await openDialog()
    await enterDate(inputById('report-from'), '2026-05-01')
    await enterDate(inputById('report-to'), '2026-02-01')
    expect(screen.getByTestId('export-save')).toBeDisabled()
    expect(screen.getByTestId('export-period-error')).toHaveTextContent('The period ends before it starts')
    expect(inputById('report-to')).toHaveAttribute('aria-invalid', 'true')
    await fireEvent.submit(screen.getByTestId('export-save').closest('form')!)
    expect(backend.callsOf('chooseReportPath')).toBe(0)

    await enterDate(inputById('report-to'), '2026-06-01')
    expect(screen.getByTestId('export-save')).toBeEnabled()
    expect(screen.queryByTestId('export-period-error')).toBeNull()
  })

  it('shows a backend error in the dialog, keeps the options, and can try again', async () => {
    const { backend } = await openPartnership()
    // A folder that is not there (a USB stick not plugged in): the core cannot write the report.
    const usb = `${await backend.folder()}/usb`
    backend.nextReportPath = `${usb}/report.pdf`
    await openDialog()
    await enterDate(inputById('report-from'), '2026-02-01')
    await fireEvent.click(inputById('report-include-private'))
    await fireEvent.click(screen.getByTestId('export-save'))

    const error = await screen.findByTestId('export-error')
    expect(error).toHaveTextContent(`Could not use the file ${usb}/report.pdf:`)
    expect(screen.getByTestId('export-dialog')).toBeInTheDocument()
    expect(dateOf(inputById('report-from'))).toBe('2026-02-01')
    expect(dateOf(inputById('report-to'))).toBe(today())
    expect(inputById('report-include-private')).toBeChecked()
    expect(screen.getByTestId('export-save')).toBeEnabled()
    expect(backend.exports).toHaveLength(0)
    expect(screen.getByTestId('export-retry')).toHaveFocus()

    await mkdir(usb)
    await fireEvent.click(screen.getByTestId('export-retry'))
    expect(await screen.findByTestId('export-saved')).toHaveTextContent('Saved report.pdf')
    expect(backend.callsOf('chooseReportPath')).toBe(1)
    expect(backend.exports[0]).toMatchObject({ path: `${usb}/report.pdf`, options: { from: '2026-02-01', include_private: true } })
    expect((await stat(`${usb}/report.pdf`)).size).toBeGreaterThan(0)
  })

  it('marks the date the core refused', async () => {
    const { backend } = await openPartnership()
    // The dates change while the save dialog is up: the core refuses the reversed period.
    const release = backend.hold('chooseReportPath')
    await openDialog()
    await fireEvent.click(screen.getByTestId('export-save'))
    await waitFor(() => expect(backend.callsOf('chooseReportPath')).toBe(1))
    await enterDate(inputById('report-from'), '2026-05-01')
    await enterDate(inputById('report-to'), '2026-02-01')
    release()
    expect(await screen.findByTestId('export-error')).toHaveTextContent(
      "The report's period ends (1 Feb 2026) before it starts (1 May 2026). Choose an end date on or after the start date.",
    )
    expect(inputById('report-to')).toHaveAttribute('aria-invalid', 'true')
    expect(inputById('report-to')).toHaveFocus()
    expect(screen.queryByTestId('export-retry')).toBeNull()
    expect(backend.exports).toHaveLength(0)
  })

  // Issue 16: a first report of private sessions had no notes and no action items, and
  // nothing said so before it was made. The dialog shows what the PDF will hold, from the
  // core's preview, again whenever an option changes.
  it('previews what the PDF will hold, and follows the options', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor', started_on: '2026-01-12' }))
    const session = await backend.core.createSession(p.id, sessionDraft())
    await backend.core.createActionItem(session.id, { text: 'Send the prompt library', owner: 'partner', due_on: null, done: false })
    renderApp(backend)
    await screen.findByTestId('export-pdf')
    await openDialog()
    const holds = await screen.findByTestId('export-holds')
    await waitFor(() => expect(holds).toHaveTextContent('Sessions – 1 session: 1 private by date, length and action items only; 1 action item'))
    expect(holds).toHaveTextContent('The agreement – Nothing written down yet')
    const leftOut = screen.getByTestId('export-left-out')
    expect(leftOut).toHaveTextContent(
      '1 private session: its title, topics and notes are left out (its date and action items are in). Tick “Include private notes” to include it.',
    )
    expect(leftOut).toHaveTextContent('Goals: none set yet')
    const asked = backend.callsOf('reportPreview')

    await fireEvent.click(inputById('report-include-private'))
    await waitFor(() => expect(screen.getByTestId('export-holds')).toHaveTextContent('1 session: 1 private with its notes; 1 action item'))
    expect(screen.getByTestId('export-left-out')).not.toHaveTextContent('private session')
    expect(backend.callsOf('reportPreview')).toBe(asked + 1)

    // A period after the session: none in it.
    await enterDate(inputById('report-from'), '2026-04-01')
    await waitFor(() => expect(screen.getByTestId('export-holds')).toHaveTextContent('Sessions – No sessions in this period'))
    // A reversed period: no preview, the error instead.
    await enterDate(inputById('report-to'), '2026-03-01')
    await waitFor(() => expect(screen.queryByTestId('export-holds')).toBeNull())
    expect(screen.getByTestId('export-preview')).toHaveTextContent('Choose a period to see what the report will hold.')
  })

  it('offers nothing of the partner’s when nothing was received from them', async () => {
    await openPartnership()
    await openDialog()
    await screen.findByTestId('export-holds')
    expect(screen.queryByTestId('report-include-partner')).toBeNull()
  })

  it('adds what Zoë shared through exchange, in a section of its own, when asked', async () => {
    // Henrik's journal, Zoë's bundle received (the core's scratch journal "paired").
    const backend = new FakeBackend({ journal: 'paired' })
    renderApp(backend)
    await screen.findByTestId('export-pdf')
    await openDialog()
    const box = await screen.findByTestId('report-include-partner')
    expect(box).not.toBeChecked()
    expect(screen.getByText(/Include what Zoë shared with you/)).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByTestId('export-left-out')).toHaveTextContent(
        'What Zoë Okafor shared with you through exchange is left out unless you include it.',
      ),
    )
    expect(screen.getByTestId('export-holds')).not.toHaveTextContent('Shared by Zoë')
    await fireEvent.click(box)
    await waitFor(() => expect(screen.getByTestId('export-holds')).toHaveTextContent(/Shared by Zoë Okafor – .*as Zoë Okafor shared them on/))
  })

  it('explains private and shared the first time it opens, and again on request', async () => {
    localStorage.clear()
    await openPartnership()
    let dialog = await openDialog()
    const explainer = within(dialog).getByTestId('export-explainer')
    expect(explainer).toHaveTextContent('Every session starts private.')
    expect(explainer).toHaveTextContent('a private session shows only its date, length and action items')
    expect(explainer).toHaveTextContent('Tick “Shared with Zoë” on a session to put its notes in.')
    await fireEvent.click(within(explainer).getByRole('button', { name: 'Got it' }))
    expect(within(dialog).queryByTestId('export-explainer')).toBeNull()
    await fireEvent.keyDown(window, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull())

    // Seen once: not again by itself, only when asked for.
    dialog = await openDialog()
    expect(within(dialog).queryByTestId('export-explainer')).toBeNull()
    await fireEvent.click(within(dialog).getByTestId('export-explain'))
    expect(within(dialog).getByTestId('export-explainer')).toHaveTextContent('Every session starts private.')
  })
})
