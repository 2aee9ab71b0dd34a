import { defineConfig } from '@playwright/test'

// The class view's browser measurement: the same Chromium and `vite preview` server as the browser
// tests (playwright.config.ts), run only by `npm run bench:class-browser` after a build, never by
// `npm test`. Standalone rather than importing that config, which the test tsconfig does not list.
const port = Number(process.env.PW_PORT ?? 4173)

export default defineConfig({
  testDir: '.',
  testMatch: 'class-browser.bench.ts',
  workers: 1,
  reporter: [['list']],
  timeout: 30 * 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    // Served from the repository's root (this file sits two folders down).
    cwd: '../..',
    port,
    reuseExistingServer: !process.env.CI,
  },
})
