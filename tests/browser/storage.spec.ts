/// <reference lib="dom" />
/** When the browser refuses to store anything more, the student is told and can take the work away. */
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { startFlagshipWorkbook } from './helpers'

test('a full quota shows a clear message and offers the work as a download, losing nothing', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Quota')
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await page.getByLabel('Issue').fill('Words that must not be lost')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Your latest changes are not saved in this browser.')
  await expect(alert).toContainText('no room left')
  await expect(page.getByRole('banner').getByText(/Not saved/)).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Download my work' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('quota.casework.json')
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'))
  expect(saved.format).toBe('casework-session/1')
  expect(saved.answers['attribution-conduct'].reasoning.issue).toBe('Words that must not be lost')

  // The emergency copy brings the words back after a reload, even though IndexedDB refused them.
  await page.reload()
  await expect(page.getByLabel('Issue')).toHaveValue('Words that must not be lost')
})

test('a tab closed mid-sentence loses nothing', async ({ context }) => {
  const page = await context.newPage()
  await startFlagshipWorkbook(page, 'Closed tab')
  const address = page.url()
  const issue = page.getByLabel('Issue')
  await issue.click()
  await page.keyboard.type('Whether the strike on the dock was a use of fo')
  // Closed at once, well inside the save delay: the page's unload handlers are all it gets.
  await page.close({ runBeforeUnload: true })

  const again = await context.newPage()
  await again.goto(address)
  await expect(again.getByLabel('Issue')).toHaveValue('Whether the strike on the dock was a use of fo')
})
