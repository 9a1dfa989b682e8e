import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import type { Component } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../../backend/context'
import { FakeBackend } from '../../../test/backend'
import { dateOf, editorsReady, enterDate, inputById, markdownIn, partnershipDraft } from '../../../test/helpers'
import { goalDraft } from './fixtures'
import { MAX_SHORT_CHARS } from '../../generated/limits'
import GoalEditor from './GoalEditor.svelte'
import { fakeUndo } from './testing/fakeUndo'
import WithUndo from './testing/WithUndo.svelte'

/** Renders the editor; `prepare` may fill the journal and return the goal to open (null: a new one). */
async function setup(prepare?: (b: FakeBackend, pid: string) => Promise<string | null>) {
  const backend = new FakeBackend()
  const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  const goalId = (await prepare?.(backend, p.id)) ?? null
  const undo = fakeUndo()
  const props = { partnershipId: p.id, goalId, onback: vi.fn(), oncreated: vi.fn(), onloaded: vi.fn() }
  render(WithUndo, {
    props: { component: GoalEditor as unknown as Component<Record<string, unknown>>, props, undo: undo.toast },
    context: backendContext(backend),
  })
  await waitFor(() => expect(props.onloaded).toHaveBeenCalledWith(true))
  return { backend, pid: p.id, props, undo }
}

async function typeInto(el: HTMLElement, value: string) {
  await fireEvent.input(el, { target: { value } })
  await fireEvent.focusOut(el)
}

async function newGoalWithTitle(title = 'Speak up in the board meeting') {
  const ctx = await setup()
  await typeInto(inputById('goal-title'), title)
  await waitFor(() => expect(ctx.props.oncreated).toHaveBeenCalledTimes(1))
  const goalId = ctx.props.oncreated.mock.calls[0][0] as string
  return { ...ctx, goalId }
}

describe('Goal editor', () => {
  it('creates the goal on the first edit, then updates it', async () => {
    const { backend, pid, props, goalId } = await newGoalWithTitle()
    expect(backend.callsOf('createGoal')).toBe(1)
    expect(await screen.findByRole('heading', { name: 'Milestones' })).toBeInTheDocument()
    expect(screen.queryByText(/then you can add milestones/)).toBeNull()
    const list = await backend.core.listGoals(pid)
    expect(list.map((g) => g.goal.id)).toEqual([goalId])
    expect(list[0].goal.title).toBe('Speak up in the board meeting')
    expect(props.oncreated).toHaveBeenCalledWith(goalId)

    await fireEvent.click(screen.getByRole('radio', { name: 'Zoë’s' }))
    await fireEvent.click(screen.getByRole('radio', { name: 'Achieved' }))
    await fireEvent.change(inputById<HTMLSelectElement>('goal-direction'), { target: { value: 'partner_learns' } })
    await enterDate(inputById('goal-target'), '2026-06-30')
    await waitFor(async () =>
      expect((await backend.core.getGoal(goalId)).goal).toMatchObject({
        whose: 'partners',
        status: 'achieved',
        direction: 'partner_learns',
        target_on: '2026-06-30',
      }),
    )
    expect(backend.callsOf('createGoal')).toBe(1)
    expect(backend.callsOf('updateGoal')).toBeGreaterThan(0)
    expect(screen.getByRole('option', { name: 'Zoë learns from me' })).toBeInTheDocument()
  })

  it('issue 17: a goal is private until shared with Zoë, and the choice is saved and shown again', async () => {
    const { backend, goalId } = await newGoalWithTitle()
    const toggle = screen.getByRole('switch', { name: 'Private' })
    expect(toggle).not.toBeChecked()
    expect(screen.getByTestId('goal-shared-hint')).toHaveTextContent('Only you see it')
    expect((await backend.core.getGoal(goalId)).goal.visibility).toBe('private')

    await fireEvent.click(toggle)
    expect(screen.getByRole('switch', { name: 'Shared with Zoë' })).toBeChecked()
    expect(screen.getByTestId('goal-shared-hint')).toHaveTextContent(
      'Zoë sees it, with its milestones and progress, in the next bundle you send',
    )
    await waitFor(async () => expect((await backend.core.getGoal(goalId)).goal.visibility).toBe('shared'))
  })

  it('issue 17: opens a shared goal shared, and making it private again saves that', async () => {
    const { backend } = await setup(async (b, pid) => (await b.core.createGoal(pid, goalDraft({ visibility: 'shared' }))).id)
    const goal = (await backend.core.listGoals((await backend.core.listPartnerships())[0].partnership.id))[0].goal
    const toggle = screen.getByRole('switch', { name: 'Shared with Zoë' })
    expect(toggle).toBeChecked()
    await fireEvent.click(toggle)
    expect(toggle).not.toBeChecked()
    expect(screen.getByTestId('goal-shared-state')).toHaveTextContent('Private')
    await waitFor(async () => expect((await backend.core.getGoal(goal.id)).goal.visibility).toBe('private'))
  })

  it('shows a refused save next to the field and keeps what was typed', async () => {
    const { backend, props } = await setup()
    expect(screen.getByText(/then you can add milestones/)).toBeInTheDocument()
    await fireEvent.click(screen.getByRole('radio', { name: 'Achieved' }))
    await fireEvent.focusOut(screen.getByRole('radio', { name: 'Achieved' }))
    await waitFor(() => expect(document.getElementById('goal-title-error')).toHaveTextContent('title cannot be empty'))
    expect(document.getElementById('goal-title-error')).toHaveAttribute('role', 'alert')
    expect(inputById('goal-title')).toHaveAttribute('aria-invalid', 'true')
    expect(props.oncreated).not.toHaveBeenCalled()
    expect(screen.getByRole('radio', { name: 'Achieved' })).toBeChecked()

    await typeInto(inputById('goal-title'), '🎯 <b>Not HTML</b>')
    await waitFor(() => expect(props.oncreated).toHaveBeenCalledTimes(1))
    expect(document.getElementById('goal-title-error')).toBeNull()
    const [summary] = await backend.core.listGoals((await backend.core.listPartnerships())[0].partnership.id)
    expect(summary.goal).toMatchObject({ title: '🎯 <b>Not HTML</b>', status: 'achieved' })
    expect(document.querySelector('b')).toBeNull()
  })

  it('loads an existing goal with its milestones and progress', async () => {
    const { backend } = await setup(async (b, pid) => {
      const g = await b.core.createGoal(
        pid,
        goalDraft({ title: 'Post weekly', success_criteria: 'Ten posts', target_on: '2026-05-01', whose: 'shared' }),
      )
      await b.core.createMilestone(g.id, { title: 'First post', due_on: '2026-03-10', done: true })
      await b.core.addProgress(g.id, { recorded_on: '2026-02-01', value: 20, note: 'Started' })
      await b.core.addProgress(g.id, { recorded_on: '2026-02-15', value: 45, note: '' })
      return g.id
    })
    expect(inputById('goal-title')).toHaveValue('Post weekly')
    await editorsReady()
    expect(markdownIn(inputById('goal-criteria'))).toBe('Ten posts')
    expect(dateOf(inputById('goal-target'))).toBe('2026-05-01')
    expect(screen.getByRole('radio', { name: 'Shared' })).toBeChecked()
    expect(screen.getByRole('radio', { name: 'Active' })).toBeChecked()
    expect(screen.getByTestId('milestone-count')).toHaveTextContent('1 of 1 done')
    expect(screen.getByRole('checkbox', { name: 'Done: First post' })).toBeChecked()
    expect(screen.getAllByTestId('chart-point')).toHaveLength(2)
    // The slider starts at the latest value.
    expect(inputById('progress-value')).toHaveValue(45)
    expect(backend.callsOf('updateGoal')).toBe(0)
  })

  it('adds milestones with Enter, ticks them, and trashes one with undo', async () => {
    const { backend, goalId, undo } = await newGoalWithTitle()
    const input = screen.getByLabelText('New milestone')
    await fireEvent.input(input, { target: { value: 'Draft the talk' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(screen.getAllByTestId('milestone')).toHaveLength(1))
    expect(input).toHaveValue('')
    await fireEvent.input(input, { target: { value: 'Rehearse with Zoë' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(screen.getAllByTestId('milestone')).toHaveLength(2))
    expect(screen.getByTestId('milestone-count')).toHaveTextContent('0 of 2 done')

    await fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Draft the talk' }))
    await waitFor(() => expect(screen.getByTestId('milestone-count')).toHaveTextContent('1 of 2 done'))
    let detail = await backend.core.getGoal(goalId)
    expect(detail.milestones.map((m) => [m.title, m.done])).toEqual([
      ['Draft the talk', true],
      ['Rehearse with Zoë', false],
    ])

    // Edit a title in place; an empty one is refused next to it and kept on screen.
    const second = within(screen.getAllByTestId('milestone')[1]).getByRole('textbox', { name: 'Milestone' })
    await fireEvent.input(second, { target: { value: '' } })
    await fireEvent.blur(second)
    expect(await within(screen.getAllByTestId('milestone')[1]).findByRole('alert')).toHaveTextContent('cannot be empty')
    await fireEvent.input(second, { target: { value: 'Rehearse twice' } })
    await fireEvent.keyDown(second, { key: 'Enter' })
    await waitFor(async () => expect((await backend.core.getGoal(goalId)).milestones[1].title).toBe('Rehearse twice'))

    await fireEvent.click(screen.getByRole('button', { name: 'Move “Draft the talk” to the trash' }))
    await waitFor(() => expect(screen.getAllByTestId('milestone')).toHaveLength(1))
    expect(undo.shown.at(-1)?.message).toBe('Milestone “Draft the talk” moved to the trash')
    detail = await backend.core.getGoal(goalId)
    expect(detail.milestones.map((m) => m.title)).toEqual(['Rehearse twice'])

    await undo.undoLast()
    await waitFor(() => expect(screen.getAllByTestId('milestone')).toHaveLength(2))
    expect(within(screen.getAllByTestId('milestone')[0]).getByRole('textbox', { name: 'Milestone' })).toHaveValue(
      'Draft the talk',
    )
    expect((await backend.core.getGoal(goalId)).milestones).toHaveLength(2)
  })

  it('records progress, draws one chart point per entry, and shows a refused value next to the field', async () => {
    const { backend, goalId } = await newGoalWithTitle('Learn prompting')
    expect(screen.queryByTestId('progress-chart')).toBeNull()

    await enterDate(inputById('progress-date'), '2026-02-01')
    await fireEvent.input(inputById('progress-value'), { target: { value: '30' } })
    await fireEvent.input(inputById('progress-note'), { target: { value: 'First week' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    await waitFor(() => expect(screen.getAllByTestId('progress-entry')).toHaveLength(1))
    expect(screen.getAllByTestId('chart-point')).toHaveLength(1)

    await enterDate(inputById('progress-date'), '2026-02-20')
    await fireEvent.input(inputById('progress-value'), { target: { value: '101' } })
    await fireEvent.input(inputById('progress-note'), { target: { value: 'Too keen' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    const error = await screen.findByText('Progress is a percentage from 0 to 100. 101 is more than 100.')
    expect(error.closest('.field')?.querySelector('#progress-value')).not.toBeNull()
    expect(inputById('progress-value')).toHaveAttribute('aria-invalid', 'true')
    expect(inputById('progress-value')).toHaveValue(101)
    expect(inputById('progress-note')).toHaveValue('Too keen')
    expect(screen.getAllByTestId('chart-point')).toHaveLength(1)

    await fireEvent.input(inputById('progress-value'), { target: { value: '75' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    await waitFor(() => expect(screen.getAllByTestId('chart-point')).toHaveLength(2))
    expect(screen.queryByText(/Progress is a percentage/)).toBeNull()
    const chart = screen.getByRole('img', { name: /Progress of Learn prompting/ })
    expect(chart).toHaveAccessibleName('Progress of Learn prompting: from 30% on 1 Feb 2026 to 75% on 20 Feb 2026 (2 entries).')
    const table = screen.getByRole('table', { name: 'Progress of Learn prompting over time' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    // Newest entry first in the list.
    expect(screen.getAllByTestId('progress-entry')[0]).toHaveTextContent('75%')
    expect((await backend.core.getGoal(goalId)).progress.map((e) => e.value)).toEqual([30, 75])
  })

  it('issue 16: says a progress date after today counts only from then, and the goal stands where today puts it', async () => {
    const { backend, pid } = await newGoalWithTitle('Learn prompting')
    const day = (offset: number) => {
      const d = new Date()
      d.setDate(d.getDate() + offset)
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    }
    expect(screen.queryByTestId('progress-date-ahead')).toBeNull()
    await enterDate(inputById('progress-date'), day(-3))
    await fireEvent.input(inputById('progress-value'), { target: { value: '30' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    await waitFor(() => expect(screen.getAllByTestId('progress-entry')).toHaveLength(1))
    expect(screen.queryByTestId('progress-date-ahead')).toBeNull()

    await enterDate(inputById('progress-date'), day(10))
    const hint = await screen.findByTestId('progress-date-ahead')
    expect(hint).toHaveTextContent(/^After today: the goal stands at this only from /)
    expect(inputById('progress-date')).toHaveAccessibleDescription(hint.textContent!.trim())
    await fireEvent.input(inputById('progress-value'), { target: { value: '90' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    await waitFor(() => expect(screen.getAllByTestId('progress-entry')).toHaveLength(2))
    const [ahead, past] = screen.getAllByTestId('progress-entry')
    expect(ahead).toHaveTextContent('90%')
    expect(ahead).toHaveTextContent('not yet')
    expect(past).not.toHaveTextContent('not yet')
    // The core counts the goal where today puts it.
    expect((await backend.core.listGoals(pid))[0].progress).toBe(30)
  })

  it('issue 16: title and milestone fields stop at the core\'s limit, in characters', async () => {
    await newGoalWithTitle()
    expect(inputById('goal-title')).toHaveAttribute('maxlength', String(MAX_SHORT_CHARS))
    expect(inputById('new-milestone')).toHaveAttribute('maxlength', String(MAX_SHORT_CHARS))
  })

  it('edits a progress entry in place: Save keeps it, Escape leaves it as it was', async () => {
    const { backend, goalId } = await newGoalWithTitle('Learn prompting')
    await enterDate(inputById('progress-date'), '2026-02-01')
    await fireEvent.input(inputById('progress-value'), { target: { value: '30' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    const entry = await screen.findByTestId('progress-entry')
    await fireEvent.click(within(entry).getByRole('button', { name: 'Edit the entry of 1 Feb 2026' }))
    const form = within(entry).getByRole('form', { name: 'Edit the entry of 1 Feb 2026' })
    await fireEvent.input(within(form).getByLabelText('Progress (%)'), { target: { value: '101' } })
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    expect(await within(entry).findByRole('alert')).toHaveTextContent('Progress is a percentage from 0 to 100. 101 is more than 100.')
    await fireEvent.input(within(form).getByLabelText('Progress (%)'), { target: { value: '40' } })
    await fireEvent.input(within(form).getByLabelText('Note'), { target: { value: 'Better than I said' } })
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByTestId('progress-entry')).toHaveTextContent('40%'))
    expect(screen.getByTestId('progress-entry')).toHaveTextContent('Better than I said')
    expect((await backend.core.getGoal(goalId)).progress.map((e) => [e.value, e.note])).toEqual([[40, 'Better than I said']])
    // Escape cancels what was typed.
    await fireEvent.click(within(screen.getByTestId('progress-entry')).getByRole('button', { name: /Edit the entry/ }))
    const again = within(screen.getByTestId('progress-entry')).getByRole('form')
    await fireEvent.input(within(again).getByLabelText('Progress (%)'), { target: { value: '90' } })
    await fireEvent.keyDown(within(again).getByLabelText('Progress (%)'), { key: 'Escape' })
    expect(screen.getByTestId('progress-entry')).toHaveTextContent('40%')
    expect((await backend.core.getGoal(goalId)).progress[0].value).toBe(40)
  })

  it('moves the goal to the trash with undo, then goes back', async () => {
    const { backend, pid, props, undo, goalId } = await newGoalWithTitle('Temporary')
    await fireEvent.click(screen.getByTestId('trash-goal'))
    await waitFor(() => expect(props.onback).toHaveBeenCalledTimes(1))
    expect(undo.shown.at(-1)?.message).toBe('Goal “Temporary” moved to the trash')
    expect(await backend.core.listGoals(pid)).toEqual([])
    await undo.undoLast()
    expect((await backend.core.listGoals(pid)).map((g) => g.goal.id)).toEqual([goalId])
  })
})
