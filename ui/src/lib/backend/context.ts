import { getContext, setContext } from 'svelte'
import type { Backend } from './types'

const KEY = Symbol('tandem.backend')

export function setBackend(backend: Backend): void {
  setContext(KEY, backend)
}

export function getBackend(): Backend {
  const backend = getContext<Backend | undefined>(KEY)
  if (!backend) throw new Error('No backend in context: App must call setBackend first.')
  return backend
}

/** The context map to pass to `mount` (or a test's `render`) so that App and below find the backend. */
export function backendContext(backend: Backend): Map<symbol, unknown> {
  return new Map<symbol, unknown>([[KEY, backend]])
}
