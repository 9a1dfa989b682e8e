import { fireEvent, render, waitFor } from '@testing-library/svelte'
import { expect } from 'vitest'
import { tick } from 'svelte'
import App from '../App.svelte'
import { backendContext } from '../lib/backend/context'
import { FakeBackend, coreIdle } from './backend'
import type { Backend } from '../lib/backend/types'
import type { PartnershipDraft, SessionDraft } from '../lib/generated/types'

export function renderApp<B extends Backend = FakeBackend>(backend: B = new FakeBackend() as unknown as B) {
  const result = render(App, { context: backendContext(backend) })
  return { ...result, backend }
}

export function partnershipDraft(overrides: Partial<PartnershipDraft> = {}): PartnershipDraft {
  return {
    partner_name: 'Zoë Okafor',
    partner_org: 'Northwind',
    my_name: 'Margaret',
    my_role: 'both',
    kind: 'reverse',
    started_on: '2026-01-12',
    ended_on: null,
    agreement: { objectives: '', boundaries: '', cadence_days: null, session_minutes: null, ending: '', visibility: 'private' },
    ...overrides,
  }
}

export function sessionDraft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return {
    held_at: '2026-03-03T16:15:00',
    duration_minutes: 45,
    format: 'video',
    place: '',
    title: 'First steps with AI tools',
    agenda: '',
    notes: 'We tried three assistants.',
    shared: '',
    learned: '',
    topics: [],
    rating: null,
    reflection: '',
    visibility: 'private',
    ...overrides,
  }
}

/**
 * Lets every call out to the core come back, and the promise callbacks and Svelte updates
 * it sets off run (works under fake timers: the core's answers are real I/O).
 */
export async function settle(rounds = 20): Promise<void> {
  for (let again = 0; again < 3; again++) {
    await coreIdle()
    for (let i = 0; i < rounds; i++) {
      await Promise.resolve()
    }
    await tick()
  }
  await coreIdle()
}

export function inputById<T extends HTMLElement = HTMLInputElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`No element with id ${id}`)
  return el as T
}

interface WithEditor {
  editor?: import('@tiptap/core').Editor
}

/** Waits until every Markdown field on the page has its rich-text editor (the first load is slow). */
export async function editorsReady(): Promise<void> {
  await waitFor(() => {
    const fields = document.querySelectorAll('.md-field').length
    expect(fields).toBeGreaterThan(0)
    expect(document.querySelectorAll('.md-field [contenteditable]').length).toBe(fields)
  }, { timeout: 10_000 })
}

export function editorOf(el: HTMLElement) {
  const editor = (el as HTMLElement & WithEditor).editor
  if (!editor) throw new Error(`${el.id || el.tagName} is not a rich-text editor`)
  return editor
}

/** The Markdown a rich-text field holds. */
export function markdownIn(el: HTMLElement): string {
  return editorOf(el).getMarkdown().replace(/\n+$/, '')
}

/** Replaces a rich-text field's text as the user would (an edit, undoable, reported). */
export async function writeMarkdown(el: HTMLElement, markdown: string): Promise<void> {
  editorOf(el).chain().selectAll().deleteSelection().insertContent(markdown, { contentType: 'markdown' }).run()
  await tick()
}

/** The title of the session on screen: the editor's field, or the reading page's heading (a past session). */
export function shownSessionTitle(): string | null {
  const input = document.getElementById('session-title') as HTMLInputElement | null
  if (input) return input.value
  return document.getElementById('reading-title')?.textContent ?? null
}

/** Types `text` into a DateInput (or TimeInput) and leaves it, as a person does: it reads what was typed then. */
export async function enterDate(el: HTMLElement, text: string): Promise<void> {
  await fireEvent.input(el, { target: { value: text } })
  await fireEvent.change(el)
}

/** The ISO value of a DateInput ("YYYY-MM-DD", "" for none); what it shows is in the chosen format. */
export function dateOf(el: HTMLElement): string | undefined {
  return el.dataset.value
}
