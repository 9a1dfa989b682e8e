import { firstName, formatDate, isoDate } from './format'
import type { SharedBy } from './generated/types'

/** The partner's first name, for labels of what is theirs ("Zoë"). */
export function partnerFirst(by: SharedBy): string {
  return firstName(by.name) || 'Your partner'
}

/** "shared on 3 Mar 2026": the local day the partner made the bundle it came in. */
export function sharedOn(by: SharedBy): string {
  const when = new Date(by.shared_at)
  return `shared on ${Number.isNaN(when.getTime()) ? by.shared_at : formatDate(isoDate(when))}`
}
