/** Where the user left off, remembered across launches, per journal file (two journals
 * opened with `--db` must not send each other to ids they do not have). */
export interface Place {
  partnershipId: string
  sessionId: string | null
}

const key = (journal: string) => `tandem.lastPlace:${journal}`

export function loadPlace(journal: string): Place | null {
  try {
    const raw = localStorage.getItem(key(journal))
    if (!raw) return null
    const v = JSON.parse(raw) as Partial<Place>
    if (typeof v.partnershipId !== 'string') return null
    return { partnershipId: v.partnershipId, sessionId: typeof v.sessionId === 'string' ? v.sessionId : null }
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
