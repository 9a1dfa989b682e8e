import { getContext, setContext } from 'svelte'

/** Returns false to stay on the current screen. */
export type LeaveGuard = () => Promise<boolean>

export interface Navigation {
  /** Registers a guard run before the main area changes screen; returns its remover. */
  guard(fn: LeaveGuard): () => void
}

const KEY = Symbol('tandem.navigation')

export function setNavigation(nav: Navigation): void {
  setContext(KEY, nav)
}

export function getNavigation(): Navigation | undefined {
  return getContext<Navigation | undefined>(KEY)
}

/**
 * A guard for a screen that saves as you type: saves what is waiting, and if that fails,
 * keeps the user on the screen once (calling `onblocked`) so the error is seen; leaving
 * again goes ahead.
 */
export function autosaveGuard(
  saver: { flush(): Promise<void>; status: { kind: string } },
  onblocked: () => void,
): LeaveGuard {
  let warned = false
  return async () => {
    await saver.flush()
    if (saver.status.kind !== 'error' || warned) return true
    warned = true
    onblocked()
    return false
  }
}

/** The tabs of a partnership's page. */
export type PartnershipTab = 'overview' | 'sessions' | 'goals' | 'swot' | 'agreement' | 'exchange'
