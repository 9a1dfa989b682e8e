import { describe, expect, it } from 'vitest'
import type { SwotSnapshot } from '../../generated/types'
import { PICKER_REASON_CHARS, cutOnWord, snapshotLabel } from './meta'

const snapshot = (reason: string, visibility: SwotSnapshot['visibility'] = 'private'): SwotSnapshot => ({
  id: 's',
  partnership_id: 'p',
  side: 'mine',
  taken_on: '2026-12-02',
  reason,
  visibility,
  created_at: '',
  updated_at: '',
})

describe('snapshot pickers', () => {
  it('issue 16: a label keeps its date and “(latest)” whole, before a reason cut on a word', () => {
    expect(snapshotLabel(snapshot(''), true)).toBe('2 Dec 2026 (latest)')
    expect(snapshotLabel(snapshot('Kick-off'), false)).toBe('2 Dec 2026 — Kick-off')
    // Exactly as long as a picker shows: whole.
    expect(snapshotLabel(snapshot('After the reorganisation'), true)).toBe('2 Dec 2026 (latest) — After the reorganisation')
    const long = snapshotLabel(snapshot('After the reorg of the whole department in the autumn'), true)
    expect(long).toBe('2 Dec 2026 (latest) — After the reorg of the…')
    expect([...long.split(' — ')[1]].length).toBeLessThanOrEqual(PICKER_REASON_CHARS)
  })

  it('issue 17: a snapshot shared with the partner says so beside its date', () => {
    expect(snapshotLabel(snapshot('', 'shared'), true)).toBe('2 Dec 2026 (latest, shared)')
    expect(snapshotLabel(snapshot('Kick-off', 'shared'), false)).toBe('2 Dec 2026 (shared) — Kick-off')
    expect(snapshotLabel(snapshot('Kick-off', 'private'), false)).toBe('2 Dec 2026 — Kick-off')
    // “shared” takes its room from the reason: never longer than the latest's label.
    const reason = 'After the reorg of the whole department in the autumn'
    const latest = snapshotLabel(snapshot(reason), true)
    for (const [visibility, isLatest] of [['shared', true], ['shared', false], ['private', false]] as const) {
      expect([...snapshotLabel(snapshot(reason, visibility), isLatest)].length).toBeLessThanOrEqual([...latest].length)
    }
    expect(snapshotLabel(snapshot(reason, 'shared'), true)).toBe('2 Dec 2026 (latest, shared) — After the…')
  })

  it('cuts by characters, not UTF-16 units, and cuts a long word when there is no space', () => {
    expect(cutOnWord('🎉'.repeat(30), 5)).toBe('🎉🎉🎉🎉…')
    expect(cutOnWord('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…')
    expect(cutOnWord('short', 10)).toBe('short')
  })
})
