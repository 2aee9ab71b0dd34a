/// <reference lib="dom" />
/** When the browser refuses to store anything more, the student is told and can take the work away. */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
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

/** Everything the workbooks' stores hold, as text. */
function stored(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('casework')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const names = Array.from(db.objectStoreNames).filter((name) => name === 'workbooks' || name === 'work')
          const transaction = db.transaction(names)
          const all = names.map((name) => transaction.objectStore(name).getAll())
          transaction.oncomplete = () => {
            db.close()
            resolve(JSON.stringify(all.map((request) => request.result)))
          }
        }
      }),
  )
}

test('a workbook saved by an older Casework (answers inside its record) opens, and keeps every answer after new saves', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Older')
  const address = page.url()
  await page.locator('main input[type=radio]').first().check()
  await page.getByLabel('Issue').fill('Written before the update')
  await expect.poll(() => stored(page)).toContain('Written before the update')
  // Rewrite the database as the previous Casework kept it: version 1, each workbook's answers
  // inside its record, and no store of their own.
  await page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
    const now = await request(indexedDB.open('casework'))
    const read = now.transaction(['workbooks', 'work', 'rulebooks'])
    const [workbooks, rows, rulebooks] = await Promise.all([
      request(read.objectStore('workbooks').getAll()),
      request(read.objectStore('work').getAll()),
      request(read.objectStore('rulebooks').getAll()),
    ])
    now.close()
    for (const record of workbooks) {
      delete record.answersApart
      for (const row of rows) if (row.workbookId === record.id) record.session.answers[row.questionId] = row.work
    }
    await new Promise((resolve) => {
      const deleting = indexedDB.deleteDatabase('casework')
      deleting.onsuccess = deleting.onblocked = resolve
    })
    const old = indexedDB.open('casework', 1)
    old.onupgradeneeded = () => {
      old.result.createObjectStore('workbooks', { keyPath: 'id' })
      old.result.createObjectStore('rulebooks', { keyPath: 'contentHash' })
    }
    const db = await request(old)
    const write = db.transaction(['workbooks', 'rulebooks'], 'readwrite')
    for (const record of workbooks) write.objectStore('workbooks').put(record)
    for (const record of rulebooks) write.objectStore('rulebooks').put(record)
    await new Promise((resolve) => (write.oncomplete = resolve))
    db.close()
  })
  await page.goto(address)
  await expect(page.getByLabel('Issue')).toHaveValue('Written before the update')
  // Work on another question: its save names that question only, yet the first one's work stays.
  await page.getByRole('link', { name: /^Next →/ }).click()
  await page.getByLabel('Issue').fill('Written after it')
  // In IndexedDB itself (not only the copy kept when a tab closes), beside the older words.
  await expect.poll(() => stored(page)).toContain('Written after it')
  expect(await stored(page)).toContain('Written before the update')
  await page.reload()
  await expect(page.getByLabel('Issue')).toHaveValue('Written after it')
  await page.goto(address)
  await expect(page.getByLabel('Issue')).toHaveValue('Written before the update')
})
