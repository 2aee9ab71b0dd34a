/**
 * The app offline after one visit (the service worker precaches it, vite-plugin-pwa and Workbox):
 * a reload with the network gone opens the start page and the flagship workbook, a deep link opens
 * its question, and the report opens and downloads. And a new version, once deployed, waits for the
 * student to choose "Reload".
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { flagship, startFlagshipWorkbook } from './helpers'

/** Waits until the service worker has installed the app and controls the page. */
async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready
    return navigator.serviceWorker.controller !== null
  })
}

test('works offline after the first visit: start page, workbook, deep link, report and its download', async ({ page, context }) => {
  await page.goto('/')
  await expect(page.getByRole('article', { name: flagship })).toBeVisible()
  await waitForServiceWorker(page)

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('article', { name: flagship })).toBeVisible()
  await startFlagshipWorkbook(page, 'Offline seminar')
  await page.getByRole('radio', { name: /^Yes, as conduct of US state organs/ }).check()
  await page.getByLabel('Issue').fill('Written on a train with no signal.')
  const question = page.url()

  // A deep link (a question's own address) reloads from the cache: the worker falls back to the app.
  await page.waitForTimeout(600) // past the autosave's debounce
  await page.goto(question)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await expect(page.getByLabel('Issue')).toHaveValue('Written on a train with no signal.')

  // The report and its lazy chunks (script and style) come from the cache too.
  await page.getByRole('link', { name: 'Report', exact: true }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download Markdown' }).click()
  const markdown = readFileSync((await (await download).path())!, 'utf8')
  expect(markdown).toContain('Written on a train with no signal.')
  expect(markdown).toContain('Offline seminar')
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('offers a new version when one is deployed, and reloads into it only when asked', async ({ page }) => {
  await page.goto('/')
  await waitForServiceWorker(page)
  const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)
  await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0)

  // Deploy a "new version": the worker's script changes, as each build's precache list does.
  const file = 'dist/sw.js'
  const original = readFileSync(file, 'utf8')
  try {
    writeFileSync(file, `${original}\n// the next version\n`)
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
    const prompt = page.getByRole('group', { name: 'Update' })
    await expect(prompt).toContainText('A new version of Casework is ready.')
    // Waiting, not yet in charge: the page keeps running the version it loaded.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true)

    // Keyboard-operable: Enter on Reload takes the new version (the page reloads into it).
    const reload = prompt.getByRole('button', { name: 'Reload' })
    await reload.focus()
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])
    await waitForServiceWorker(page)
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull()
    expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(first)
    await expect(page.getByRole('group', { name: 'Update' })).toHaveCount(0)
  } finally {
    writeFileSync(file, original)
  }
})
