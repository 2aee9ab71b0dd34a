/**
 * Parts of the app loaded on demand that fail to arrive (offline, a deployment that removed them,
 * CSS that would not preload) say so with a Retry, never nothing (issue 13).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { startFlagshipWorkbook } from './helpers'

/** Fails every request for files matching `pattern` until the returned function is called. */
async function block(page: Page, pattern: RegExp): Promise<() => Promise<void>> {
  const handler = (route: Parameters<Parameters<Page['route']>[1]>[0]) => route.abort('internetdisconnected')
  await page.route(pattern, handler)
  return () => page.unroute(pattern, handler)
}

// The service worker would answer from its cache before these routes could fail a request.
test.use({ serviceWorkers: 'block' })

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
}

test('a report that does not load says so, and Retry opens it once it can', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Offline report')
  const unblock = await block(page, /\/assets\/ReportView-[^/]*\.js$/)
  await page.getByRole('banner').getByRole('link', { name: 'Report' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
  await expect(alert).toBeVisible()
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeFocused()
  await expectNoViolations(page)
  // Still offline: Retry fails the same way, visibly.
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(alert).toBeVisible()
  await unblock()
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page).toHaveURL(/\/report$/)
  await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeVisible()
  await expect(alert).toHaveCount(0)
})

test('a screen whose CSS does not preload says so, and Retry opens it', async ({ page }) => {
  await startFlagshipWorkbook(page, 'No CSS')
  const unblock = await block(page, /\/assets\/ReportView-[^/]*\.css$/)
  await page.getByRole('banner').getByRole('link', { name: 'Report' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
  await expect(alert).toBeVisible()
  await unblock()
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page).toHaveURL(/\/report$/)
})

test('an import dialog that does not load says so in its place, and Retry brings it', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Import offline')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('banner').getByRole('button', { name: 'Download' }).click(),
  ])
  const file = (await download.path())!
  await page.goto('/')
  const unblock = await block(page, /\/assets\/ReportImportSession-[^/]*\.js$/)
  await page.getByLabel('Choose a file…').setInputFiles(file)
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
  await expect(alert).toBeVisible()
  await unblock()
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('dialog', { name: 'Import a workbook' })).toBeVisible()
})

test('a workbook whose Markdown renderer does not load says so instead of opening forever', async ({ page }) => {
  await startFlagshipWorkbook(page, 'No Markdown')
  const address = page.url()
  await page.goto('/')
  await page.evaluate(() => undefined)
  const unblock = await block(page, /\/assets\/markdown-[A-Za-z0-9_-]{8}\.js$/)
  await page.goto(address)
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
  await expect(alert).toBeVisible()
  await unblock()
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
})

test('the shell paints before the app has loaded, and the app replaces it', async ({ page }) => {
  // Hold the app's entry script: what the student sees meanwhile is the page itself.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/', { waitUntil: 'commit' })
  await expect(page.getByRole('banner')).toContainText('Casework')
  await expect(page.getByRole('status')).toHaveText('Loading Casework…')
  await expectNoViolations(page)
  release()
  await expect(page.getByRole('heading', { level: 1, name: /Work through a legal problem/ })).toBeVisible()
  await expect(page.getByText('Loading Casework…')).toHaveCount(0)
  await expect(page.getByRole('banner')).toHaveCount(1)
})

test('a reload keeps the shell painted until the question’s screen replaces it', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Shell on reload')
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/workbook-screens-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.reload({ waitUntil: 'commit' })
  // The app's code has run (the entry script is not held), yet the page still shows its shell.
  await expect(page.getByRole('status')).toHaveText('Loading Casework…')
  await expect(page.getByRole('banner')).toContainText('Casework')
  release()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await expect(page.getByText('Loading Casework…')).toHaveCount(0)
})

test('a first screen that does not load says so in place of the shell, and Retry opens it', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Offline deep link')
  const address = page.url()
  const unblock = await block(page, /\/assets\/workbook-screens-[^/]*\.js$/)
  await page.goto(address)
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
  await expect(alert).toBeVisible()
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeFocused()
  await unblock()
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await expect(alert).toHaveCount(0)
})
