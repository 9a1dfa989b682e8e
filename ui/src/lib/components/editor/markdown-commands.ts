/**
 * The formatting toolbar's commands as pure text transforms: a text with its selection in,
 * the new text with the new selection out. No DOM here, so every command is unit-tested.
 */

export interface TextState {
  text: string
  /** Selection start and end (caret when equal), as textarea offsets. */
  start: number
  end: number
}

export type MarkdownCommand = 'bold' | 'italic' | 'heading' | 'bullet' | 'numbered' | 'checklist' | 'quote' | 'link'

const clamp = (n: number, min: number, max: number) => Math.min(Math.max(n, min), max)

/** Wraps the selection in `marker` (or unwraps it when it is already wrapped). */
export function toggleWrap(state: TextState, marker: string, placeholder: string): TextState {
  const { text, start, end } = state
  const m = marker.length
  const selected = text.slice(start, end)

  // The markers are just outside the selection: remove them.
  if (start >= m && text.slice(start - m, start) === marker && text.slice(end, end + m) === marker) {
    return {
      text: text.slice(0, start - m) + selected + text.slice(end + m),
      start: start - m,
      end: end - m,
    }
  }
  // The selection itself starts and ends with the markers: remove them.
  if (selected.length >= 2 * m && selected.startsWith(marker) && selected.endsWith(marker)) {
    const inner = selected.slice(m, selected.length - m)
    return { text: text.slice(0, start) + inner + text.slice(end), start, end: start + inner.length }
  }
  if (start === end) {
    // Nothing selected: insert a placeholder, selected so that typing replaces it.
    return {
      text: text.slice(0, start) + marker + placeholder + marker + text.slice(end),
      start: start + m,
      end: start + m + placeholder.length,
    }
  }
  // Keep surrounding spaces outside the markers ("**word** " rather than "**word **").
  const lead = selected.length - selected.trimStart().length
  const trail = selected.length - selected.trimEnd().length
  const core = selected.trim()
  if (core === '') return state
  const s = start + lead
  const e = end - trail
  return {
    text: text.slice(0, s) + marker + core + marker + text.slice(e),
    start: s + m,
    end: s + m + core.length,
  }
}

type LineKind = 'heading' | 'bullet' | 'numbered' | 'checklist' | 'quote'

const PREFIXES: Record<LineKind, RegExp> = {
  heading: /^#{1,6}\s+/,
  checklist: /^\s*[-*+]\s+\[[ xX]\]\s+/,
  bullet: /^\s*[-*+]\s+(?!\[[ xX]\]\s)/,
  numbered: /^\s*\d+[.)]\s+/,
  quote: /^>\s?/,
}

/** Any list or quote marker a line may start with (replaced when another list kind is chosen). */
const LIST_PREFIX = /^\s*(?:[-*+]\s+\[[ xX]\]\s+|[-*+]\s+|\d+[.)]\s+)/

function prefixFor(kind: LineKind, index: number): string {
  switch (kind) {
    case 'heading':
      return '## '
    case 'bullet':
      return '- '
    case 'numbered':
      return `${index + 1}. `
    case 'checklist':
      return '- [ ] '
    case 'quote':
      return '> '
  }
}

/**
 * Toggles a line prefix on every line the selection touches: when all of them already
 * have it, it is removed; otherwise it is added (replacing another list marker).
 * Blank lines in a selection of several lines are left alone.
 */
export function toggleLines(state: TextState, kind: LineKind): TextState {
  const { text } = state
  const from = text.lastIndexOf('\n', state.start - 1) + 1
  // A selection ending just after a line break does not take in the next line.
  const endAt = state.end > state.start && text[state.end - 1] === '\n' ? state.end - 1 : state.end
  const nl = text.indexOf('\n', endAt)
  const to = nl === -1 ? text.length : nl
  const lines = text.slice(from, to).split('\n')
  const several = lines.length > 1
  const counted = lines.filter((l) => !several || l.trim() !== '')
  const remove = counted.length > 0 && counted.every((l) => PREFIXES[kind].test(l))

  let index = 0
  const changed = lines.map((line) => {
    if (several && line.trim() === '') return line
    if (remove) return line.replace(PREFIXES[kind], '')
    const bare = kind === 'heading' ? line.replace(PREFIXES.heading, '') : line.replace(kind === 'quote' ? PREFIXES.quote : LIST_PREFIX, '')
    return prefixFor(kind, index++) + bare
  })

  const block = changed.join('\n')
  const next = text.slice(0, from) + block + text.slice(to)
  const firstDelta = changed[0].length - lines[0].length
  const totalDelta = block.length - (to - from)
  if (state.start === state.end) {
    // A caret stays on the same word of its line.
    const caret = clamp(state.start + firstDelta, from, from + changed[0].length)
    return { text: next, start: caret, end: caret }
  }
  // A selection from the start of a line keeps the new prefix inside it.
  const start = state.start === from ? from : clamp(state.start + firstDelta, from, from + block.length)
  return { text: next, start, end: clamp(state.end + totalDelta, start, next.length) }
}

/** Turns the selection into a link; the URL part is selected so it can be typed at once. */
export function insertLink(state: TextState): TextState {
  const { text, start, end } = state
  const label = text.slice(start, end).trim() || 'link text'
  const url = 'https://'
  const inserted = `[${label}](${url})`
  const before = text.slice(0, start)
  return {
    text: before + inserted + text.slice(end),
    start: start + label.length + 3,
    end: start + label.length + 3 + url.length,
  }
}

export function applyCommand(state: TextState, command: MarkdownCommand): TextState {
  switch (command) {
    case 'bold':
      return toggleWrap(state, '**', 'bold text')
    case 'italic':
      return toggleWrap(state, '_', 'italic text')
    case 'link':
      return insertLink(state)
    default:
      return toggleLines(state, command)
  }
}

export interface CommandInfo {
  command: MarkdownCommand
  label: string
  /** The key for the shortcut label ("B"), with `shift` for Ctrl+Shift; null: toolbar only. */
  key: string | null
  shift: boolean
}

/** The toolbar, in order. */
export const COMMANDS: CommandInfo[] = [
  { command: 'bold', label: 'Bold', key: 'B', shift: false },
  { command: 'italic', label: 'Italic', key: 'I', shift: false },
  { command: 'heading', label: 'Heading', key: null, shift: false },
  { command: 'bullet', label: 'Bullet list', key: '8', shift: true },
  { command: 'numbered', label: 'Numbered list', key: '7', shift: true },
  { command: 'checklist', label: 'Checklist', key: '9', shift: true },
  { command: 'quote', label: 'Quote', key: null, shift: false },
  { command: 'link', label: 'Link', key: 'K', shift: true },
]

/**
 * The command a key press asks for, if any. Digits are read from `code` because with
 * Shift held `key` is a symbol that depends on the keyboard layout.
 */
export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  mac: boolean,
): MarkdownCommand | null {
  const mod = mac ? event.metaKey : event.ctrlKey || event.metaKey
  if (!mod || event.altKey) return null
  const key = event.code.startsWith('Digit') ? event.code.slice(5) : event.key.toUpperCase()
  for (const c of COMMANDS) {
    if (c.key !== null && c.key === key && c.shift === event.shiftKey) return c.command
  }
  return null
}

/**
 * Enter at the end of a list line continues the list ("- ", "2. ", "- [ ] ", "> ");
 * Enter on a list line left empty ends the list instead. null: an ordinary Enter.
 */
export function continueList(state: TextState): TextState | null {
  const { text, start, end } = state
  if (start !== end) return null
  const from = text.lastIndexOf('\n', start - 1) + 1
  const nl = text.indexOf('\n', start)
  const lineEnd = nl === -1 ? text.length : nl
  if (text.slice(start, lineEnd).trim() !== '') return null
  const line = text.slice(from, start)
  const m = /^(\s*)(?:([-*+])\s+(\[[ xX]\]\s+)?|(\d+)([.)])\s+|(>)\s?)/.exec(line)
  if (!m) return null
  if (line.slice(m[0].length).trim() === '') {
    // An empty item: remove its marker and stop the list.
    return { text: text.slice(0, from) + text.slice(start), start: from, end: from }
  }
  let marker: string
  if (m[2]) marker = `${m[2]} ${m[3] ? '[ ] ' : ''}`
  else if (m[4]) marker = `${Number(m[4]) + 1}${m[5]} `
  else marker = '> '
  const insert = `\n${m[1]}${marker}`
  const caret = start + insert.length
  return { text: text.slice(0, start) + insert + text.slice(start), start: caret, end: caret }
}
