import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { defineConfig } from 'vitest/config'

const EDITOR_LIBS = /[\\/]node_modules[\\/](@tiptap|prosemirror-[a-z-]+|marked|linkifyjs|orderedmap|rope-sequence|w3c-keyname)[\\/]/

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
          // The rich-text editor's libraries (TipTap, ProseMirror, marked) stay in its own
          // chunk, loaded with the first Markdown field.
          groups: [
            {
              name: 'shared',
              test: (id) => (!/[\\/]components[\\/]/.test(id) && !EDITOR_LIBS.test(id)) || /(MarkdownPreview|Logo)\.svelte/.test(id),
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    // The real core behind the test double (src/test/backend.ts).
    globalSetup: ['src/test/serve.ts'],
    // Room for the waits in setup.ts on a busy machine (a test still fails when its check does).
    testTimeout: 30_000,
  },
})
