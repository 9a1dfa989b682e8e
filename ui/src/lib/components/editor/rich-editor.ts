/**
 * The rich-text editor behind every Markdown field: TipTap (ProseMirror) that reads and
 * writes Markdown. Loaded on demand by `MarkdownField.svelte` (a dynamic import), so
 * none of it is in the start-up bundle.
 *
 * What it stores is Markdown, and these rules keep that Markdown safe and stable:
 * - Raw HTML in a note is text, never elements: the Markdown parser has no HTML rules
 *   (`<b>` in a note stays the characters `<b>`, as the core's renderers show it).
 * - Text is written with Markdown's own escapes only (`\*`), not HTML entities, so the
 *   Markdown source stays readable (`5 < 6`, `Q&A`).
 * - A line break (Shift+Enter) is written as a single newline: the core shows a single
 *   newline as a line break in the reading view and the PDF.
 * - Every block takes its direction from its text (`dir="auto"`), for Arabic and Hebrew.
 * - TipTap's own stylesheet is not injected (the CSP forbids inline styles): the little
 *   it needs is in `MarkdownField.svelte`.
 */
import { Editor, Extension } from '@tiptap/core'
import HardBreak from '@tiptap/extension-hard-break'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import { Markdown } from '@tiptap/markdown'
import StarterKit from '@tiptap/starter-kit'
import { Marked, type marked } from 'marked'
import type { MarkdownCommand } from './toolbar'

/**
 * A Markdown parser that knows no HTML: tags and HTML blocks are read as plain text. (Its
 * own instance, so nothing else's `marked` changes; TipTap only uses what both have.)
 */
function markdownParser(): typeof marked {
  const parser = new Marked()
  parser.use({
    tokenizer: {
      // Returning nothing makes the lexer try its next rule (a paragraph, plain text).
      html: () => undefined,
      tag: () => undefined,
    },
  })
  return parser as unknown as typeof marked
}

/** `escapeMarkdownSyntax`' characters, plus an `&` that would read as an entity. */
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]~])/g, '\\$1').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
}

/** Shift+Enter: a line break, written as a single newline (see above). */
const LineBreak = HardBreak.extend({ renderMarkdown: () => '\n' }).configure({ keepMarks: true })

export interface RichEditorOptions {
  element: HTMLElement
  markdown: string
  id: string
  /** The editable's accessible name comes from this element (the field's label). */
  labelledBy: string
  describedBy?: string
  invalid: boolean
  placeholder: string
  /** Called after every change to the document made by the user (not on load). */
  onchange: () => void
  /** Ctrl+Shift+K: the field asks for the link's address. */
  onlink: () => void
  onblur: () => void
}

export function createRichEditor(options: RichEditorOptions): Editor {
  const ShortcutsAndBreaks = Extension.create({
    name: 'tandemKeys',
    addKeyboardShortcuts() {
      const link = () => {
        options.onlink()
        return true
      }
      // With Shift held, the key may come as "K" or "k".
      return { 'Mod-Shift-k': link, 'Mod-Shift-K': link }
    },
  })
  const editor = new Editor({
    element: options.element,
    injectCSS: false,
    textDirection: 'auto',
    extensions: [
      StarterKit.configure({
        // No Markdown for underline; links are ours (below).
        underline: false,
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          protocols: [],
          defaultProtocol: 'https',
          isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url),
          HTMLAttributes: { rel: 'noopener noreferrer', target: null },
        },
        hardBreak: false,
        // The history is ProseMirror's: every edit, typed or from the toolbar, is undoable.
        undoRedo: { depth: 200 },
      }),
      LineBreak,
      TaskList,
      TaskItem.configure({ nested: true }),
      Markdown.configure({ marked: markdownParser() }),
      ShortcutsAndBreaks,
    ],
    content: options.markdown,
    contentType: 'markdown',
    editorProps: {
      attributes: {
        id: options.id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': options.labelledBy,
        ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        'aria-invalid': String(options.invalid),
        'aria-placeholder': options.placeholder,
        spellcheck: 'true',
        class: 'rich',
      },
    },
    onUpdate: () => options.onchange(),
    onBlur: () => options.onblur(),
  })
  const manager = editor.markdown
  if (manager) {
    // Readable Markdown: Markdown escapes instead of HTML entities (the parser reads no HTML).
    const patched = manager as unknown as {
      encodeTextForMarkdown: (text: string, node: { marks?: { type: string }[] }, parent?: { type?: string }) => string
    }
    const original = patched.encodeTextForMarkdown.bind(manager)
    patched.encodeTextForMarkdown = (text, node, parent) => {
      const inCode = original('&', node, parent) === '&'
      return inCode ? text : escapeText(text)
    }
  }
  return editor
}

/**
 * The document as Markdown. TipTap ends a document that ends in a list with blank
 * lines; a note never ends with them.
 */
export function toMarkdown(editor: Editor): string {
  return editor.getMarkdown().replace(/\n+$/, '')
}

/** Replaces the whole document (a new value from outside): not an edit, not undoable. */
export function setMarkdown(editor: Editor, markdown: string): void {
  editor
    .chain()
    .setMeta('addToHistory', false)
    .setContent(markdown, { contentType: 'markdown', emitUpdate: false })
    .run()
}

/** The mark or node each toolbar command makes, as TipTap names it. */
const MADE_BY: Record<MarkdownCommand, string> = {
  bold: 'bold',
  italic: 'italic',
  heading: 'heading',
  bullet: 'bulletList',
  numbered: 'orderedList',
  checklist: 'taskList',
  quote: 'blockquote',
  link: 'link',
}

export function isActive(editor: Editor, command: MarkdownCommand): boolean {
  return editor.isActive(MADE_BY[command])
}

/** Runs a toolbar command (not `link`: that needs an address, see `setLink`). */
export function runCommand(editor: Editor, command: Exclude<MarkdownCommand, 'link'>): void {
  const chain = editor.chain().focus()
  switch (command) {
    case 'bold':
      chain.toggleBold().run()
      break
    case 'italic':
      chain.toggleItalic().run()
      break
    case 'heading':
      chain.toggleHeading({ level: 2 }).run()
      break
    case 'bullet':
      chain.toggleBulletList().run()
      break
    case 'numbered':
      chain.toggleOrderedList().run()
      break
    case 'checklist':
      chain.toggleTaskList().run()
      break
    case 'quote':
      chain.toggleBlockquote().run()
      break
  }
}

/** The link under the caret or selection, if any. */
export function currentLink(editor: Editor): string {
  return (editor.getAttributes('link').href as string | undefined) ?? ''
}

/**
 * Links the selection (or the link around the caret) to `href`; with nothing selected the
 * address itself is inserted as the link's text. An empty address removes the link.
 * Returns false when the address is not one a note may link to.
 */
export function setLink(editor: Editor, href: string): boolean {
  const url = href.trim()
  const chain = editor.chain().focus().extendMarkRange('link')
  if (url === '') {
    chain.unsetLink().run()
    return true
  }
  const full = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`
  if (!/^(https?:\/\/|mailto:)/i.test(full)) return false
  if (editor.state.selection.empty && !editor.isActive('link')) {
    chain.insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: full } }] }).run()
  } else {
    chain.setLink({ href: full }).run()
  }
  return true
}
