import { globalIgnores } from 'eslint/config'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import pluginVue from 'eslint-plugin-vue'

// Code that runs anywhere: never evaluate strings as code (the app runs under a strict CSP, and
// rulebooks and sessions come from other people).
const noCodeFromStrings = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
} as const

export default defineConfigWithVueTs(
  {
    name: 'app/files-to-lint',
    files: ['**/*.{ts,mts,tsx,vue}'],
  },
  globalIgnores([
    '**/dist/**',
    'dist-cli/**',
    'dist-lms/**',
    '**/coverage/**',
    '**/test-results/**',
    '**/playwright-report/**',
    'tmp/**',
    'src/engine/generated/**',
  ]),
  pluginVue.configs['flat/essential'],
  vueTsConfigs.recommended,
  { name: 'app/no-code-from-strings', rules: noCodeFromStrings },
  {
    // The CLI's launcher is CommonJS (bin/package.json): `require` loads the built CLI without
    // Node's ES module loader.
    name: 'app/commonjs-bin',
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // engine/ and report/ are pure: the app, the CLI and the tests all stand on them.
    name: 'app/pure-core',
    files: ['src/engine/**/*.ts', 'src/report/**/*.ts', 'src/class/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'indexedDB',
        'localStorage',
        'process',
        'navigator',
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vue', 'pinia', 'vue-router'], message: 'engine/ and report/ are pure TypeScript.' },
            { group: ['node:*'], message: 'engine/ and report/ run in the browser too.' },
            { group: ['**/stores/**', '**/components/**', '**/views/**', '**/persistence/**'], message: 'Arrows point one way: UI → engine.' },
          ],
        },
      ],
    },
  },
)
