import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { backendContext } from '../backend/context'
import { FakeBackend } from '../../test/backend'
import { partnershipDraft, sessionDraft, settle } from '../../test/helpers'
import SessionList, { forgetWhereLeft } from './SessionList.svelte'

// jsdom has no layout: the scroll container, the list and its rows get a fake one.
const ROW = 100
const HEIGHT = 600
const LIST_TOP = 40
/** A long list (more pages than the list keeps) and a short one. */
const BIG = 3000
const SMALL = 300

/** Journals of n sessions, made once for this file: a backup of each, which a test restores. */
const templates = new Map<number, Promise<{ backup: string; partnershipId: string }>>()

function template(n: number) {
  let made = templates.get(n)
  if (!made) {
    made = (async () => {
      const { core } = new FakeBackend()
      const p = await core.createPartnership(partnershipDraft())
      const start = Date.UTC(2026, 1, 1, 12)
      for (let i = 1; i <= n; i++) {
        const held = new Date(start - i * 3_600_000).toISOString().slice(0, 19)
        await core.createSession(p.id, sessionDraft({ title: `Session ${i}`, held_at: held }))
      }
      return { backup: (await core.backupNow()).path, partnershipId: p.id }
    })()
    templates.set(n, made)
  }
  return made
}

/** Sessions "Session 1" (newest) to "Session n" (oldest), an hour apart, on a journal of the test's own. */
async function withSessions(n: number) {
  const { backup, partnershipId } = await template(n)
  const backend = new FakeBackend()
  await backend.core.restoreBackup(backup)
  return { backend, p: await backend.core.getPartnership(partnershipId) }
}

/** The id of the session with this title. */
async function sessionId(backend: FakeBackend, partnershipId: string, title: string) {
  const { sessions } = await backend.core.listSessions(partnershipId, 1, Number(title.replace('Session ', '')) - 1)
  expect(sessions[0].title).toBe(title)
  return sessions[0].id
}

// Making the journals takes a while (one session at a time, through the core).
beforeAll(async () => {
  await Promise.all([template(BIG), template(SMALL)])
}, 180_000)

/** Renders the list inside a scrolling box of HEIGHT pixels, the list LIST_TOP below its top. */
function show(backend: FakeBackend, partnershipId: string) {
  const scroller = document.createElement('div')
  scroller.style.overflowY = 'auto'
  document.body.appendChild(scroller)
  let top = 0
  const rowCount = () => Number(document.querySelector('li.row')?.getAttribute('aria-setsize') ?? 0)
  const max = () => Math.max(0, LIST_TOP + rowCount() * ROW - HEIGHT)
  Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => HEIGHT })
  Object.defineProperty(scroller, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (value: number) => {
      top = Math.min(Math.max(0, value), max())
    },
  })
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this === scroller) return new DOMRect(0, 0, 800, HEIGHT)
    if (this.matches('ul.rows')) return new DOMRect(0, LIST_TOP - top, 800, rowCount() * ROW)
    if (this.matches('li.row')) {
      const i = Number((this as HTMLElement).dataset.index)
      return new DOMRect(0, LIST_TOP - top + i * ROW, 800, ROW)
    }
    return new DOMRect(0, 0, 0, 0)
  })
  const props = { partnershipId, onopensession: vi.fn(), onnewsession: vi.fn(), onloaded: vi.fn() }
  const result = render(SessionList, { target: scroller, props, context: backendContext(backend) })
  return {
    ...result,
    props,
    scroller,
    scrollTo: async (value: number) => {
      scroller.scrollTop = value
      await fireEvent.scroll(scroller)
    },
  }
}

const items = () => screen.queryAllByTestId('session-item')
const titles = () => items().map((b) => b.querySelector('.title')?.textContent ?? '…')
const focusedTitle = () => document.activeElement?.querySelector('.title')?.textContent

/** Where the row of this button sits in the visible part of the scroller. */
function inView(button: Element, scroller: HTMLElement): boolean {
  const i = Number(button.closest<HTMLElement>('li')!.dataset.index)
  const top = LIST_TOP + i * ROW - scroller.scrollTop
  return top >= 0 && top + ROW <= HEIGHT
}

afterEach(() => {
  forgetWhereLeft()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('Session list', () => {
  it('renders only the rows in view of 3,000 sessions and tells the total', async () => {
    const { backend, p } = await withSessions(BIG)
    const list = vi.spyOn(backend, 'listSessions')
    const { props } = show(backend, p.id)

    expect(await screen.findByTestId('session-count')).toHaveTextContent('3,000 sessions')
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))
    // 6 rows in view and 5 below; none above the first.
    expect(items().length).toBeGreaterThanOrEqual(6)
    expect(items().length).toBeLessThan(20)
    expect(titles().slice(0, 3)).toEqual(['Session 1', 'Session 2', 'Session 3'])
    const rows = screen.getByRole('list', { name: '3,000 sessions, newest first' })
    const first = within(rows).getAllByRole('listitem')[0]
    expect(first).toHaveAttribute('aria-setsize', '3000')
    expect(first).toHaveAttribute('aria-posinset', '1')
    expect(list.mock.calls.map(([, limit, offset]) => [limit, offset])).toEqual([[100, 0]])
    expect(props.onloaded).toHaveBeenCalledExactlyOnceWith(true)
  })

  it('renders the oldest session when scrolled to the end, asking only for the pages in view', async () => {
    const { backend, p } = await withSessions(BIG)
    const list = vi.spyOn(backend, 'listSessions')
    const { scrollTo } = show(backend, p.id)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))

    await scrollTo(1e9)
    await waitFor(() => expect(titles()).toContain('Session 3000'))
    expect(titles().at(-1)).toBe('Session 3000')
    expect(items().length).toBeLessThan(20)
    expect(titles()).not.toContain('Session 1')
    const asked = list.mock.calls.map(([, limit, offset]) => [limit, offset])
    expect(asked).toEqual([
      [100, 0],
      [100, 2900],
    ])

    // Half-way: one more page, never a big one.
    await scrollTo(LIST_TOP + 1500 * ROW)
    await waitFor(() => expect(titles()).toContain('Session 1501'))
    expect(list.mock.calls.length).toBeLessThanOrEqual(4)
    expect(list.mock.calls.every(([, limit]) => limit <= 100)).toBe(true)
  })

  it('keeps a bounded number of pages and asks again for one it dropped', async () => {
    const { backend, p } = await withSessions(BIG)
    const list = vi.spyOn(backend, 'listSessions')
    const { scrollTo } = show(backend, p.id)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))
    for (let page = 1; page < 30; page++) {
      await scrollTo(LIST_TOP + (page * 100 + 50) * ROW)
      await waitFor(() => expect(titles()).toContain(`Session ${page * 100 + 51}`))
    }
    expect(list).toHaveBeenCalledTimes(30)
    await scrollTo(LIST_TOP + 2950 * ROW) // still cached
    await scrollTo(0)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))
    expect(list.mock.calls.map(([, , offset]) => offset).filter((o) => o === 0)).toHaveLength(2)
    expect(list).toHaveBeenCalledTimes(31)
  })

  it('shows quiet placeholder rows until their page arrives', async () => {
    const { backend, p } = await withSessions(SMALL)
    const { scrollTo } = show(backend, p.id)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))
    backend.latencyMs = 50
    await scrollTo(LIST_TOP + 250 * ROW)
    expect(items().length).toBeGreaterThan(0)
    expect(items().every((b) => b.getAttribute('aria-busy') === 'true')).toBe(true)
    expect(items()[0]).toHaveTextContent(/Loading session \d+/)
    await waitFor(() => expect(titles()).toContain('Session 251'))
    expect(items().some((b) => b.getAttribute('aria-busy') === 'true')).toBe(false)
  })

  it('moves focus with the arrow keys, Page Down, End and Home, as one tab stop', async () => {
    const { backend, p } = await withSessions(BIG)
    const { props, scroller } = show(backend, p.id)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))
    const stops = () => items().filter((b) => b.tabIndex === 0)
    expect(stops()).toHaveLength(1)
    items()[0].focus()
    const rows = screen.getByRole('list')

    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 2'))
    expect(stops()).toEqual([document.activeElement])

    await fireEvent.keyDown(document.activeElement!, { key: 'End' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 3000'))
    expect(rows).toContainElement(document.activeElement as HTMLElement)
    expect(inView(document.activeElement!, scroller)).toBe(true)
    expect(items().length).toBeLessThan(20)
    expect(stops()).toEqual([document.activeElement])

    await fireEvent.click(document.activeElement!)
    expect(props.onopensession).toHaveBeenCalledWith(await sessionId(backend, p.id, 'Session 3000'))

    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 2999'))

    await fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 1'))
    expect(inView(document.activeElement!, scroller)).toBe(true)
    await waitFor(() => expect(titles()).not.toContain('Session 3000'))

    // A screenful is the rows that fit in view (6), less one kept for context.
    await fireEvent.keyDown(document.activeElement!, { key: 'PageDown' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 6'))
    await fireEvent.keyDown(document.activeElement!, { key: 'PageDown' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 11'))
    expect(inView(document.activeElement!, scroller)).toBe(true)
    await fireEvent.keyDown(document.activeElement!, { key: 'PageUp' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 6'))
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' })
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 1'))
  })

  it('keeps the focused row when it is scrolled out of view, and Tab lands in view otherwise', async () => {
    const { backend, p } = await withSessions(BIG)
    const { scrollTo } = show(backend, p.id)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))
    const first = items()[0]
    first.focus()

    await scrollTo(1e9)
    await waitFor(() => expect(titles()).toContain('Session 3000'))
    expect(first).toBeInTheDocument()
    expect(document.activeElement).toBe(first)
    await fireEvent.keyDown(first, { key: 'ArrowDown' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 2'))

    // Jumping far away: the row that had focus stays until the new one has it, so focus
    // never falls back to the page in between.
    const focus = HTMLElement.prototype.focus
    const before: (Element | null)[] = []
    vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement, options?: FocusOptions) {
      before.push(document.activeElement)
      focus.call(this, options)
    })
    await fireEvent.keyDown(document.activeElement!, { key: 'End' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 3000'))
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    await waitFor(() => expect(focusedTitle()).toBe('Session 1'))
    expect(before).toHaveLength(2)
    expect(before.every((el) => el?.getAttribute('data-testid') === 'session-item')).toBe(true)

    // Focus leaves the list, the list scrolls away: the tab stop follows the rows in view.
    ;(document.activeElement as HTMLElement).blur()
    await scrollTo(1e9)
    await waitFor(() => expect(titles()).not.toContain('Session 2'))
    const stop = items().find((b) => b.tabIndex === 0)!
    expect(stop.querySelector('.title')?.textContent).toBe('Session 2995')
  })

  it('shows the count of a short list and follows a journal that changed under it', async () => {
    const { backend, p } = await withSessions(SMALL)
    const { scrollTo } = show(backend, p.id)
    expect(await screen.findByTestId('session-count')).toHaveTextContent('300 sessions')
    await backend.core.createSession(p.id, sessionDraft({ title: 'Brand new', held_at: '2026-03-01T10:00:00' }))
    await scrollTo(1e9)
    await waitFor(() => expect(screen.getByTestId('session-count')).toHaveTextContent('301 sessions'))
    await waitFor(() => expect(titles().at(-1)).toBe('Session 300'))
    await scrollTo(0)
    await waitFor(() => expect(titles()[0]).toBe('Brand new'))
  })

  it('ignores a page asked for before the journal changed', async () => {
    const { backend, p } = await withSessions(SMALL)
    const real = backend.listSessions.bind(backend)
    const held = new Set([100])
    let release = () => {}
    const list = vi.spyOn(backend, 'listSessions').mockImplementation(async (id, limit, offset) => {
      const answer = await real(id, limit, offset)
      if (held.delete(offset)) await new Promise<void>((resolve) => (release = resolve))
      return answer
    })
    const { scrollTo } = show(backend, p.id)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))

    await scrollTo(LIST_TOP + 150 * ROW) // the second page: its answer is held back
    await backend.core.createSession(p.id, sessionDraft({ title: 'Brand new', held_at: '2026-03-01T10:00:00' }))
    await scrollTo(1e9)
    await waitFor(() => expect(screen.getByTestId('session-count')).toHaveTextContent('301 sessions'))
    release()
    await settle()
    expect(screen.getByTestId('session-count')).toHaveTextContent('301 sessions')
    // Taken for news, the old answer would have thrown the cache away again and re-asked.
    expect(list.mock.calls.filter(([, , offset]) => offset === 200)).toHaveLength(1)

    await scrollTo(LIST_TOP + 150 * ROW)
    await waitFor(() => expect(titles()).toContain('Session 150'))
    expect(list.mock.calls.filter(([, , offset]) => offset === 100)).toHaveLength(2)
  })

  it('comes back to where it was, with that row focused, after a session opened from it', async () => {
    const { backend, p } = await withSessions(BIG)
    const first = show(backend, p.id)
    await waitFor(() => expect(titles()).toContain('Session 1'))
    await first.scrollTo(25_000)
    await waitFor(() => expect(titles()).toContain('Session 253'))
    const row = items().find((b) => b.querySelector('.title')?.textContent === 'Session 253')!
    await fireEvent.click(row)
    expect(first.props.onopensession).toHaveBeenCalledTimes(1)
    first.unmount()
    document.body.innerHTML = ''

    // Back from the session: the same place, the opened session focused.
    const back = show(backend, p.id)
    await waitFor(() => expect(focusedTitle()).toBe('Session 253'))
    expect(back.scroller.scrollTop).toBe(25_000)
    expect(inView(document.activeElement!, back.scroller)).toBe(true)
    back.unmount()
    document.body.innerHTML = ''

    // Only once: the next visit starts at the top.
    const again = show(backend, p.id)
    await waitFor(() => expect(titles()).toContain('Session 1'))
    expect(again.scroller.scrollTop).toBe(0)
    expect(document.activeElement?.closest('[data-testid="session-item"]')).toBeNull()
  })

  it('has a friendly empty state', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft())
    const { props } = show(backend, p.id)
    expect(await screen.findByText('No sessions yet — record your first one')).toBeInTheDocument()
    expect(items()).toHaveLength(0)
    expect(screen.queryByTestId('session-count')).toBeNull()
    await fireEvent.click(screen.getByRole('button', { name: 'Record a session' }))
    expect(props.onnewsession).toHaveBeenCalledTimes(1)
    expect(props.onloaded).toHaveBeenCalledExactlyOnceWith(true)
  })

  it('says why the list cannot be shown', async () => {
    const { backend, p } = await withSessions(SMALL)
    backend.failNext({ code: 'io', message: 'The journal could not be read.' }, 'listSessions')
    const { props } = show(backend, p.id)
    expect(await screen.findByRole('alert')).toHaveTextContent('The journal could not be read.')
    expect(items()).toHaveLength(0)
    expect(props.onloaded).toHaveBeenCalledExactlyOnceWith(false)
  })

  it('says so when a later page fails, and keeps the rows it has', async () => {
    const { backend, p } = await withSessions(SMALL)
    const { scrollTo, props } = show(backend, p.id)
    await waitFor(() => expect(titles()[0]).toBe('Session 1'))
    backend.failNext({ code: 'io', message: 'Disk unreadable.' }, 'listSessions')
    await scrollTo(1e9)
    expect(await screen.findByRole('alert')).toHaveTextContent('Disk unreadable.')
    expect(items().length).toBeGreaterThan(0)
    expect(props.onloaded).toHaveBeenCalledExactlyOnceWith(true)
  })
})
