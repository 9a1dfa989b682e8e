import { render, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { backendContext } from '../../backend/context'
import { FakeBackend } from '../../../test/backend'
import { partnershipDraft } from '../../../test/helpers'
import { goalDraft } from './fixtures'
import GoalList from './GoalList.svelte'

describe('Goal list', () => {
  it('issue 17: marks the goals shared with the partner, and only those', async () => {
    const backend = new FakeBackend()
    const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
    await backend.core.createGoal(p.id, goalDraft({ title: 'Shared goal', visibility: 'shared' }))
    await backend.core.createGoal(p.id, goalDraft({ title: 'Private goal' }))
    const onloaded = vi.fn()
    render(GoalList, {
      props: { partnershipId: p.id, partnerName: p.partner_name, onopengoal: vi.fn(), onnewgoal: vi.fn(), onloaded },
      context: backendContext(backend),
    })
    await waitFor(() => expect(onloaded).toHaveBeenCalledWith(true))
    const items = screen.getAllByTestId('goal-item')
    const byTitle = (title: string) => items.find((el) => el.textContent?.includes(title))
    const shared = byTitle('Shared goal')
    const priv = byTitle('Private goal')
    expect(shared && priv).toBeTruthy()
    expect(within(shared as HTMLElement).getByTestId('goal-shared')).toHaveTextContent('shared with Zoë')
    expect(within(priv as HTMLElement).queryByTestId('goal-shared')).toBeNull()
  })
})
