import { render, screen } from '@testing-library/svelte'
import { createRawSnippet } from 'svelte'
import { describe, expect, it } from 'vitest'
import Lazy from './Lazy.svelte'

const shows = createRawSnippet((name: () => unknown) => ({ render: () => `<p data-testid="screen">${String(name())}</p>` }))

describe('a screen loaded on demand', () => {
  it('is shown once loaded', async () => {
    render(Lazy, { props: { load: () => Promise.resolve({ default: 'the session editor' as unknown }), children: shows } })
    expect(await screen.findByTestId('screen')).toHaveTextContent('the session editor')
    expect(screen.queryByTestId('screen-load-failed')).toBeNull()
  })

  it('says so in a sentence when it cannot be loaded', async () => {
    render(Lazy, { props: { load: (): Promise<{ default: unknown }> => Promise.reject(new Error('chunk missing')), children: shows } })
    const alert = await screen.findByTestId('screen-load-failed')
    expect(alert).toHaveTextContent('could not be loaded. Restart Tandem; everything you saved is safe.')
    expect(alert).toHaveAttribute('role', 'alert')
    expect(screen.queryByTestId('screen')).toBeNull()
  })
})
