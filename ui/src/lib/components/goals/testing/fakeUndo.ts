import type { UndoToast } from '../../../undo'

/** An UndoToast that records what was offered; `undoLast()` runs the latest undo. */
export function fakeUndo() {
  const shown: { message: string; undo: () => Promise<void> }[] = []
  const toast: UndoToast = {
    show(message, undo) {
      shown.push({ message, undo })
    },
  }
  return {
    toast,
    shown,
    async undoLast(): Promise<void> {
      const last = shown.at(-1)
      if (!last) throw new Error('nothing was offered for undo')
      await last.undo()
    },
  }
}
