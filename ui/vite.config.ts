import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { defineConfig } from 'vitest/config'

// https://vite.dev/config/
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The screens in `src/lib/screens.ts` load on demand. What they share with the
          // first screen (Svelte, the helpers, two small components) goes in one chunk
          // rather than a file each: every file is one more request at start-up.
          groups: [{ name: 'shared', test: (id) => !/[\\/]components[\\/]/.test(id) || /(MarkdownPreview|Logo)\.svelte/.test(id) }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
})
