/** Maps a backend `field` name (e.g. "partner_name", "agreement.cadence_days") to an input id. */
export function inputIdFor(field: string | null | undefined, ids: Record<string, string>): string | null {
  if (!field) return null
  if (field in ids) return ids[field]
  const last = field.split('.').pop() ?? field
  return ids[last] ?? null
}

export const PARTNERSHIP_FIELD_IDS: Record<string, string> = {
  partner_name: 'partner-name',
  partner_org: 'partner-org',
  my_name: 'my-name',
  my_role: 'my-role',
  kind: 'kind',
  started_on: 'started-on',
  ended_on: 'ended-on',
  objectives: 'objectives',
  boundaries: 'boundaries',
  cadence_days: 'cadence',
  cadence: 'cadence',
  session_minutes: 'session-minutes',
  ending: 'ending',
}

export const SESSION_FIELD_IDS: Record<string, string> = {
  title: 'session-title',
  held_at: 'session-held-at',
  duration_minutes: 'session-duration',
  duration: 'session-duration',
  format: 'session-format',
  place: 'session-place',
  notes: 'session-notes',
}
