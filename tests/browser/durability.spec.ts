/// <reference lib="dom" />
/**
 * Keeping the work: persistent storage asked for after the first answer (and shown on the start
 * page), a reminder to download a backup after much work, and a file on the computer kept in sync
 * where the browser can (issue 13).
 */
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { startFlagshipWorkbook } from './helpers'

const attributed = /^Yes, as conduct of US state organs/

/** Stands in for the browser's persistent-storage decision, counting the requests across reloads. */
async function fakePersistence(page: Page, grant: boolean) {
  await page.addInitScript((granting) => {
    const count = () => Number(sessionStorage.getItem('persist-calls') ?? 0)
    Object.defineProperty(StorageManager.prototype, 'persisted', {
      configurable: true,
      value: async () => sessionStorage.getItem('persist-granted') === 'yes',
    })
    Object.defineProperty(StorageManager.prototype, 'persist', {
      configurable: true,
      value: async () => {
        sessionStorage.setItem('persist-calls', String(count() + 1))
        if (granting) sessionStorage.setItem('persist-granted', 'yes')
        return granting
      },
    })
  }, grant)
}
const persistCalls = (page: Page) => page.evaluate(() => Number(sessionStorage.getItem('persist-calls') ?? 0))

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
}

test('asks for persistent storage after the first answer, once, and the start page says it was granted', async ({ page }) => {
  await fakePersistence(page, true)
  await startFlagshipWorkbook(page, 'Kept')
  expect(await persistCalls(page)).toBe(0)
  await page.getByRole('radio', { name: attributed }).check()
  await expect.poll(() => persistCalls(page)).toBe(1)
  await page.getByRole('radio', { name: /^Not established/ }).check()
  await page.goto('/')
  await expect(page.getByText('Kept safe: this browser keeps your workbooks until you delete them.')).toBeVisible()
  expect(await persistCalls(page)).toBe(1)
})

test('where the browser refuses, the start page says so and asks again only when told to', async ({ page }) => {
  await fakePersistence(page, false)
  await startFlagshipWorkbook(page, 'Not kept')
  await page.getByRole('radio', { name: attributed }).check()
  await expect.poll(() => persistCalls(page)).toBe(1)
  await page.reload()
  await page.getByRole('radio', { name: /^Not established/ }).check()
  await page.goto('/')
  await expect(page.getByText(/This browser may clear your workbooks/)).toBeVisible()
  expect(await persistCalls(page)).toBe(1)
  await page.getByRole('button', { name: 'Ask the browser to keep my workbooks' }).click()
  await expect.poll(() => persistCalls(page)).toBe(2)
  await expectNoViolations(page)
})

test('reminds the student to download a backup after much work, quietly until more work, and not after a download', async ({
  page,
}) => {
  await startFlagshipWorkbook(page, 'Long work')
  const reminder = page.getByRole('region', { name: 'Backup reminder' })
  const issue = page.getByLabel('Issue')
  await issue.click()
  await page.keyboard.type('Whether the strike is attributable to the United States. '.repeat(4))
  await expect(reminder).toHaveCount(0)
  await page.keyboard.type('The President spoke of it in public, and no one denied it. '.repeat(4))
  await expect(reminder).toBeVisible()
  await expectNoViolations(page)
  await reminder.getByRole('button', { name: 'Not now' }).click()
  await expect(reminder).toHaveCount(0)
  await page.waitForTimeout(500)
  await page.reload()
  await expect(page.getByLabel('Issue')).toHaveValue(/no one denied it/)
  await expect(reminder).toHaveCount(0)

  await page.getByLabel('Application').click()
  await page.keyboard.type('A long paragraph of application, typed after the reminder was dismissed. '.repeat(6))
  await expect(reminder).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reminder.getByRole('button', { name: 'Download a backup' }).click(),
  ])
  expect(JSON.parse(readFileSync((await download.path())!, 'utf8')).answers['attribution-conduct'].reasoning.issue).toMatch(
    /no one denied it/,
  )
  await expect(reminder).toHaveCount(0)
  await page.waitForTimeout(500)
  await page.reload()
  await expect(page.getByLabel('Application')).toHaveValue(/dismissed/)
  await expect(reminder).toHaveCount(0)
})

test('offers to save to a file where the browser can, and keeps that file in sync', async ({ page }) => {
  // The real picker needs a person; this one hands back a file that records what is written.
  await page.addInitScript(() => {
    const written: string[] = []
    Object.assign(window, {
      writtenToFile: written,
      showSaveFilePicker: async ({ suggestedName }: { suggestedName: string }) => ({
        name: suggestedName,
        kind: 'file',
        createWritable: async () => {
          let text = ''
          return { write: async (data: string) => void (text += data), close: async () => void written.push(text) }
        },
        queryPermission: async () => 'granted',
        requestPermission: async () => 'granted',
      }),
    })
  })
  await startFlagshipWorkbook(page, 'Synced')
  await page.getByRole('banner').getByRole('button', { name: 'Save to a file on this computer' }).click()
  const stop = page.getByRole('banner').getByRole('button', { name: 'Stop saving to synced.casework.json' })
  await expect(stop).toBeVisible()
  await page.getByRole('radio', { name: attributed }).check()
  await expect
    .poll(() =>
      page.evaluate(() => {
        const written = (window as unknown as { writtenToFile: string[] }).writtenToFile
        return written.length ? JSON.parse(written.at(-1)!).answers['attribution-conduct']?.value : undefined
      }),
    )
    .toBe('organ-acknowledged')
  await stop.click()
  await expect(page.getByRole('banner').getByRole('button', { name: 'Save to a file on this computer' })).toBeVisible()
})

test('the browser’s own picker is offered in Chromium, and nothing where the API is missing', async ({ browser }) => {
  const withApi = await browser.newPage()
  await startFlagshipWorkbook(withApi, 'Picker')
  const hasPicker = await withApi.evaluate(() => typeof (window as { showSaveFilePicker?: unknown }).showSaveFilePicker === 'function')
  await expect(withApi.getByRole('banner').getByRole('button', { name: 'Save to a file on this computer' })).toHaveCount(
    hasPicker ? 1 : 0,
  )
  await withApi.close()

  const without = await browser.newPage()
  await without.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }))
  await startFlagshipWorkbook(without, 'No picker')
  await expect(without.getByRole('banner').getByRole('button', { name: 'Download' })).toBeVisible()
  await expect(without.getByRole('banner').getByRole('button', { name: 'Save to a file on this computer' })).toHaveCount(0)
  await without.close()
})
