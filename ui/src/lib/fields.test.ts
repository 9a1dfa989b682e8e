import { describe, expect, it } from 'vitest'
import { FakeBackend } from '../test/backend'
import { partnershipDraft } from '../test/helpers'
import { inputIdFor, PARTNERSHIP_FIELD_IDS } from './fields'

describe('inputIdFor', () => {
  it('speaks the core’s field names only', () => {
    expect(inputIdFor('agreement.cadence_days', PARTNERSHIP_FIELD_IDS)).toBe('cadence')
    expect(inputIdFor('cadence_days', PARTNERSHIP_FIELD_IDS)).toBeNull()
    expect(inputIdFor('objectives', PARTNERSHIP_FIELD_IDS)).toBeNull()
    expect(inputIdFor('toString', PARTNERSHIP_FIELD_IDS)).toBeNull()
    expect(inputIdFor(null, PARTNERSHIP_FIELD_IDS)).toBeNull()
  })

  it('finds the input of the field the core names for an agreement refused', async () => {
    const { core } = new FakeBackend()
    const draft = partnershipDraft()
    draft.agreement.session_minutes = 100_000
    const error = await core.createPartnership(draft).then(
      () => null,
      (e: { field: string | null }) => e,
    )
    expect(error?.field).toBe('agreement.session_minutes')
    expect(inputIdFor(error?.field, PARTNERSHIP_FIELD_IDS)).toBe('session-minutes')
  })
})
