import { mount } from 'svelte'
import { invoke } from '@tauri-apps/api/core'
import '@fontsource-variable/inter/wght.css'
import '@fontsource-variable/inter/wght-italic.css'
import './app.css'
import App from './App.svelte'
import { applyTheme } from './lib/theme'

/** When this module began to run: the end of loading and parsing the bundle. */
const scriptMs = performance.now()
applyTheme()
import type { Backend } from './lib/backend/types'
import { backendContext } from './lib/backend/context'
import { tauriBackend } from './lib/backend/tauri'

async function chooseBackend(): Promise<Backend> {
  // `npm run dev` opened in a plain browser (no Tauri): the real core through
  // `tandem serve --dev` (ui/scripts/dev.mjs proxies /rpc to it). Production builds drop
  // this branch entirely.
  if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window)) {
    const { httpBackend } = await import('./lib/backend/http')
    const backend = httpBackend({ url: '' })
    if (new URLSearchParams(location.search).has('sample')) await backend.loadSample()
    return backend
  }
  return watchStartup(tauriBackend())
}

/** One backend call made before the first screen was ready (ms since the page's time origin). */
interface Timing {
  call: string
  start: number
  ms: number
}

/**
 * For the start-up benchmark (`make bench`): once the first screen is interactive (App sets
 * `document.body.dataset.ready`), tell the shell with `startup_mark`, together with how long
 * each backend call on the way took and when the page started and became ready. The shell ignores the call unless the benchmark asked
 * for it (`TANDEM_STARTUP_MARK`); after it, calls are no longer timed.
 */
function watchStartup(backend: Backend): Backend {
  const timings: Timing[] = []
  let recording = true
  const send = () => {
    if (!recording || document.body.dataset.ready !== 'true') return false
    recording = false
    observer.disconnect()
    const marks = {
      calls: timings,
      scriptMs,
      // When the document had arrived (the script and stylesheet came after it).
      documentMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd,
      readyMs: performance.now(),
      originUnixMs: performance.timeOrigin,
    }
    invoke('startup_mark', { timings: marks }).catch(() => {})
    return true
  }
  const observer = new MutationObserver(send)
  observer.observe(document.body, { attributes: true, attributeFilter: ['data-ready'] })
  return new Proxy(backend, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver)
      if (!recording || typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const start = performance.now()
        const result: unknown = value.apply(target, args)
        if (result instanceof Promise) {
          const done = () => {
            if (recording) timings.push({ call: String(prop), start, ms: performance.now() - start })
          }
          result.then(done, done)
        }
        return result
      }
    },
  })
}

const app = mount(App, {
  target: document.getElementById('app')!,
  context: backendContext(await chooseBackend()),
})

export default app
