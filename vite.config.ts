import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { shippedRulebooks } from './scripts/vite-plugin-rulebooks.ts'

/** The policy the built app must work under: no inline script, no eval, nothing from elsewhere. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"

// `--mode lms` builds the app that `casework package` puts in a SCORM package (dist-lms/): relative
// URLs (an LMS serves it from a path of its own) and no shipped rulebooks (the package brings one).
export default defineConfig(({ mode }) => ({
  base: mode === 'lms' ? './' : undefined,
  plugins: [vue(), shippedRulebooks(undefined, { none: mode === 'lms' })],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  preview: {
    // Served as a deployment should serve it, so a browser test proves the app needs no eval.
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
  worker: {
    // Module workers (persistence/load-file.ts) split their code like the app: allowed by the CSP
    // (a worker's script falls under script-src 'self').
    format: 'es',
  },
  build: {
    // The manifest tells which chunks the student's path loads eagerly; the budget is checked by
    // tests/unit/scripts/bundle-size.test.ts.
    manifest: true,
    outDir: mode === 'lms' ? 'dist-lms' : 'dist',
  },
}))
