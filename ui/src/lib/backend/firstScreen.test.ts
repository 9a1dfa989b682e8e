import { beforeEach, describe, expect, it, vi } from 'vitest'
import { partnershipDraft } from '../../test/helpers'
import type { FirstScreen } from '../generated/types'
import { FirstScreenAnswers } from './firstScreen'
import { FakeBackend } from '../../test/backend'
import { tauriBackend } from './tauri'

const invoke = vi.hoisted(() => vi.fn())
vi.mock('@tauri-apps/api/core', () => ({ invoke, Channel: class {} }))

/** A first screen as the shell reads it: a journal with two partnerships. */
async function firstScreen(): Promise<FirstScreen> {
  const core = new FakeBackend().core
  await core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  await core.createPartnership(partnershipDraft({ partner_name: 'Ana Lima' }))
  const partnerships = await core.listPartnerships()
  return {
    journal: await core.journalInfo(),
    partnerships,
    dashboard: await core.dashboard(partnerships[0].partnership.id),
  }
}

describe('the first screen read by the shell', () => {
  beforeEach(() => {
    invoke.mockReset()
    invoke.mockResolvedValue('from the journal')
    sessionStorage.clear()
  })

  it('answers the first calls without a round trip, each once', async () => {
    const screen = await firstScreen()
    const backend = tauriBackend(new FirstScreenAnswers(screen))
    const first = screen.partnerships[0].partnership.id

    expect(await backend.journalInfo()).toEqual(screen.journal)
    expect(await backend.listPartnerships()).toEqual(screen.partnerships)
    expect(await backend.dashboard(first)).toEqual(screen.dashboard)
    expect(invoke).not.toHaveBeenCalled()

    // Asked again: the journal answers.
    expect(await backend.listPartnerships()).toBe('from the journal')
    expect(await backend.dashboard(first)).toBe('from the journal')
    expect(invoke).toHaveBeenCalledWith('list_partnerships', {})
    expect(invoke).toHaveBeenCalledWith('dashboard', { partnership_id: first })
  })

  it("asks the journal for another partnership's dashboard", async () => {
    const screen = await firstScreen()
    const backend = tauriBackend(new FirstScreenAnswers(screen))
    const second = screen.partnerships[1].partnership.id
    expect(await backend.dashboard(second)).toBe('from the journal')
    expect(invoke).toHaveBeenCalledWith('dashboard', { partnership_id: second })
  })

  it('is forgotten once the integrity check is asked for', async () => {
    const screen = await firstScreen()
    const backend = tauriBackend(new FirstScreenAnswers(screen))
    await backend.checkJournal()
    expect(await backend.journalInfo()).toBe('from the journal')
    expect(await backend.listPartnerships()).toBe('from the journal')
    expect(await backend.dashboard(screen.partnerships[0].partnership.id)).toBe('from the journal')
    expect(invoke.mock.calls.map((c: unknown[]) => c[0])).toEqual([
      'check_journal',
      'journal_info',
      'list_partnerships',
      'dashboard',
    ])
  })

  it('is taken from the page once, and not after a reload', async () => {
    const screen = await firstScreen()
    const page = window as Window & { __TANDEM_FIRST_SCREEN__?: FirstScreen }
    page.__TANDEM_FIRST_SCREEN__ = screen
    const loaded = FirstScreenAnswers.fromWindow()
    expect(page.__TANDEM_FIRST_SCREEN__).toBeUndefined()
    expect(loaded.listPartnerships()).toEqual(screen.partnerships)

    // A reload runs the shell's script again, with what it read at start: stale by now.
    page.__TANDEM_FIRST_SCREEN__ = screen
    const reloaded = FirstScreenAnswers.fromWindow()
    expect(reloaded.journalInfo()).toBeNull()
    expect(reloaded.listPartnerships()).toBeNull()
  })

  it('without one, every call goes to the journal', async () => {
    const backend = tauriBackend(FirstScreenAnswers.fromWindow())
    expect(await backend.journalInfo()).toBe('from the journal')
    expect(invoke).toHaveBeenCalledWith('journal_info', {})
  })
})
