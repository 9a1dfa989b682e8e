import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BackendError } from './backend/types'
import { Autosaver, statusText } from './autosave.svelte'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('Autosaver', () => {
  it('debounces edits into one save', async () => {
    const save = vi.fn(async () => {})
    const saver = new Autosaver(save, 600)
    saver.touch()
    await vi.advanceTimersByTimeAsync(500)
    saver.touch()
    await vi.advanceTimersByTimeAsync(500)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(100)
    expect(save).toHaveBeenCalledTimes(1)
    expect(saver.status.kind).toBe('saved')
    expect(statusText(saver.status)).toMatch(/^Saved \d\d:\d\d$/)
  })

  it('flush saves at once and does nothing when clean', async () => {
    const save = vi.fn(async () => {})
    const saver = new Autosaver(save, 600)
    await saver.flush()
    expect(save).not.toHaveBeenCalled()
    saver.touch()
    await saver.flush()
    expect(save).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('reports errors and clears them after a good save', async () => {
    let fail = true
    const saver = new Autosaver(async () => {
      if (fail) throw new BackendError({ code: 'invalid_input', message: 'Too long.', field: 'title' })
    })
    saver.touch()
    await saver.flush()
    expect(saver.status).toEqual({ kind: 'error', message: 'Too long.', field: 'title' })
    expect(saver.error?.field).toBe('title')
    expect(saver.pending).toBe(true)
    fail = false
    saver.touch()
    await saver.flush()
    expect(saver.status.kind).toBe('saved')
    expect(saver.error).toBeNull()
    expect(saver.pending).toBe(false)
  })

  it('flush during a save waits for it and for the queued one', async () => {
    let running = 0
    let maxRunning = 0
    const save = vi.fn(async () => {
      running++
      maxRunning = Math.max(maxRunning, running)
      await new Promise((r) => setTimeout(r, 100))
      running--
    })
    const saver = new Autosaver(save, 600)
    saver.touch()
    const first = saver.flush()
    saver.touch()
    const second = saver.flush()
    await vi.advanceTimersByTimeAsync(250)
    await Promise.all([first, second])
    expect(save).toHaveBeenCalledTimes(2)
    expect(maxRunning).toBe(1)
    expect(saver.status.kind).toBe('saved')
  })
})
