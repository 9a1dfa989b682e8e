import type { GoalDraft } from '../../generated/types'

/** A valid goal draft for tests, with `overrides` applied. */
export function goalDraft(overrides: Partial<GoalDraft> = {}): GoalDraft {
  return {
    title: 'Post on LinkedIn every week',
    description: '',
    whose: 'mine',
    direction: 'i_learn',
    success_criteria: '',
    target_on: null,
    status: 'active',
    visibility: 'private',
    ...overrides,
  }
}
