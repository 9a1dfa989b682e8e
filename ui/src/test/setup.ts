import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/svelte'
import { afterEach } from 'vitest'
import { reloadDateFormat, setComputerLocale } from '../lib/dates.svelte'

// A screen loads lazily: its first import in a run is compiled on demand (the rich editor takes seconds), which on a busy
// 2-core machine takes longer than the default second. The waits still end as soon as
// what they wait for is there.
configure({ asyncUtilTimeout: 10_000 })

// Dates as an en-GB computer writes them ("3 Mar 2026"), whatever this machine's locale.
setComputerLocale('en-GB')

afterEach(() => {
  localStorage.clear()
  reloadDateFormat()
  delete document.body.dataset.ready
})

// What ProseMirror asks of a layout engine that jsdom does not have: measuring (there is
// no layout, so everything measures empty) and hit-testing.
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0)
}
if (!document.elementFromPoint) {
  document.elementFromPoint = () => null
}
if (typeof globalThis.ClipboardEvent === 'undefined') {
  class ClipboardEventPolyfill extends Event {
    readonly clipboardData: DataTransfer | null = null
  }
  globalThis.ClipboardEvent = ClipboardEventPolyfill as unknown as typeof ClipboardEvent
}
