import { describe, expect, it } from 'vitest'
import type { ActionItemView } from '../../generated/types'
import { agendaFromOpenItems } from './agenda'
import { applyCommand, commandForKey, continueList, type TextState } from './markdown-commands'

/** Reads "a [b] c" as text "a b c" with "b" selected; "a | c" as a caret. */
function st(marked: string): TextState {
  const caret = marked.indexOf('|')
  if (caret >= 0) return { text: marked.replace('|', ''), start: caret, end: caret }
  const start = marked.indexOf('[[')
  const end = marked.indexOf(']]') - 2
  return { text: marked.replace('[[', '').replace(']]', ''), start, end }
}

/** The inverse of `st`, to compare results readably. */
function show(s: TextState): string {
  if (s.start === s.end) return `${s.text.slice(0, s.start)}|${s.text.slice(s.start)}`
  return `${s.text.slice(0, s.start)}[[${s.text.slice(s.start, s.end)}]]${s.text.slice(s.end)}`
}

const run = (marked: string, command: Parameters<typeof applyCommand>[1]) => show(applyCommand(st(marked), command))

describe('wrapping commands', () => {
  it('wraps the selection in bold and keeps it selected', () => {
    expect(run('I [[really]] liked it', 'bold')).toBe('I **[[really]]** liked it')
  })

  it('unwraps when run again (markers outside or inside the selection)', () => {
    expect(run('I **[[really]]** liked it', 'bold')).toBe('I [[really]] liked it')
    expect(run('I [[**really**]] liked it', 'bold')).toBe('I [[really]] liked it')
  })

  it('leaves surrounding spaces outside the markers', () => {
    expect(run('I[[ really ]]liked', 'italic')).toBe('I _[[really]]_ liked')
  })

  it('inserts a selected placeholder at a caret', () => {
    expect(run('Start |end', 'bold')).toBe('Start **[[bold text]]**end')
    expect(run('|', 'italic')).toBe('_[[italic text]]_')
  })

  it('keeps emoji and right-to-left text whole', () => {
    expect(run('[[مرحبا 👋]]', 'bold')).toBe('**[[مرحبا 👋]]**')
  })

  it('turns a selection into a link with the address selected', () => {
    expect(run('see [[the guide]] now', 'link')).toBe('see [the guide]([[https://]]) now')
    expect(run('|', 'link')).toBe('[link text]([[https://]])')
  })
})

describe('line commands', () => {
  it('adds a bullet to the caret line and keeps the caret on its word', () => {
    expect(run('one\ntw|o\nthree', 'bullet')).toBe('one\n- tw|o\nthree')
  })

  it('removes the bullet when every selected line has one', () => {
    expect(run('- [[one\n- two]]', 'bullet')).toBe('[[one\ntwo]]')
  })

  it('numbers every non-empty selected line', () => {
    expect(run('[[alpha\n\nbeta\ngamma]]', 'numbered')).toBe('[[1. alpha\n\n2. beta\n3. gamma]]')
  })

  it('replaces another list marker instead of stacking them', () => {
    expect(run('[[- one\n- two]]', 'checklist')).toBe('[[- [ ] one\n- [ ] two]]')
    expect(run('1. a|', 'bullet')).toBe('- a|')
    expect(run('- [x] done|', 'numbered')).toBe('1. done|')
  })

  it('toggles checklists and tells them apart from bullets', () => {
    expect(run('- [ ] call Zoë|', 'checklist')).toBe('call Zoë|')
    expect(run('- [ ] call Zoë|', 'bullet')).toBe('- call Zoë|')
  })

  it('adds and removes a heading and a quote', () => {
    expect(run('Title|', 'heading')).toBe('## Title|')
    expect(run('## Title|', 'heading')).toBe('Title|')
    expect(run('### Ti|tle', 'heading')).toBe('Ti|tle')
    expect(run('[[wise\nwords]]', 'quote')).toBe('[[> wise\n> words]]')
    expect(run('> wise|', 'quote')).toBe('wise|')
  })

  it('works on an empty text and does not take in the line after a trailing line break', () => {
    expect(run('|', 'bullet')).toBe('- |')
    expect(run('[[a\n]]b', 'bullet')).toBe('[[- a\n]]b')
  })
})

describe('shortcuts', () => {
  const key = (k: string, code: string, mods: Partial<KeyboardEvent> = {}) =>
    commandForKey({ key: k, code, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, ...mods }, false)

  it('maps Ctrl+B, Ctrl+I and Ctrl+Shift+7/8/9/K, reading digits from the key code', () => {
    expect(key('b', 'KeyB')).toBe('bold')
    expect(key('i', 'KeyI')).toBe('italic')
    expect(key('&', 'Digit7', { shiftKey: true })).toBe('numbered')
    expect(key('*', 'Digit8', { shiftKey: true })).toBe('bullet')
    expect(key('(', 'Digit9', { shiftKey: true })).toBe('checklist')
    expect(key('K', 'KeyK', { shiftKey: true })).toBe('link')
  })

  it('leaves Ctrl+K (search), plain keys and Alt combinations alone', () => {
    expect(key('k', 'KeyK')).toBeNull()
    expect(key('b', 'KeyB', { ctrlKey: false })).toBeNull()
    expect(key('b', 'KeyB', { altKey: true })).toBeNull()
    expect(key('7', 'Digit7')).toBeNull()
  })
})

describe('agenda from open items', () => {
  const view = (id: string, text: string, owner: 'me' | 'partner' | 'both', due_on: string | null): ActionItemView => ({
    item: { id, session_id: 's', position: 0, text, owner, due_on, done: false, created_at: '', updated_at: '' },
    session_title: 'Earlier',
    session_held_at: '2026-02-12T16:00:00',
    overdue: false,
  })

  it('makes a checklist with owner and due date, escaping Markdown in the text', () => {
    const items = [view('a', 'Write a post', 'me', '2026-03-03'), view('b', 'Send **slides**', 'partner', null)]
    expect(agendaFromOpenItems(items, 'Zoë')).toBe('- [ ] Write a post (me, due 3 Mar)\n- [ ] Send \\*\\*slides\\*\\* (Zoë)')
    expect(agendaFromOpenItems(items, 'Zoë', new Set(['a']))).toMatch(/^- \[x\] Write a post/)
  })
})

describe('continuing lists on Enter', () => {
  const enter = (marked: string) => {
    const r = continueList(st(marked))
    return r === null ? null : show(r)
  }

  it('continues bullets, numbers, checklists and quotes', () => {
    expect(enter('- one|')).toBe('- one\n- |')
    expect(enter('  2. two|')).toBe('  2. two\n  3. |')
    expect(enter('- [x] done|')).toBe('- [x] done\n- [ ] |')
    expect(enter('> said|')).toBe('> said\n> |')
  })

  it('ends the list on an empty item and leaves ordinary lines alone', () => {
    expect(enter('- one\n- |')).toBe('- one\n|')
    expect(enter('plain|')).toBeNull()
    expect(enter('- o|ne')).toBeNull()
    expect(enter('[[- one]]')).toBeNull()
  })
})
