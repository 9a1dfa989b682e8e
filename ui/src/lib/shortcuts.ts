export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

/** "Ctrl+N" or "⌘N" */
export function shortcutLabel(key: string): string {
  return isMac() ? `⌘${key}` : `Ctrl+${key}`
}

/** Ctrl+<key> (Cmd+<key> on macOS), without Shift or Alt. */
export function isShortcut(event: KeyboardEvent, key: string): boolean {
  const mod = isMac() ? event.metaKey : event.ctrlKey || event.metaKey
  return mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === key.toLowerCase()
}
