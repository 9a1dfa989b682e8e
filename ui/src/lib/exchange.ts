import { BUNDLE_EXTENSION, INVITE_EXTENSION } from './backend/types'
import type { KindChanges, Role, ShareCounts } from './generated/types'
import { isoDate } from './format'

/**
 * Words for partner exchange's screens. Only wording: what a bundle holds, what changed
 * and every rule about it are the core's (`share_preview`, `share_changes`, `preview_bundle`).
 */

/** The kinds a bundle holds, in the order the screens list them, with their singular and plural names. */
export const BUNDLE_KINDS: { kind: keyof ShareCounts; one: string; many: string }[] = [
  { kind: 'sessions', one: 'session', many: 'sessions' },
  { kind: 'action_items', one: 'action item', many: 'action items' },
  { kind: 'goals', one: 'goal', many: 'goals' },
  { kind: 'milestones', one: 'milestone', many: 'milestones' },
  { kind: 'progress', one: 'progress entry', many: 'progress entries' },
  { kind: 'swot_snapshots', one: 'SWOT snapshot', many: 'SWOT snapshots' },
  { kind: 'swot_items', one: 'SWOT item', many: 'SWOT items' },
  { kind: 'agreement', one: 'agreement', many: 'agreements' },
  { kind: 'acknowledgements', one: 'action item marked done', many: 'action items marked done' },
]

/** "3 sessions", "1 progress entry". */
export function countOf(kind: string, n: number): string {
  const k = BUNDLE_KINDS.find((x) => x.kind === kind)
  if (!k) return `${n} ${kind.replace(/_/g, ' ')}`
  return `${n} ${n === 1 ? k.one : k.many}`
}

/** The kinds that changed, each as "1 new, 2 changed, 1 no longer shared" (unchanged kinds left out). */
export function changeLines(changes: KindChanges[]): { kind: string; label: string; parts: string[] }[] {
  const order = (kind: string) => {
    const i = BUNDLE_KINDS.findIndex((k) => k.kind === kind)
    return i < 0 ? BUNDLE_KINDS.length : i
  }
  return changes
    .filter((c) => c.new + c.changed + c.withdrawn > 0)
    .sort((a, b) => order(a.kind) - order(b.kind))
    .map((c) => {
      const k = BUNDLE_KINDS.find((x) => x.kind === c.kind)
      const parts: string[] = []
      if (c.new > 0) parts.push(`${c.new} new`)
      if (c.changed > 0) parts.push(`${c.changed} changed`)
      if (c.withdrawn > 0) parts.push(`${c.withdrawn} no longer shared`)
      return { kind: c.kind, label: k ? k.many.replace(/^./, (ch) => ch.toUpperCase()) : c.kind, parts }
    })
}

/** A name without the characters file systems refuse. */
function safe(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim() || 'partner'
}

/** "Tandem – for Zoë Okafor – 2026-12-04.tandem": the default name of a bundle for the partner. */
export function bundleFileName(partnerName: string, today: Date = new Date()): string {
  return `Tandem – for ${safe(partnerName)} – ${isoDate(today)}.${BUNDLE_EXTENSION}`
}

/** "Tandem invite for Zoë Okafor.tandem-invite". */
export function inviteFileName(partnerName: string): string {
  return `Tandem invite for ${safe(partnerName)}.${INVITE_EXTENSION}`
}

export const ROLE_WORDS: Record<Role, string> = {
  mentor: 'the mentor',
  mentee: 'the mentee',
  both: 'both mentor and mentee',
}

/** Copies text to the clipboard; false when this window may not (the text stays selectable). */
export async function copyText(text: string, fallback?: HTMLTextAreaElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused: try the selection below.
  }
  if (!fallback) return false
  fallback.focus()
  fallback.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  }
}
