import { toBackendError } from './backend/types'
import { formatClock } from './format'

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string; field: string | null }

export function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return ''
    case 'saving':
      return 'Saving…'
    case 'saved':
      return `Saved ${formatClock(status.at)}`
    case 'error':
      return status.message
  }
}

/**
 * Saves as you type: `touch()` after every edit; the save runs `delay` ms after the last
 * one, or at once on `flush()` (blur, navigation). Never two saves at a time: an edit made
 * while a save is in flight is saved right after it, with the latest values (the `save`
 * callback reads them when it runs). After an error, nothing is retried until the next edit.
 */
export class Autosaver {
  status: SaveStatus = $state({ kind: 'idle' })
  /** The last failed save (message and field); cleared by the next successful one. */
  error: { message: string; field: string | null } | null = $state(null)

  #save: () => Promise<unknown>
  #delay: number
  #timer: ReturnType<typeof setTimeout> | null = null
  #dirty = false
  #queued = false
  #inflight: Promise<void> | null = null

  constructor(save: () => Promise<unknown>, delay = 600) {
    this.#save = save
    this.#delay = delay
  }

  /** True while an edit is not yet committed (waiting, saving, or failed). */
  get pending(): boolean {
    return this.#dirty || this.#inflight !== null || this.status.kind === 'error'
  }

  touch(): void {
    this.#dirty = true
    this.status = { kind: 'saving' }
    this.#clearTimer()
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.flush()
    }, this.#delay)
  }

  /** Saves now whatever is waiting; resolves once everything is saved or a save failed. */
  async flush(): Promise<void> {
    this.#clearTimer()
    if (this.#inflight) {
      if (this.#dirty) this.#queued = true
      await this.#inflight
      return
    }
    if (!this.#dirty) return
    this.#inflight = this.#run()
    await this.#inflight
  }

  /** Stops the timer without saving (the component is going away after a flush). */
  dispose(): void {
    this.#clearTimer()
  }

  async #run(): Promise<void> {
    try {
      let go = true
      while (go) {
        this.#dirty = false
        this.#queued = false
        this.status = { kind: 'saving' }
        try {
          await this.#save()
          this.error = null
          if (!this.#dirty) this.status = { kind: 'saved', at: Date.now() }
        } catch (err) {
          const e = toBackendError(err)
          this.error = { message: e.message, field: e.field }
          this.status = { kind: 'error', message: e.message, field: e.field }
        }
        // An edit came in during the save and its timer already fired (or a flush was
        // asked for): save again now. Otherwise its own timer will.
        go = this.#dirty && this.#queued
      }
    } finally {
      this.#inflight = null
    }
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer)
      this.#timer = null
    }
  }
}
