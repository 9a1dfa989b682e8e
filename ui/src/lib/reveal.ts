/**
 * Showing the thing a search result found: once the screen it opens has drawn it, the
 * element marked `data-reveal="<id>"` is scrolled into view, highlighted for a moment and
 * given the focus (so a screen reader reads it too). Screens that must first choose what
 * to show (the SWOT board's snapshot and view) read the request with `revealRequest`.
 */
import type { ItemKind } from './generated/types'

export interface RevealRequest {
  /** What was found (its `data-reveal` id). */
  id: string
  kind: ItemKind
  /** What holds it: a SWOT item's snapshot, an action item's session, a milestone's goal. */
  openId: string
}

/** How long a request waits for its element: a screen loads lazily and asks the core first. */
const WAIT_MS = 4000
/** How long the highlight stays. */
const HIGHLIGHT_MS = 2400

let current: RevealRequest | null = null
let stop: (() => void) | null = null

/** The request the screen being opened should make room for (see `expectReveal`). */
export function revealRequest(): RevealRequest | null {
  return current
}

/**
 * Announces what the next screen is opened to show, before it is opened: a screen reads it
 * as it starts (`revealRequest`). Null cancels.
 */
export function expectReveal(request: RevealRequest | null): void {
  stop?.()
  current = request
}

/**
 * Shows `request.id` as soon as the new screen has drawn it (it may load lazily and ask
 * the core first), or gives up after a few seconds. Call once the screen has changed.
 */
export function reveal(request: RevealRequest, root: ParentNode = document): void {
  stop?.()
  current = request
  const find = () => [...root.querySelectorAll<HTMLElement>('[data-reveal]')].find((el) => el.dataset.reveal === request.id)
  const found = find()
  if (found) {
    show(found)
    return
  }
  const observer = new MutationObserver(() => {
    const el = find()
    if (el) {
      done()
      show(el)
    }
  })
  const timer = setTimeout(() => done(), WAIT_MS)
  const done = () => {
    observer.disconnect()
    clearTimeout(timer)
    if (current === request) current = null
    stop = null
  }
  stop = done
  observer.observe(root instanceof Document ? root.body : (root as Node), { childList: true, subtree: true, attributes: true, attributeFilter: ['data-reveal'] })
}

function show(el: HTMLElement) {
  current = null
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
  el.scrollIntoView?.({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
  if (!el.hasAttribute('tabindex') && !isFocusable(el)) el.setAttribute('tabindex', '-1')
  el.focus({ preventScroll: true })
  el.classList.add('revealed')
  setTimeout(() => el.classList.remove('revealed'), HIGHLIGHT_MS)
}

function isFocusable(el: HTMLElement): boolean {
  return el.matches('a[href], button, input, select, textarea, [contenteditable="true"]')
}
