/**
 * Which input shows a core error's `field`. The keys are the core's own field names, as
 * validate.rs names them (`agreement.cadence_days`, not `cadence`): one dialect, and a
 * field the core does not name is nobody's (the error is shown for the whole form).
 */
export function inputIdFor(field: string | null | undefined, ids: Record<string, string>): string | null {
  if (!field) return null
  return Object.hasOwn(ids, field) ? ids[field] : null
}

export const PARTNERSHIP_FIELD_IDS: Record<string, string> = {
  partner_name: 'partner-name',
  partner_org: 'partner-org',
  my_name: 'my-name',
  started_on: 'started-on',
  ended_on: 'ended-on',
  'agreement.objectives': 'objectives',
  'agreement.boundaries': 'boundaries',
  'agreement.cadence_days': 'cadence',
  'agreement.session_minutes': 'session-minutes',
  'agreement.ending': 'ending',
}

export const SESSION_FIELD_IDS: Record<string, string> = {
  title: 'session-title',
  held_at: 'session-held-at',
  duration_minutes: 'session-duration',
  place: 'session-place',
  notes: 'session-notes',
}
