import { fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { settle } from '../../test/helpers'
import UndoToast from './UndoToast.svelte'

function show(onundo: () => Promise<void> = async () => {}) {
  const ondismiss = vi.fn()
  const undo = vi.fn(onundo)
  render(UndoToast, { props: { message: 'Session moved to the trash', onundo: undo, ondismiss } })
  return { undo, ondismiss }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('UndoToast', () => {
  it('undoes with its button, then goes', async () => {
    const { undo, ondismiss } = show()
    const toast = screen.getByTestId('undo-toast')
    expect(toast).toHaveAttribute('role', 'status')
    expect(toast).toHaveTextContent('Session moved to the trash')
    await fireEvent.click(screen.getByTestId('undo-button'))
    await settle()
    expect(undo).toHaveBeenCalledTimes(1)
    expect(ondismiss).toHaveBeenCalledTimes(1)
  })

  it('undoes with Ctrl+Z, but not while typing in a field', async () => {
    const { undo } = show()
    const field = document.createElement('textarea')
    document.body.append(field)
    await fireEvent.keyDown(field, { key: 'z', ctrlKey: true })
    expect(undo).not.toHaveBeenCalled()
    field.remove()
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await settle()
    expect(undo).toHaveBeenCalledTimes(1)
  })

  it('hides itself after about eight seconds', async () => {
    vi.useFakeTimers()
    const { ondismiss, undo } = show()
    vi.advanceTimersByTime(7_000)
    expect(ondismiss).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_100)
    expect(ondismiss).toHaveBeenCalledTimes(1)
    expect(ondismiss).toHaveBeenCalledWith('timeout')
    expect(undo).not.toHaveBeenCalled()
  })

  it('stays while the pointer is over it or the focus is in it (regression: gone after 8 s while hovered)', async () => {
    vi.useFakeTimers()
    const { ondismiss } = show()
    const toast = screen.getByTestId('undo-toast')
    await fireEvent.mouseEnter(toast)
    vi.advanceTimersByTime(30_000)
    expect(ondismiss).not.toHaveBeenCalled()
    await fireEvent.focusIn(screen.getByTestId('undo-button'))
    await fireEvent.mouseLeave(toast)
    vi.advanceTimersByTime(30_000)
    expect(ondismiss).not.toHaveBeenCalled()
    await fireEvent.focusOut(screen.getByTestId('undo-button'), { relatedTarget: document.body })
    vi.advanceTimersByTime(4_100)
    expect(ondismiss).toHaveBeenCalledWith('timeout')
  })

  it('says so when the undo fails, and stays', async () => {
    const { ondismiss } = show(async () => {
      throw { code: 'not_found', message: 'This session no longer exists.', field: null }
    })
    await fireEvent.click(screen.getByTestId('undo-button'))
    await settle()
    expect(screen.getByTestId('undo-toast')).toHaveTextContent('Couldn’t undo: This session no longer exists.')
    expect(ondismiss).not.toHaveBeenCalled()
    expect(screen.getByTestId('undo-button')).toBeEnabled()
  })
})
