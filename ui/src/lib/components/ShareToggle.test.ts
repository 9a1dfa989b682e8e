import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ShareToggle from './ShareToggle.svelte'

describe('Share toggle', () => {
  it('issue 17: says its state by the partner’s first name, and in a line what it means', async () => {
    render(ShareToggle, { props: { id: 'thing-shared', partner: 'Zoë' } })
    const toggle = screen.getByRole('switch', { name: 'Private' })
    expect(toggle).not.toBeChecked()
    expect(toggle).toHaveAccessibleDescription('Only you see it: it is never in a bundle for your partner')

    await fireEvent.click(toggle)
    expect(screen.getByRole('switch', { name: 'Shared with Zoë' })).toBeChecked()
    expect(screen.getByTestId('thing-shared-hint')).toHaveTextContent('Zoë sees it in the next bundle you send')
  })

  it('uses the hint it is given, and says “your partner” when there is no name yet', async () => {
    render(ShareToggle, { props: { id: 'agreement-shared', partner: ' ', checked: true, hint: 'A hint of its own' } })
    expect(screen.getByRole('switch', { name: 'Shared with your partner' })).toBeChecked()
    expect(screen.getByTestId('agreement-shared-hint')).toHaveTextContent('A hint of its own')
  })
})
