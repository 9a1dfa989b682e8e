// tauriBackend is deliberately not re-exported: only main.ts imports it.
export { BackendError, toBackendError, type Backend } from './types'
export { backendContext, getBackend, setBackend } from './context'
