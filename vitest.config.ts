import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

export default defineConfig({
  plugins: [vue()],
  resolve: { alias },
  test: {
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
