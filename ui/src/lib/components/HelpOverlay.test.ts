import { fireEvent, render, screen, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { shortcutGroups } from '../shortcuts'
import HelpOverlay from './HelpOverlay.svelte'

describe('HelpOverlay', () => {
  it('lists every shortcut, the editor formatting ones included', async () => {
    const onclose = vi.fn()
    render(HelpOverlay, { props: { onclose } })
    const dialog = screen.getByRole('dialog', { name: 'Help' })
    expect(within(dialog).getByRole('tab', { name: 'Keyboard shortcuts' })).toHaveAttribute('aria-selected', 'true')
    const rows = within(dialog).getAllByTestId('shortcut')
    const all = shortcutGroups().flatMap((g) => g.shortcuts)
    expect(rows).toHaveLength(all.length)
    const text = (label: string) => rows.find((r) => r.querySelector('dd')?.textContent === label)?.querySelector('dt')?.textContent
    expect(text('New session')).toBe('Ctrl+N')
    expect(text('Search the journal')).toBe('Ctrl+K or Ctrl+F')
    expect(text('New goal')).toBe('Ctrl+Shift+G')
    expect(text('Export the progress report (PDF)')).toBe('Ctrl+P')
    expect(text('Show these keyboard shortcuts')).toBe('? or F1')
    expect(text('Bold')).toBe('Ctrl+B')
    expect(text('Italic')).toBe('Ctrl+I')
    expect(text('Numbered list')).toBe('Ctrl+Shift+7')
    expect(text('Bullet list')).toBe('Ctrl+Shift+8')
    expect(text('Checklist')).toBe('Ctrl+Shift+9')
    expect(text('Go to the newest or the oldest session')).toBe('Home or End')
    await fireEvent.keyDown(window, { key: 'Escape' })
    expect(onclose).toHaveBeenCalledTimes(1)
  })
  it('says where the journal lives, what is kept and shared, and the command line; the theme is chosen there', async () => {
    render(HelpOverlay, { props: { onclose: vi.fn(), journalPath: '/home/ana/.local/share/tandem/journal.sqlite3' } })
    const tab = screen.getByRole('tab', { name: 'Your journal' })
    await fireEvent.click(tab)
    expect(tab).toHaveAttribute('aria-selected', 'true')
    const panel = screen.getByRole('tabpanel', { name: 'Your journal' })
    expect(panel).toHaveTextContent('/home/ana/.local/share/tandem/journal.sqlite3')
    expect(panel).toHaveTextContent('never connects to the network')
    expect(panel).toHaveTextContent('tandem backup --out')
    // Issue 16: what a private session puts in a report, action items included.
    expect(panel).toHaveTextContent('a private session shows only its date, length and action items')
    expect(panel).toHaveTextContent('named by the session’s date, never its title')
    expect(panel).toHaveTextContent('use “Back up to…” there')
    expect(within(panel).getByRole('radio', { name: 'As the system' })).toBeChecked()
    await fireEvent.click(within(panel).getByRole('radio', { name: 'Dark' }))
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(localStorage.getItem('tandem.theme')).toBe('dark')
    // Arrow keys move between the tabs.
    await fireEvent.keyDown(tab, { key: 'ArrowLeft' })
    expect(screen.getByRole('tab', { name: 'Keyboard shortcuts' })).toHaveAttribute('aria-selected', 'true')
  })
})
