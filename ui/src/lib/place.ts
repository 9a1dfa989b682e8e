/** Where the user left off, remembered across launches. */
export interface Place {
  partnershipId: string
  sessionId: string | null
}

const KEY = 'tandem.lastPlace'

export function loadPlace(): Place | null {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return null
    const v = JSON.parse(raw) as Partial<Place>
    if (typeof v.partnershipId !== 'string') return null
    return { partnershipId: v.partnershipId, sessionId: typeof v.sessionId === 'string' ? v.sessionId : null }
  } catch {
    return null
  }
}

export function savePlace(place: Place | null): void {
  try {
    if (place) localStorage.setItem(KEY, JSON.stringify(place))
    else localStorage.removeItem(KEY)
  } catch {
    // Storage can be unavailable; remembering the place is only a convenience.
  }
}
