import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import type { Editor } from '@tiptap/core'
import { describe, expect, it, vi } from 'vitest'
import sample from '../../../../../assets/sample-journal.json'
import MarkdownField from './MarkdownField.svelte'

async function setup(value = '', extra: Record<string, unknown> = {}) {
  const oninput = vi.fn()
  const view = render(MarkdownField, {
    props: { id: 'notes', label: 'Notes', value, oninput, placeholder: 'What you talked about', ...extra },
  })
  const editable = await screen.findByRole('textbox', { name: 'Notes' })
  return { oninput, editable, view }
}

/** Types at the end through the editor TipTap hangs on its element (jsdom cannot type). */
function insert(editable: HTMLElement, text: string) {
  const editor = (editable as HTMLElement & { editor: Editor }).editor
  editor.chain().focus('end').insertContent(text).run()
}

describe('MarkdownField', () => {
  it('is a labelled, multi-line text box with a labelled toolbar', async () => {
    const { editable } = await setup('', { invalid: true, hint: 'Only for you' })
    expect(editable).toHaveAttribute('aria-multiline', 'true')
    expect(editable).toHaveAttribute('aria-invalid', 'true')
    expect(editable).toHaveAttribute('id', 'notes')
    expect(editable).toHaveAccessibleDescription('Only for you')
    expect(editable).toHaveAttribute('contenteditable', 'true')
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting: Notes' })
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', 'Bold (Ctrl+B)')
    expect(screen.getByRole('button', { name: 'Link' })).toHaveAttribute('title', 'Link (Ctrl+Shift+K)')
    expect([...toolbar.querySelectorAll('button')].filter((b) => b.tabIndex === 0)).toHaveLength(1)
    expect(screen.getByText('What you talked about')).toBeInTheDocument()
  })

  it('moves through the toolbar with the arrow keys', async () => {
    await setup()
    const bold = screen.getByRole('button', { name: 'Bold' })
    bold.focus()
    await fireEvent.keyDown(bold, { key: 'ArrowRight' })
    expect(screen.getByRole('button', { name: 'Italic' })).toHaveFocus()
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' })
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' })
    expect(screen.getByRole('button', { name: 'Link' })).toHaveFocus()
  })

  it('reports nothing when a note is only opened, whatever its Markdown looks like', async () => {
    const notes = sample.sessions.map((s) => s.notes).filter((n) => n !== '')
    for (const note of [...notes, '<b>raw</b>\n- a\n* b', '__old__ style\\\nbreak']) {
      const { oninput, view } = await setup(note)
      await new Promise((r) => setTimeout(r, 0))
      expect(oninput).not.toHaveBeenCalled()
      view.unmount()
    }
  })

  it('writes Markdown after a change, and tells the form as typing would', async () => {
    const form = vi.fn()
    document.addEventListener('input', form)
    const { oninput, editable } = await setup('Hello')
    insert(editable, ' world')
    await waitFor(() => expect(oninput).toHaveBeenLastCalledWith('Hello world'))
    expect(form).toHaveBeenCalled()
    document.removeEventListener('input', form)
  })

  it('formats from the toolbar, shows it pressed, and undoes it', async () => {
    const { oninput, editable } = await setup('Hello')
    editable.focus()
    await fireEvent.click(screen.getByRole('button', { name: 'Heading' }))
    await waitFor(() => expect(oninput).toHaveBeenLastCalledWith('## Hello'))
    expect(screen.getByRole('button', { name: 'Heading' })).toHaveAttribute('aria-pressed', 'true')
    await fireEvent.keyDown(editable, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(oninput).toHaveBeenLastCalledWith('Hello'))
  })

  it('asks for a link address in the field, not in a dialog', async () => {
    const { oninput, editable } = await setup('')
    editable.focus()
    await fireEvent.click(screen.getByRole('button', { name: 'Link' }))
    const address = screen.getByLabelText('Link to')
    expect(address).toHaveFocus()
    await fireEvent.input(address, { target: { value: 'javascript:alert(1)' } })
    await fireEvent.keyDown(address, { key: 'Enter' })
    expect(screen.getByRole('alert')).toHaveTextContent('web address')
    await fireEvent.input(address, { target: { value: 'example.org' } })
    await fireEvent.keyDown(address, { key: 'Enter' })
    await waitFor(() => expect(oninput).toHaveBeenLastCalledWith('[example.org](https://example.org)'))
    expect(screen.queryByLabelText('Link to')).toBeNull()
  })

  it('shows the Markdown source for those who prefer it, right to left where it is', async () => {
    const { oninput, editable } = await setup('**bold** مرحبا')
    expect(editable.querySelector('strong')).toHaveTextContent('bold')
    await fireEvent.click(screen.getByRole('button', { name: 'Markdown' }))
    const source = screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement
    expect(source.tagName).toBe('TEXTAREA')
    expect(source.value).toBe('**bold** مرحبا')
    expect(source).toHaveAttribute('dir', 'auto')
    expect(screen.getByRole('button', { name: 'Bold' })).toBeDisabled()
    await fireEvent.input(source, { target: { value: '**bold** and _more_' } })
    expect(oninput).toHaveBeenLastCalledWith('**bold** and _more_')
    await fireEvent.click(screen.getByRole('button', { name: 'Formatted' }))
    const back = screen.getByRole('textbox', { name: 'Notes' })
    expect(back.querySelector('em')).toHaveTextContent('more')
  })

  it('shows a new value from outside without reporting it back', async () => {
    const { oninput, editable, view } = await setup('first')
    await view.rerender({ value: 'second *note*' })
    await waitFor(() => expect(editable.querySelector('em')).toHaveTextContent('note'))
    expect(oninput).not.toHaveBeenCalled()
  })
})
