import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import sample from '../../../../../assets/sample-journal.json'
import { createRichEditor, runCommand, setLink, setMarkdown, toMarkdown } from './rich-editor'

let editors: Editor[] = []

function make(markdown = ''): Editor {
  const element = document.createElement('div')
  document.body.append(element)
  const editor = createRichEditor({
    element,
    markdown,
    id: 'notes',
    labelledBy: 'notes-label',
    invalid: false,
    placeholder: '',
    onchange() {},
    onlink() {},
    onblur() {},
  })
  editors.push(editor)
  return editor
}

afterEach(() => {
  for (const e of editors) e.destroy()
  editors = []
  document.body.innerHTML = ''
})

/** Selects `text` (the first time it occurs) in the document. */
function select(editor: Editor, text: string) {
  let from = -1
  editor.state.doc.descendants((node, pos) => {
    if (from !== -1 || !node.isText) return
    const i = node.text?.indexOf(text) ?? -1
    if (i !== -1) from = pos + i
  })
  if (from === -1) throw new Error(`"${text}" is not in the document`)
  editor.commands.setTextSelection({ from, to: from + text.length })
}

function caretAtEnd(editor: Editor) {
  const { doc, tr } = editor.state
  editor.view.dispatch(tr.setSelection(TextSelection.atEnd(doc)))
}

/** Types like a person: each character goes through the input rules. */
function type(editor: Editor, text: string) {
  for (const ch of text) {
    const { from, to } = editor.state.selection
    const handled = editor.view.someProp('handleTextInput', (f) => f(editor.view, from, to, ch, () => editor.state.tr.insertText(ch, from, to)))
    if (!handled) editor.view.dispatch(editor.state.tr.insertText(ch, from, to))
  }
}

function key(editor: Editor, k: string, mods: { ctrl?: boolean; shift?: boolean } = {}) {
  const event = new KeyboardEvent('keydown', { key: k, ctrlKey: mods.ctrl ?? false, shiftKey: mods.shift ?? false, bubbles: true, cancelable: true })
  editor.view.someProp('handleKeyDown', (f) => f(editor.view, event))
}

describe('the Markdown the toolbar writes', () => {
  const cases: [command: Parameters<typeof runCommand>[1], before: string, selection: string, after: string][] = [
    ['bold', 'I really liked it', 'really', 'I **really** liked it'],
    ['italic', 'I really liked it', 'really', 'I *really* liked it'],
    ['heading', 'Next steps', 'Next', '## Next steps'],
    ['bullet', 'one', 'one', '- one'],
    ['numbered', 'one', 'one', '1. one'],
    ['checklist', 'call Sam', 'call', '- [ ] call Sam'],
    ['quote', 'well said', 'well', '> well said'],
  ]
  for (const [command, before, selection, after] of cases) {
    it(`${command}: ${after}`, () => {
      const editor = make(before)
      select(editor, selection)
      runCommand(editor, command)
      expect(toMarkdown(editor)).toBe(after)
      // Each writes what it reads back the same.
      expect(toMarkdown(make(after))).toBe(after)
      // And the same command again takes it off.
      runCommand(editor, command)
      expect(toMarkdown(editor)).toBe(before)
    })
  }

  it('turns several paragraphs into one list', () => {
    const editor = make('one\n\ntwo')
    const { doc } = editor.state
    editor.commands.setTextSelection({ from: 1, to: doc.content.size - 1 })
    runCommand(editor, 'numbered')
    expect(toMarkdown(editor)).toBe('1. one\n2. two')
  })

  it('links the selection, or inserts the address, and refuses other schemes', () => {
    const editor = make('read the guide')
    select(editor, 'guide')
    expect(setLink(editor, 'example.org/guide')).toBe(true)
    expect(toMarkdown(editor)).toBe('read the [guide](https://example.org/guide)')
    expect(setLink(editor, 'javascript:alert(1)')).toBe(false)
    expect(toMarkdown(editor)).toBe('read the [guide](https://example.org/guide)')
    select(editor, 'guide')
    setLink(editor, '')
    expect(toMarkdown(editor)).toBe('read the guide')
    caretAtEnd(editor)
    type(editor, ' ')
    setLink(editor, 'mailto:zoe@example.org')
    expect(toMarkdown(editor)).toBe('read the guide [mailto:zoe@example.org](mailto:zoe@example.org)')
  })
})

describe('the keyboard', () => {
  it('has the shortcuts the toolbar shows', () => {
    const editor = make('one')
    select(editor, 'one')
    key(editor, 'b', { ctrl: true })
    expect(toMarkdown(editor)).toBe('**one**')
    key(editor, 'i', { ctrl: true })
    expect(toMarkdown(editor)).toBe('***one***')
    key(editor, 'i', { ctrl: true })
    key(editor, 'b', { ctrl: true })
    key(editor, '8', { ctrl: true, shift: true })
    expect(toMarkdown(editor)).toBe('- one')
    key(editor, '8', { ctrl: true, shift: true })
    key(editor, '7', { ctrl: true, shift: true })
    expect(toMarkdown(editor)).toBe('1. one')
    key(editor, '7', { ctrl: true, shift: true })
    key(editor, '9', { ctrl: true, shift: true })
    expect(toMarkdown(editor)).toBe('- [ ] one')
  })

  it('leaves Ctrl+K to the search and opens the link form on Ctrl+Shift+K', () => {
    let asked = 0
    const element = document.createElement('div')
    const editor = createRichEditor({
      element,
      markdown: 'x',
      id: 'n',
      labelledBy: 'l',
      invalid: false,
      placeholder: '',
      onchange() {},
      onlink: () => asked++,
      onblur() {},
    })
    editors.push(editor)
    const plain = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true })
    expect(editor.view.someProp('handleKeyDown', (f) => f(editor.view, plain)) ?? false).toBe(false)
    key(editor, 'K', { ctrl: true, shift: true })
    expect(asked).toBe(1)
  })

  it('turns Markdown typed as you go into formatting', () => {
    const editor = make('')
    type(editor, '## Plan')
    expect(editor.state.doc.firstChild?.type.name).toBe('heading')
    key(editor, 'Enter')
    type(editor, '- first')
    expect(editor.isActive('bulletList')).toBe(true)
    key(editor, 'Enter')
    type(editor, 'a **big** one')
    expect(toMarkdown(editor)).toBe('## Plan\n\n- first\n- a **big** one')
  })

  it('ends a list on Enter in an empty item, with a blank line before the next paragraph', () => {
    const editor = make('')
    type(editor, '- one')
    key(editor, 'Enter')
    type(editor, 'two')
    key(editor, 'Enter')
    key(editor, 'Enter')
    type(editor, 'After the list')
    expect(toMarkdown(editor)).toBe('- one\n- two\n\nAfter the list')
  })

  it('writes Shift+Enter as a single line break and Enter as a new paragraph', () => {
    const editor = make('')
    type(editor, 'line one')
    key(editor, 'Enter', { shift: true })
    type(editor, 'line two')
    key(editor, 'Enter', { shift: true })
    type(editor, 'line three')
    key(editor, 'Enter')
    type(editor, 'next')
    expect(toMarkdown(editor)).toBe('line one\nline two\nline three\n\nnext')
  })
})

describe('undo and redo', () => {
  it('cover toolbar edits as well as typing', () => {
    const editor = make('I really liked it')
    select(editor, 'really')
    runCommand(editor, 'bold')
    runCommand(editor, 'heading')
    expect(toMarkdown(editor)).toBe('## I **really** liked it')
    editor.commands.undo()
    expect(toMarkdown(editor)).toBe('I **really** liked it')
    editor.commands.undo()
    expect(toMarkdown(editor)).toBe('I really liked it')
    key(editor, 'z', { ctrl: true, shift: true })
    expect(toMarkdown(editor)).toBe('I **really** liked it')
    key(editor, 'y', { ctrl: true })
    expect(toMarkdown(editor)).toBe('## I **really** liked it')
  })

  it('do not undo a new value loaded from outside', () => {
    const editor = make('first')
    setMarkdown(editor, 'second')
    editor.commands.undo()
    expect(toMarkdown(editor)).toBe('second')
  })
})

describe('paste', () => {
  it('keeps the structure of a web page or word processor and drops the rest', () => {
    const editor = make('')
    const html = `<html><head><style>p { color: red }</style><script>window.__pasted = 1</script></head><body>
      <h2 style="font-family: Calibri">Minutes</h2>
      <p class="MsoNormal" style="margin: 0"><b>Decided</b>: <span style="font-style: italic">ship it</span> <font color="red">now</font></p>
      <ul><li><p>one</p></li><li>two</li></ul>
      <p>See <a href="https://example.org/x" onclick="evil()">the doc</a> and <a href="javascript:alert(1)">this</a>.<img src="https://tracker.example/p.gif"></p>
      <iframe src="https://example.org"></iframe>
    </body></html>`
    editor.view.pasteHTML(html)
    const md = toMarkdown(editor)
    expect(md).toBe('## Minutes\n\n**Decided**: *ship it* now\n\n- one\n- two\n\nSee [the doc](https://example.org/x) and this.')
    expect((window as unknown as { __pasted?: number }).__pasted).toBeUndefined()
  })

  it('pastes plain text as text', () => {
    const editor = make('')
    editor.view.pasteText('a <b>tag</b> & more')
    expect(toMarkdown(editor)).toBe('a <b>tag</b> & more')
    expect(editor.view.dom.querySelector('b')).toBeNull()
  })
})

describe('reading Markdown', () => {
  it('shows raw HTML as text, never as elements', () => {
    const editor = make('<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>\n\n<div>block</div>')
    const dom = editor.view.dom
    expect(dom.querySelector('img, script, div div')).toBeNull()
    expect(dom.textContent).toContain('<img src=x onerror=')
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('gives every block its direction from its text', () => {
    const editor = make('مرحبا بالعالم\n\n- אחד\n\n## Title')
    const blocks = editor.view.dom.querySelectorAll('p, li, h2')
    expect(blocks.length).toBe(4)
    for (const b of blocks) expect(b.getAttribute('dir')).toBe('auto')
  })

  it('shows single newlines of older notes as line breaks, and keeps them', () => {
    const editor = make('line one\nline two')
    expect(editor.view.dom.querySelector('p')?.textContent).toBe('line one\nline two')
    expect(toMarkdown(editor)).toBe('line one\nline two')
  })

  // What the toolbar and the keyboard make, and the constructs the report supports: read
  // and written back unchanged.
  const canonical = [
    '# Heading 1\n\n## Heading 2\n\n### Heading 3',
    'Some *emphasis*, **strong** and ***both***.',
    '- one\n- two\n  - nested\n  - nested two\n- three',
    '1. first\n2. second\n   1. inner',
    '- [ ] open\n- [x] done',
    '> a quote\n>\n> in two paragraphs',
    'A [link](https://example.org/a?b=c) and `inline code`.',
    '```\nlet x = 1\n```',
    'line one\nline two\nline three',
    'a < b > c & d',
    'Escaped \\*stars\\* and \\_underscores\\_',
    '- item\n\nAfter the list',
    'مرحبا بالعالم',
    'Zoë, Ελληνικά, Кириллица, 日本語',
  ]
  for (const text of canonical) {
    it(`round-trips ${JSON.stringify(text)}`, () => {
      expect(toMarkdown(make(text))).toBe(text)
    })
  }

  it('writes every note of the sample journal in a form it reads back the same', () => {
    const notes: string[] = []
    for (const s of sample.sessions) for (const t of [s.agenda, s.notes, s.shared, s.learned, s.reflection]) if (t) notes.push(t)
    for (const g of sample.goals) for (const t of [g.description, g.success_criteria]) if (t) notes.push(t)
    expect(notes.length).toBeGreaterThan(10)
    for (const text of notes) {
      const once = toMarkdown(make(text))
      // The same words (only blank lines and markers may be written differently)...
      expect(once.replace(/\s+/g, ' ').replace(/[*_]/g, '')).toBe(text.replace(/\s+/g, ' ').replace(/[*_]/g, ''))
      // ...and stable from then on.
      expect(toMarkdown(make(once))).toBe(once)
    }
  })
})
