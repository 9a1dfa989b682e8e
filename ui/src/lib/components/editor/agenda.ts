import type { ActionItemView, Owner } from '../../generated/types'
import { formatDayMonth } from '../../format'

/** "me", "Zoë", "both": who does an action item, as a short word. */
export function ownerWord(owner: Owner, partnerFirstName: string): string {
  switch (owner) {
    case 'me':
      return 'me'
    case 'partner':
      return partnerFirstName
    case 'both':
      return 'both'
  }
}

/** Escapes the characters that would make an item's text Markdown formatting. */
function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>#])/g, '\\$1')
}

/**
 * A new session's agenda from the partnership's open action items, as a Markdown checklist:
 * "- [ ] Write one post (me, due 3 Mar)". Items marked done show as "- [x]".
 */
export function agendaFromOpenItems(items: ActionItemView[], partnerFirstName: string, done: ReadonlySet<string> = new Set()): string {
  return items
    .map(({ item }) => {
      const who = ownerWord(item.owner, partnerFirstName)
      const due = item.due_on ? `, due ${formatDayMonth(item.due_on)}` : ''
      const box = done.has(item.id) ? '[x]' : '[ ]'
      return `- ${box} ${plain(item.text)} (${who}${due})`
    })
    .join('\n')
}
