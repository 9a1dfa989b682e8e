import '@testing-library/jest-dom/vitest'
import { afterEach } from 'vitest'

afterEach(() => {
  localStorage.clear()
  delete document.body.dataset.ready
})
