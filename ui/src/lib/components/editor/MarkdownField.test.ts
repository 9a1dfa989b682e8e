import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../../backend/context'
import { MockBackend } from '../../backend/mock'
import MarkdownField from './MarkdownField.svelte'

function setup(value = '', backend = new MockBackend()) {
  const oninput = vi.fn()
  render(MarkdownField, { props: { id: 'notes', label: 'Notes', value, oninput }, context: backendContext(backend) })
  const textarea = screen.getByLabelText('Notes') as HTMLTextAreaElement
  return { backend, oninput, textarea }
}

describe('MarkdownField', () => {
  it('has a labelled toolbar whose buttons show their shortcuts', () => {
    setup()
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting: Notes' })
    expect(toolbar).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', 'Bold (Ctrl+B)')
    expect(screen.getByRole('button', { name: 'Numbered list' })).toHaveAttribute('title', 'Numbered list (Ctrl+Shift+7)')
    expect(screen.getByRole('button', { name: 'Checklist' })).toHaveAttribute('title', 'Checklist (Ctrl+Shift+9)')
    expect(screen.getByRole('button', { name: 'Link' })).toHaveAttribute('title', 'Link (Ctrl+Shift+K)')
    expect(screen.getByRole('button', { name: 'Quote' })).toHaveAttribute('title', 'Quote')
    // One tab stop for the whole toolbar; arrow keys move inside it.
    const buttons = toolbar.querySelectorAll('button')
    expect([...buttons].filter((b) => b.tabIndex === 0)).toHaveLength(1)
  })

  it('moves through the toolbar with the arrow keys', async () => {
    setup()
    const bold = screen.getByRole('button', { name: 'Bold' })
    bold.focus()
    await fireEvent.keyDown(bold, { key: 'ArrowRight' })
    expect(screen.getByRole('button', { name: 'Italic' })).toHaveFocus()
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' })
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' })
    expect(screen.getByRole('button', { name: 'Link' })).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Link' }).tabIndex).toBe(0)
  })

  it('bolds the selection from the toolbar and reports the change like typing', async () => {
    const { oninput, textarea } = setup('I really liked it')
    textarea.setSelectionRange(2, 8)
    await fireEvent.click(screen.getByRole('button', { name: 'Bold' }))
    expect(textarea.value).toBe('I **really** liked it')
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([4, 10])
    expect(oninput).toHaveBeenLastCalledWith('I **really** liked it')
    await fireEvent.click(screen.getByRole('button', { name: 'Bold' }))
    expect(textarea.value).toBe('I really liked it')
  })

  it('runs the keyboard shortcuts and leaves Ctrl+K to the search', async () => {
    const { textarea } = setup('one\ntwo')
    textarea.setSelectionRange(0, 7)
    await fireEvent.keyDown(textarea, { key: '&', code: 'Digit7', ctrlKey: true, shiftKey: true })
    expect(textarea.value).toBe('1. one\n2. two')
    await fireEvent.keyDown(textarea, { key: '(', code: 'Digit9', ctrlKey: true, shiftKey: true })
    expect(textarea.value).toBe('- [ ] one\n- [ ] two')
    textarea.setSelectionRange(6, 9)
    await fireEvent.keyDown(textarea, { key: 'i', code: 'KeyI', ctrlKey: true })
    expect(textarea.value).toBe('- [ ] _one_\n- [ ] two')
    const search = await fireEvent.keyDown(textarea, { key: 'k', code: 'KeyK', ctrlKey: true })
    expect(search).toBe(true) // not prevented: the window's search gets it
    expect(textarea.value).toBe('- [ ] _one_\n- [ ] two')
  })

  it('continues a list on Enter', async () => {
    const { textarea } = setup('- one')
    textarea.setSelectionRange(5, 5)
    await fireEvent.keyDown(textarea, { key: 'Enter' })
    expect(textarea.value).toBe('- one\n- ')
  })

  it('previews the text rendered by the backend', async () => {
    const { backend } = setup('**Hello** world')
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }))
    const preview = await screen.findByTestId('markdown-preview')
    await waitFor(() => expect(preview.querySelector('strong')).toHaveTextContent('Hello'))
    expect(backend.callsOf('renderMarkdown')).toBe(1)
    expect(screen.getByLabelText('Notes')).not.toBeVisible()
    expect(screen.getByRole('button', { name: 'Bold' })).toBeDisabled()
    await fireEvent.click(screen.getByRole('button', { name: 'Edit' }))
    expect(screen.queryByTestId('markdown-preview')).toBeNull()
    expect(screen.getByLabelText('Notes')).toBeVisible()
  })

  it('never runs HTML typed by the user: it shows as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>'
    setup(hostile)
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }))
    const preview = await screen.findByTestId('markdown-preview')
    await waitFor(() => expect(preview).toHaveTextContent('<img src=x onerror='))
    expect(preview.querySelector('img')).toBeNull()
    expect(preview.querySelector('script')).toBeNull()
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('says so when the preview cannot be made, and keeps the text', async () => {
    const backend = new MockBackend()
    backend.failNext({ message: 'The renderer is not available.' }, 'renderMarkdown')
    const { textarea } = setup('precious', backend)
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The renderer is not available.')
    expect(textarea.value).toBe('precious')
  })
})
