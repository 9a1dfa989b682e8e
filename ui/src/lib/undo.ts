import { getContext, setContext } from 'svelte'

/**
 * The window's "Deleted … Undo" toast. A screen that moves something to the trash calls
 * `show`; the toast offers Undo (button and Ctrl+Z) for a few seconds and runs `undo` if asked.
 */
export interface UndoToast {
  show(message: string, undo: () => Promise<void>): void
}

const KEY = Symbol('tandem.undo')

export function setUndo(toast: UndoToast): void {
  setContext(KEY, toast)
}

export function getUndo(): UndoToast | undefined {
  return getContext<UndoToast | undefined>(KEY)
}
