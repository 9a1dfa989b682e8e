import { fireEvent, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FakeBackend } from '../../test/backend'
import { dateOf, enterDate, inputById, partnershipDraft, renderApp, settle } from '../../test/helpers'

afterEach(() => {
  vi.useRealTimers()
})

describe('New partnership form', () => {
  it('shows the required-name error next to the field and keeps everything typed', async () => {
    const user = userEvent.setup()
    const { backend } = renderApp()
    await user.click(await screen.findByTestId('start-partnership'))
    await screen.findByTestId('create-partnership') // the form loads on demand

    expect(dateOf(inputById('started-on'))).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await user.type(inputById('partner-org'), 'Northwind Analytics')
    await user.type(inputById('my-name'), 'Margaret Hale')
    await user.selectOptions(inputById<HTMLSelectElement>('my-role'), 'mentee')
    await user.type(inputById('objectives'), 'Learn how Gen Z uses AI tools')
    await user.type(inputById('partner-name'), '   ')
    await user.click(screen.getByTestId('create-partnership'))

    const name = inputById('partner-name')
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    const errorId = name.getAttribute('aria-describedby')!
    expect(document.getElementById(errorId)).toHaveTextContent("The partner's name cannot be empty.")
    // The message sits in the partner-name field, not somewhere else.
    expect(name.closest('.field')).toContainElement(document.getElementById(errorId))
    expect(name).toHaveValue('   ')
    expect(inputById('partner-org')).toHaveValue('Northwind Analytics')
    expect(inputById('my-name')).toHaveValue('Margaret Hale')
    expect(inputById('my-role')).toHaveValue('mentee')
    expect(inputById('objectives')).toHaveValue('Learn how Gen Z uses AI tools')
    expect(await backend.core.listPartnerships()).toHaveLength(0)

    await user.clear(name)
    await user.type(name, 'Zoë Okafor')
    await user.selectOptions(inputById<HTMLSelectElement>('cadence'), 'Every week')
    await user.clear(inputById('session-minutes'))
    await user.type(inputById('session-minutes'), '30')
    await user.click(screen.getByTestId('create-partnership'))

    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Okafor' })).toBeInTheDocument()
    const [{ partnership: created }] = await backend.core.listPartnerships()
    expect(created).toMatchObject({
      partner_name: 'Zoë Okafor',
      partner_org: 'Northwind Analytics',
      my_name: 'Margaret Hale',
      my_role: 'mentee',
      kind: 'reverse',
      agreement: { objectives: 'Learn how Gen Z uses AI tools', cadence_days: 7, session_minutes: 30 },
    })
    await fireEvent.click(screen.getByRole('tab', { name: /Agreement/ }))
    expect(await screen.findByTestId('agreement')).toHaveTextContent('Every week · 30 min')
    expect(screen.getAllByTestId('partnership-item')[0]).toHaveTextContent('Zoë Okafor')
  })

  it('shows an error without a field at the top and keeps the form', async () => {
    const user = userEvent.setup()
    const backend = new FakeBackend()
    backend.failNext({ code: 'disk_full', message: 'The journal could not be written. Is the disk full?' }, 'createPartnership')
    renderApp(backend)
    await user.click(await screen.findByTestId('start-partnership'))
    await user.type(inputById('partner-name'), 'Zoë')
    await user.click(screen.getByTestId('create-partnership'))
    expect(await screen.findByRole('alert')).toHaveTextContent('The journal could not be written. Is the disk full?')
    expect(inputById('partner-name')).toHaveValue('Zoë')
  })

  it('edits a partnership by saving as you type, then returns with Done', async () => {
    const backend = new FakeBackend()
    await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    renderApp(backend)
    await fireEvent.click(await screen.findByTestId('edit-partnership'))
    await waitFor(() => expect(inputById('partner-name')).toHaveValue('Zoë Okafor'))

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await fireEvent.input(inputById('boundaries'), { target: { value: 'Thursdays after 4pm' } })
    await vi.advanceTimersByTimeAsync(599)
    await settle()
    expect(backend.callsOf('updatePartnership')).toBe(0)
    expect(screen.getByTestId('save-status')).toHaveTextContent('Saving…')
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(backend.callsOf('updatePartnership')).toBe(1)
    expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved \d\d:\d\d$/)

    // An invalid end date: the error is shown, the value stays as typed.
    await enterDate(inputById('ended-on'), '2025-01-01')
    await vi.advanceTimersByTimeAsync(600)
    await settle()
    expect(screen.getByTestId('save-status')).toHaveTextContent('The end date (1 Jan 2025) is before the start date (12 Jan 2026).')
    expect(inputById('ended-on')).toHaveAttribute('aria-invalid', 'true')
    expect(dateOf(inputById('ended-on'))).toBe('2025-01-01')
    await enterDate(inputById('ended-on'), '')
    await vi.advanceTimersByTimeAsync(600)
    await settle()
    expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved/)
    vi.useRealTimers()

    await fireEvent.click(screen.getByTestId('done'))
    await fireEvent.click(await screen.findByRole('tab', { name: /Agreement/ }))
    const agreement = await screen.findByTestId('agreement')
    // The preview is the core's Markdown, rendered on its way back.
    await waitFor(() => expect(agreement).toHaveTextContent('Thursdays after 4pm'))
  })

  it('issue 17: the agreement is private until shared with the partner, and the choice is saved', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    renderApp(backend)
    await fireEvent.click(await screen.findByTestId('edit-partnership'))
    await waitFor(() => expect(inputById('partner-name')).toHaveValue('Zoë Okafor'))

    const toggle = screen.getByRole('switch', { name: 'Private' })
    expect(toggle).not.toBeChecked()
    // The switch sits in the agreement's card, above its first field.
    const card = toggle.closest('section')!
    expect(card).toHaveAccessibleName('Your agreement')
    expect(toggle.compareDocumentPosition(inputById('objectives')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    await fireEvent.click(toggle)
    expect(screen.getByRole('switch', { name: 'Shared with Zoë' })).toBeChecked()
    expect(screen.getByTestId('agreement-shared-hint')).toHaveTextContent('Zoë sees it in the next bundle you send')
    await waitFor(async () => expect((await backend.core.getPartnership(p.id)).agreement.visibility).toBe('shared'))
    // Other edits keep it shared.
    await fireEvent.input(inputById('boundaries'), { target: { value: 'Weekdays only' } })
    await waitFor(async () => expect((await backend.core.getPartnership(p.id)).agreement.boundaries).toBe('Weekdays only'))
    expect((await backend.core.getPartnership(p.id)).agreement.visibility).toBe('shared')
  })

  it('issue 17: a new partnership’s agreement can be shared from the start', async () => {
    const user = userEvent.setup()
    const { backend } = renderApp()
    await user.click(await screen.findByTestId('start-partnership'))
    await screen.findByTestId('create-partnership')
    await user.type(inputById('partner-name'), 'Ana Ferreira')
    await user.click(screen.getByRole('switch', { name: 'Private' }))
    expect(screen.getByRole('switch', { name: 'Shared with Ana' })).toBeChecked()
    await user.click(screen.getByTestId('create-partnership'))
    await screen.findByRole('heading', { level: 1, name: 'Ana Ferreira' })
    const [{ partnership }] = await backend.core.listPartnerships()
    expect(partnership.agreement.visibility).toBe('shared')
  })
})
