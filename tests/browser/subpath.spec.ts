/**
 * The app built for a subpath of a site (CASEWORK_BASE=/casework/, docs/deploy.md) and served
 * there: the start page, a workbook, a deep link reloaded, and every request the app makes stays
 * under the subpath, its service worker's scope included. The spec builds and serves its own copy
 * (on PW_PORT + 1000: the ports just above the suite's own are other checkouts').
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { flagship } from './helpers'

const base = '/casework/'
const port = Number(process.env.PW_PORT ?? 4173) + 1000
const origin = `http://localhost:${port}`
const outDir = mkdtempSync(join(tmpdir(), 'casework-subpath-'))
const env = { ...process.env, CASEWORK_BASE: base }
// Vite's own script rather than npx, so that stopping the server stops the process listening.
const vite = join('node_modules', 'vite', 'bin', 'vite.js')
let server: ChildProcess | undefined

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(240_000)
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { env, encoding: 'utf8' })
  expect(build.status, build.stderr).toBe(0)
  server = spawn(process.execPath, [vite, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], { env, stdio: 'ignore' })
  await expect
    .poll(async () => (await fetch(`${origin}${base}`).catch(() => undefined))?.status, { timeout: 30_000 })
    .toBe(200)
})

test.afterAll(() => {
  server?.kill()
  rmSync(outDir, { recursive: true, force: true })
})

test('runs under a subpath: start page, a workbook, a deep link, all from under the subpath', async ({ page }) => {
  const outside: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === origin && !url.pathname.startsWith(base)) outside.push(url.pathname)
  })
  await page.goto(`${origin}${base}`)
  const card = page.getByRole('article', { name: flagship })
  await card.getByRole('button', { name: new RegExp(`^Start a workbook on ${flagship.source}`) }).click()
  const dialog = page.getByRole('dialog', { name: 'Start a workbook' })
  await dialog.getByLabel('Name of the workbook').fill('Under a subpath')
  await dialog.getByRole('button', { name: 'Start workbook' }).click()
  await page.getByRole('link', { name: /^Begin with Q1/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  expect(new URL(page.url()).pathname).toMatch(/^\/casework\/workbooks\/[^/]+\/questions\/[^/]+$/)

  // A deep link opened afresh: the server's fallback (and later the worker's) serves the app.
  const deepLink = page.url()
  await page.goto('about:blank')
  await page.goto(deepLink)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
  expect(scope).toBe(`${origin}${base}`)
  expect(outside).toEqual([])
})

test('serves the installable app manifest for the subpath', async ({ request }) => {
  const manifest = (await (await request.get(`${origin}${base}manifest.webmanifest`)).json()) as { start_url: string; scope: string }
  expect(manifest).toMatchObject({ start_url: base, scope: base })
  expect((await request.get(`${origin}/manifest.webmanifest`)).status()).not.toBe(200)
})
