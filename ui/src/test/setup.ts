import '@testing-library/jest-dom/vitest'
import { afterEach } from 'vitest'

afterEach(() => {
  localStorage.clear()
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
