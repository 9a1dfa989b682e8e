/**
 * The formatting toolbar's commands. Kept apart from `rich-editor.ts` so that showing the
 * toolbar does not load the editor.
 */

export type MarkdownCommand = 'bold' | 'italic' | 'heading' | 'bullet' | 'numbered' | 'checklist' | 'quote' | 'link'

export interface CommandInfo {
  command: MarkdownCommand
  label: string
  /** The key for the shortcut label ("B"), with `shift` for Ctrl+Shift; null: toolbar only. */
  key: string | null
  shift: boolean
}

/** The toolbar, in order. The shortcuts are the editor's own (and Ctrl+Shift+K for a link). */
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
