import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../../backend/context'
import { FakeBackend } from '../../../test/backend'
import { partnershipDraft, sessionDraft, settle } from '../../../test/helpers'
import TopicInput from './TopicInput.svelte'

async function setup(topics: string[] = []) {
  const backend = new FakeBackend()
  const p = await backend.core.createPartnership(partnershipDraft())
  await backend.core.createSession(p.id, sessionDraft({ topics: ['AI tools', 'feedback'] }))
  await backend.core.createSession(p.id, sessionDraft({ topics: ['AI tools', 'Leadership'] }))
  const onchange = vi.fn()
  render(TopicInput, { props: { id: 'topics', topics, onchange }, context: backendContext(backend) })
  const input = screen.getByRole('combobox', { name: 'Topics' }) as HTMLInputElement
  await waitFor(() => expect(backend.callsOf('listTopics')).toBe(1))
  // The suggestions are in once the core has answered.
  await settle()
  return { backend, onchange, input }
}

const chips = () => screen.queryAllByRole('listitem').map((li) => li.textContent?.trim())

describe('TopicInput', () => {
  it('adds a topic with Enter or a comma and clears the input', async () => {
    const { onchange, input } = await setup()
    await fireEvent.input(input, { target: { value: 'social media' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(onchange).toHaveBeenLastCalledWith(['social media'])
    expect(input.value).toBe('')
    await fireEvent.input(input, { target: { value: 'TikTok,' } })
    expect(onchange).toHaveBeenLastCalledWith(['social media', 'TikTok'])
    expect(input.value).toBe('')
    expect(screen.getByRole('button', { name: 'Remove topic TikTok' })).toBeInTheDocument()
  })

  it('ignores a topic already there, whatever its case', async () => {
    const { onchange, input } = await setup(['AI tools'])
    await fireEvent.input(input, { target: { value: 'ai TOOLS' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(onchange).not.toHaveBeenCalled()
    expect(screen.getByText('“ai TOOLS” is already a topic of this session.')).toBeInTheDocument()
  })

  it('uses the journal’s spelling of a known topic', async () => {
    const { onchange, input } = await setup()
    await fireEvent.input(input, { target: { value: 'leadership' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(onchange).toHaveBeenLastCalledWith(['Leadership'])
  })

  it('suggests known topics as you type and picks one with the arrow keys and Enter', async () => {
    const { onchange, input } = await setup(['feedback'])
    await fireEvent.focus(input)
    await fireEvent.input(input, { target: { value: 'l' } })
    const listbox = screen.getByRole('listbox', { hidden: true })
    // "feedback" is taken; the others contain an "l".
    const options = screen.getAllByRole('option').map((o) => o.textContent?.replace(/\s+/g, ' ').trim())
    expect(options).toEqual(['AI tools 2 sessions', 'Leadership 1 session'])
    expect(input).toHaveAttribute('aria-expanded', 'true')
    await fireEvent.keyDown(input, { key: 'ArrowDown' })
    await fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(input).toHaveAttribute('aria-activedescendant', `${listbox.id}-1`)
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true')
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(onchange).toHaveBeenLastCalledWith(['feedback', 'Leadership'])
    await fireEvent.keyDown(input, { key: 'Escape' })
    expect(input).toHaveAttribute('aria-expanded', 'false')
  })

  it('removes a topic with its button, and the last one with Backspace on an empty input', async () => {
    const { onchange, input } = await setup(['one', 'two', 'three'])
    await fireEvent.click(screen.getByRole('button', { name: 'Remove topic two' }))
    expect(onchange).toHaveBeenLastCalledWith(['one', 'three'])
    await fireEvent.keyDown(input, { key: 'Backspace' })
    expect(onchange).toHaveBeenLastCalledWith(['one'])
    await fireEvent.input(input, { target: { value: 'x' } })
    await fireEvent.keyDown(input, { key: 'Backspace' })
    expect(onchange).toHaveBeenCalledTimes(2)
    expect(chips()).toEqual(['one'])
  })

  it('keeps hostile and right-to-left text as plain text and cuts a topic at 60 characters', async () => {
    const { onchange, input } = await setup()
    await fireEvent.input(input, { target: { value: '<b>مرحبا</b> 👋' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(document.querySelector('.chip b')).toBeNull()
    expect(screen.getByText('<b>مرحبا</b> 👋')).toBeInTheDocument()
    await fireEvent.input(input, { target: { value: 'x'.repeat(80) } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(onchange.mock.lastCall?.[0][1]).toHaveLength(60)
  })
})
