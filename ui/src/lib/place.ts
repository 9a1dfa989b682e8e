import type { PartnershipTab } from './navigation'

/** Where the user left off, remembered across launches, per journal file (two journals
 * opened with `--db` must not send each other to ids they do not have). */
export interface Place {
  partnershipId: string
  sessionId: string | null
  /** A goal's page (only without a session). */
  goalId?: string
  /** The tab of the partnership's page (only on that page; absent: the overview). */
  tab?: PartnershipTab
}

export const TABS: readonly PartnershipTab[] = ['overview', 'sessions', 'goals', 'swot', 'agreement', 'exchange']

export function isTab(value: unknown): value is PartnershipTab {
  return typeof value === 'string' && (TABS as readonly string[]).includes(value)
}

const key = (journal: string) => `tandem.lastPlace:${journal}`

export function loadPlace(journal: string): Place | null {
  try {
    const raw = localStorage.getItem(key(journal))
    if (!raw) return null
    const v = JSON.parse(raw) as Partial<Record<keyof Place, unknown>> | null
    if (typeof v !== 'object' || v === null || typeof v.partnershipId !== 'string') return null
    const place: Place = { partnershipId: v.partnershipId, sessionId: typeof v.sessionId === 'string' ? v.sessionId : null }
    if (place.sessionId === null && typeof v.goalId === 'string') place.goalId = v.goalId
    if (isTab(v.tab)) place.tab = v.tab
    return place
  } catch {
    return null
  }
}

export function savePlace(journal: string, place: Place | null): void {
  try {
    if (place) localStorage.setItem(key(journal), JSON.stringify(place))
    else localStorage.removeItem(key(journal))
  } catch {
    // Storage can be unavailable; remembering the place is only a convenience.
  }
}
