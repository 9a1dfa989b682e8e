import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import type { Backend } from './lib/backend/types'
import { backendContext } from './lib/backend/context'
import { TauriBackend } from './lib/backend/tauri'

async function chooseBackend(): Promise<Backend> {
  // `npm run dev` opened in a plain browser (no Tauri): use the in-memory backend so the UI
  // can be worked on. Production builds drop this branch entirely.
  if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window)) {
    const { MockBackend } = await import('./lib/backend/mock')
    const mock = new MockBackend({ path: '(in-memory mock journal)' })
    if (new URLSearchParams(location.search).has('sample')) await mock.loadSample()
    return mock
  }
  return new TauriBackend()
}

const app = mount(App, {
  target: document.getElementById('app')!,
  context: backendContext(await chooseBackend()),
})

export default app
