import { fireEvent, render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import TitleField from './TitleField.svelte'

describe('title field', () => {
  it('wraps a long title instead of hiding it, and keeps it on one logical line', async () => {
    render(TitleField, { props: { id: 't', value: 'Feedback' } })
    const field = screen.getByRole('textbox') as HTMLTextAreaElement
    expect(field.tagName).toBe('TEXTAREA')
    expect(field).toHaveAttribute('dir', 'auto')
    await userEvent.type(field, ' both ways{Enter}!')
    expect(field.value).toBe('Feedback both ways!')
  })

  it('turns pasted line breaks into spaces', async () => {
    render(TitleField, { props: { id: 't' } })
    const field = screen.getByRole('textbox') as HTMLTextAreaElement
    field.value = 'One\nTwo\r\nThree'
    await fireEvent.input(field)
    expect(field.value).toBe('One Two Three')
  })
})
