import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { shippedRulebooks } from './scripts/vite-plugin-rulebooks.ts'
import { stylesheetFirst } from './scripts/vite-plugin-stylesheet-first.ts'

/** The policy the built app must work under: no inline script, no eval, nothing from elsewhere. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"

/**
 * The service worker and the web app manifest (vite-plugin-pwa, Workbox's generateSW): after the
 * first visit the whole app works offline and can be installed. See docs/deploy.md.
 * - Precaches every file of the build (the shell, every lazy route and worker, the shipped
 *   rulebooks' JSON, the typefaces), so an instructor's route works offline as well as a student's.
 * - `registerType: 'prompt'`: a new version waits until the student chooses to reload
 *   (src/components/app/AppUpdatePrompt.vue), so no reload happens under their typing.
 * - `injectRegister: false`: no inline script (the CSP forbids it); the prompt registers the worker
 *   through `virtual:pwa-register/vue`, loaded after the first paint.
 * - Never in the LMS build: an LMS origin is shared by every course, and a worker there would
 *   outlive the package (`disable` also turns the register module into a no-op).
 */
export function pwa(mode: string) {
  return VitePWA({
    disable: mode === 'lms',
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg'],
    manifest: {
      name: 'Casework',
      short_name: 'Casework',
      description: 'Work through a legal problem question by question, and write reasoned conclusions.',
      lang: 'en',
      theme_color: '#1d4e89',
      background_color: '#f6f5f1',
      display: 'standalone',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,json,woff2,svg,png,webmanifest}'],
      // The build manifest is for the bundle check, not for the browser.
      globIgnores: ['.vite/**', 'sw.js', 'workbox-*.js'],
      // Deep links (a question's address) open the app from the cache, offline as online.
      navigateFallback: 'index.html',
      // The first visit's page is served by the worker as soon as it is installed, so a lazy
      // route still loads if the network drops before the next visit.
      clientsClaim: true,
      // The LMS app (dist/lms/, copied in after this build by scripts/lms-into-app.ts) is only for
      // instructors who package a rulebook: cached on first use rather than precached for every
      // student, so packaging works offline once it has been done online.
      runtimeCaching: [
        {
          urlPattern: ({ url }) => url.pathname.includes('/lms/'),
          handler: 'StaleWhileRevalidate',
          options: { cacheName: 'casework-lms-app' },
        },
      ],
    },
  })
}

// `--mode lms` builds the app that `casework package` puts in a SCORM package (dist-lms/): relative
// URLs (an LMS serves it from a path of its own) and no shipped rulebooks (the package brings one).
// CASEWORK_BASE=/casework/ builds the app for a subpath of a site (docs/deploy.md); the router,
// the rulebooks, the typefaces and the service worker's scope all follow it.
export default defineConfig(({ mode }) => ({
  base: mode === 'lms' ? './' : process.env.CASEWORK_BASE || undefined,
  plugins: [vue(), shippedRulebooks(undefined, { none: mode === 'lms' }), pwa(mode), stylesheetFirst()],
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
    rolldownOptions: {
      output: {
        // The modules the first page needs arrive in one chunk with the entry (they came in ten,
        // split by which lazy screens share them): on a reload each is a request the service
        // worker answers in turn, and the shell waited behind them (35 ms at the median, paired
        // reloads). Lazy screens import what they share from it.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
}))
