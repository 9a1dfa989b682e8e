import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyTheme, chooseTheme, themeChoice } from './theme'

function fakeSystem(dark: boolean) {
  const listeners: ((e: MediaQueryListEvent) => void)[] = []
  const query = {
    matches: dark,
    addEventListener: (_: string, f: (e: MediaQueryListEvent) => void) => listeners.push(f),
    removeEventListener: (_: string, f: (e: MediaQueryListEvent) => void) => listeners.splice(listeners.indexOf(f), 1),
  }
  vi.stubGlobal('matchMedia', () => query)
  return {
    listeners,
    change(next: boolean) {
      query.matches = next
      for (const f of [...listeners]) f({ matches: next } as MediaQueryListEvent)
    },
  }
}

describe('theme', () => {
  afterEach(() => {
    localStorage.clear()
    vi.unstubAllGlobals()
  })

  it('follows the system by default, also when it changes', () => {
    const system = fakeSystem(true)
    expect(themeChoice()).toBe('system')
    applyTheme()
    expect(document.documentElement.dataset.theme).toBe('dark')
    system.change(false)
    expect(document.documentElement.dataset.theme).toBe('light')
  })

  it('keeps a chosen theme for next time and stops following the system', () => {
    const system = fakeSystem(false)
    applyTheme()
    chooseTheme('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(system.listeners).toHaveLength(0)
    system.change(false)
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(themeChoice()).toBe('dark')
    chooseTheme('system')
    expect(themeChoice()).toBe('system')
    expect(document.documentElement.dataset.theme).toBe('light')
  })

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('tandem.theme', 'purple')
    expect(themeChoice()).toBe('system')
  })
})
