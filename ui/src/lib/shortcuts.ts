export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

/** "Ctrl+N" or "⌘N"; `shift` gives "Ctrl+Shift+G" or "⇧⌘G". */
export function shortcutLabel(key: string, shift = false): string {
  if (isMac()) return `${shift ? '⇧' : ''}⌘${key}`
  return `Ctrl+${shift ? 'Shift+' : ''}${key}`
}

function modifier(event: KeyboardEvent): boolean {
  return isMac() ? event.metaKey : event.ctrlKey || event.metaKey
}

/** Ctrl+<key> (Cmd+<key> on macOS), without Shift or Alt. */
export function isShortcut(event: KeyboardEvent, key: string): boolean {
  return modifier(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === key.toLowerCase()
}

/** Ctrl+Shift+<key> (Shift+Cmd+<key> on macOS), without Alt. */
export function isShiftShortcut(event: KeyboardEvent, key: string): boolean {
  return modifier(event) && event.shiftKey && !event.altKey && event.key.toLowerCase() === key.toLowerCase()
}

/** The focus is in a place where typing means text (so Ctrl+Z, "?" belong to it). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(target.type)
  }
  return target.closest('[contenteditable="true"], [role="textbox"]') !== null
}

export interface Shortcut {
  /** The keys as shown, one label per alternative ("Ctrl+K", "Ctrl+F"). */
  keys: string[]
  /** What it does, as a sentence fragment. */
  action: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: Shortcut[]
}

/**
 * Every keyboard shortcut of the app, for the help overlay. The window's handler (App.svelte)
 * and the editors implement them; this is the one list people read.
 */
export function shortcutGroups(): ShortcutGroup[] {
  return [
    {
      title: 'Everywhere',
      shortcuts: [
        { keys: [shortcutLabel('K'), shortcutLabel('F')], action: 'Search the journal' },
        { keys: ['?', 'F1'], action: 'Show these keyboard shortcuts' },
        { keys: [shortcutLabel('Z')], action: 'Undo a move to the trash (while its notice shows)' },
        { keys: ['Esc'], action: 'Close a dialog or the search' },
      ],
    },
    {
      title: 'In a partnership',
      shortcuts: [
        { keys: [shortcutLabel('N')], action: 'New session' },
        { keys: [shortcutLabel('G', true)], action: 'New goal' },
        { keys: [shortcutLabel('P')], action: 'Export the progress report (PDF)' },
      ],
    },
    {
      title: 'In the session list',
      shortcuts: [
        { keys: ['↑', '↓'], action: 'Move through the sessions' },
        { keys: ['Page Up', 'Page Down'], action: 'Move a screenful up or down' },
        { keys: ['Home', 'End'], action: 'Go to the newest or the oldest session' },
        { keys: ['Enter'], action: 'Open the session' },
      ],
    },
    {
      title: 'In the search',
      shortcuts: [
        { keys: ['↑', '↓'], action: 'Move through the results' },
        { keys: ['Enter'], action: 'Open the result' },
      ],
    },
    {
      title: 'Writing notes',
      shortcuts: [
        { keys: [shortcutLabel('B')], action: 'Bold' },
        { keys: [shortcutLabel('I')], action: 'Italic' },
        { keys: [shortcutLabel('7', true)], action: 'Numbered list' },
        { keys: [shortcutLabel('8', true)], action: 'Bullet list' },
        { keys: [shortcutLabel('9', true)], action: 'Checklist' },
        { keys: [shortcutLabel('K', true)], action: 'Link' },
        { keys: ['Shift+Enter'], action: 'Line break (Enter starts a new paragraph)' },
        { keys: ['E'], action: 'Edit the past session being read' },
      ],
    },
  ]
}
