import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { expectReveal, reveal, revealRequest } from './reveal'

const request = { id: 'item-2', kind: 'action_item' as const, openId: 'session-1' }

describe('reveal', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    document.body.innerHTML = ''
  })
  afterEach(() => {
    expectReveal(null)
    vi.useRealTimers()
  })

  it('focuses and highlights the element already drawn, then lets the highlight go', () => {
    document.body.innerHTML = '<ul><li data-reveal="item-1">One</li><li data-reveal="item-2">Two</li></ul>'
    const scrolled = vi.fn()
    const target = document.querySelector<HTMLElement>('[data-reveal="item-2"]')!
    target.scrollIntoView = scrolled
    reveal(request)
    expect(scrolled).toHaveBeenCalledOnce()
    expect(target).toHaveClass('revealed')
    expect(document.activeElement).toBe(target)
    // A list item is not focusable by itself: it is made focusable, not tabbable.
    expect(target).toHaveAttribute('tabindex', '-1')
    expect(document.querySelector('[data-reveal="item-1"]')).not.toHaveClass('revealed')
    vi.advanceTimersByTime(3000)
    expect(target).not.toHaveClass('revealed')
  })

  it('waits for a screen that draws the element later', async () => {
    reveal(request)
    expect(revealRequest()).toEqual(request)
    const li = document.createElement('li')
    li.dataset.reveal = 'item-2'
    document.body.append(li)
    await vi.waitFor(() => expect(li).toHaveClass('revealed'))
    expect(document.activeElement).toBe(li)
    expect(revealRequest()).toBeNull()
  })

  it('gives up after a few seconds when the element never comes', () => {
    reveal(request)
    vi.advanceTimersByTime(5000)
    expect(revealRequest()).toBeNull()
    const li = document.createElement('li')
    li.dataset.reveal = 'item-2'
    document.body.append(li)
    expect(li).not.toHaveClass('revealed')
  })

  it('keeps a focusable element as it is', () => {
    document.body.innerHTML = '<button data-reveal="item-2">Two</button>'
    reveal(request)
    const button = document.querySelector('button')!
    expect(button).not.toHaveAttribute('tabindex')
    expect(document.activeElement).toBe(button)
  })

  it('is announced before the screen opens and can be withdrawn', () => {
    expectReveal(request)
    expect(revealRequest()).toEqual(request)
    expectReveal(null)
    expect(revealRequest()).toBeNull()
  })
})
