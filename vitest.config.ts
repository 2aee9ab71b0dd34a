import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const alias = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  // Only the app's build provides the service worker's register module (vite-plugin-pwa).
  'virtual:pwa-register/vue': fileURLToPath(new URL('./tests/unit/stubs/pwa-register-vue.ts', import.meta.url)),
}

export default defineConfig({
  plugins: [vue()],
  resolve: { alias },
  test: {
    // A guard against a test that hangs, not a speed check (speed is measured by `npm run bench`):
    // on a busy two-core machine the first test of a jsdom file can take more than the default 5 s
    // to compile the screens it lazily imports.
    testTimeout: 20_000,
    projects: [
      {
        // The engine, reports, CLI and build scripts run in Node, as they do for instructors.
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/unit/engine/**/*.test.ts',
            'tests/unit/report/**/*.test.ts',
            'tests/unit/class/**/*.test.ts',
            'tests/unit/workers/**/*.test.ts',
            'tests/unit/cli/**/*.test.ts',
            'tests/unit/rules/**/*.test.ts',
            'tests/unit/scripts/**/*.test.ts',
            'tests/unit/lms/**/*.test.ts',
            'tests/unit/styles/**/*.test.ts',
            'tests/unit/studio/**/*.test.ts',
            'tests/unit/reasoning/**/*.test.ts',
          ],
        },
      },
      {
        // Components, stores and persistence run in jsdom with a fake IndexedDB.
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'tests/unit/components/**/*.test.ts',
            'tests/unit/stores/**/*.test.ts',
            'tests/unit/persistence/**/*.test.ts',
            'tests/unit/composables/**/*.test.ts',
            'tests/unit/views/**/*.test.ts',
          ],
          setupFiles: ['tests/unit/setup-dom.ts'],
        },
      },
    ],
  },
})
