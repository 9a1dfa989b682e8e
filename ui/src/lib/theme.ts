/**
 * The colour theme: the system's (the default), light or dark. The choice is this
 * computer's (kept by the web view, not in the journal, which may be opened elsewhere);
 * the page shows it as `data-theme="light|dark"` on the root, which app.css keys on.
 */
export type ThemeChoice = 'system' | 'light' | 'dark'

const KEY = 'tandem.theme'
let stopWatching: (() => void) | null = null

export function themeChoice(): ThemeChoice {
  let stored: string | null = null
  try {
    stored = localStorage.getItem(KEY)
  } catch {
    // Storage refused (a locked-down web view): the system's theme.
  }
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

/** Applies a choice now and, for "system", whenever the system's theme changes. */
export function applyTheme(choice: ThemeChoice = themeChoice(), root: HTMLElement = document.documentElement): void {
  stopWatching?.()
  stopWatching = null
  if (choice !== 'system') {
    root.dataset.theme = choice
    return
  }
  const query = window.matchMedia?.('(prefers-color-scheme: dark)')
  const set = () => (root.dataset.theme = query?.matches ? 'dark' : 'light')
  set()
  query?.addEventListener('change', set)
  stopWatching = () => query?.removeEventListener('change', set)
}

/** Keeps a choice for next time and applies it. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, choice)
  } catch {
    // Not kept: it still applies until the window closes.
  }
  applyTheme(choice)
}
