/// <reference lib="dom" />
/** Opening a rulebook file from disk: problems with their line and column, or a new workbook. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'

const broken = resolve('tests/fixtures/ui/broken-rulebook.yaml')

test('shows a broken rulebook’s problems with their line and column', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles(broken)
  const problems = page.getByRole('region', { name: /broken-rulebook\.yaml has 2 errors/ })
  await expect(problems).toBeVisible()
  await expect(problems.getByRole('listitem').first()).toContainText('Line 30, column 14')
  await expect(problems.getByRole('listitem').first()).toContainText('broken-rulebook.yaml:30:14')
  await expect(problems.getByRole('listitem').first()).toContainText('belongs to section nowhere, which does not exist')
  await expect(problems.getByRole('listitem').nth(1)).toContainText('Line 34, column 20')
  await expect(page.getByRole('button', { name: 'Start a workbook' })).toHaveCount(2)
})

test('starts reading a file as the pointer reaches the picker, and reads the file chosen with that worker', async ({ page }) => {
  await page.goto('/')
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await page.getByText('Choose a file…').hover()
  await expect.poll(() => workers.length).toBe(1)
  expect(workers[0]).toMatch(/load\.worker/)
  await page.getByLabel('Choose a file…').setInputFiles(broken)
  await expect(page.getByRole('region', { name: /broken-rulebook\.yaml has 2 errors/ })).toBeVisible()
  expect(workers).toHaveLength(1)
})

test('takes the student to a broken rulebook’s problems, each beside its line of the file', async ({ page }) => {
  // A phone's height: the list appears below the fold.
  await page.setViewportSize({ width: 390, height: 700 })
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles(broken)
  const heading = page.getByRole('heading', { name: /broken-rulebook\.yaml has 2 errors/ })
  await expect(heading).toBeFocused()
  await expect(heading).toBeInViewport()
  const items = page.getByRole('region', { name: /broken-rulebook\.yaml has 2 errors/ }).getByRole('listitem')
  await expect(items.first()).toContainText('Line 30 of the file: section: nowhere')
  await expect(items.first().locator('mark')).toHaveText('nowhere')
  await expect(items.nth(1)).toContainText('Line 34 of the file: when: first is maybe')
  await expect(items.nth(1).locator('mark')).toContainText('maybe')
})

test('opens a dropped rulebook file and starts a workbook from it, which survives a reload', async ({ page }) => {
  await page.goto('/')
  const fixed = readFileSync(broken, 'utf8')
    .replace('section: nowhere', 'section: main')
    .replace('first is maybe', 'first is yes')
    .replace('id: broken', 'id: fixed')
    .replace('A broken rulebook', 'A fixed rulebook')
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([text], 'fixed.yaml', { type: 'application/yaml' }))
    return transfer
  }, fixed)
  await page.getByText('Drop a file here').dispatchEvent('drop', { dataTransfer })
  const card = page.getByRole('article', { name: 'A fixed rulebook' })
  await expect(card).toContainText('From fixed.yaml')
  // The worker that read it keeps it in IndexedDB, before the student starts a workbook.
  const keptFiles = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('casework')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const all = open.result.transaction('rulebooks').objectStore('rulebooks').getAll()
            all.onsuccess = () => {
              open.result.close()
              resolve(all.result.map((record: { file: string }) => record.file))
            }
          }
        }),
    )
  await expect.poll(keptFiles).toEqual(['fixed.yaml'])
  await card.getByRole('button', { name: 'Start a workbook' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Start workbook' }).click()
  await page.getByRole('link', { name: /^Begin with Q1/ }).click()
  await page.getByRole('radio', { name: 'Yes' }).check()
  await page.waitForTimeout(600)
  await page.reload()
  await expect(page.getByRole('radio', { name: 'Yes' })).toBeChecked()
})

test('removes a rulebook kept from a file once no workbook uses it', async ({ page }) => {
  await page.goto('/')
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'casework' && d.version === 3))
  // This load's own clean-up has run: the record put below is left for the next load's.
  await page.waitForFunction(() => performance.getEntriesByName('casework:pruned').length > 0)
  // Kept two days ago for a workbook since deleted (the record as persistence/records.ts writes it).
  const kept = (contentHash: string) =>
    page.evaluate(
      (hash) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('casework')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const get = open.result.transaction('rulebooks').objectStore('rulebooks').get(hash)
            get.onsuccess = () => {
              open.result.close()
              resolve(get.result !== undefined)
            }
          }
        }),
      contentHash,
    )
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('casework')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const transaction = open.result.transaction('rulebooks', 'readwrite')
          transaction.objectStore('rulebooks').put({
            version: 1,
            contentHash: 'unused0000000000',
            file: 'gone.yaml',
            rulebook: { id: 'gone', title: 'Gone' },
            savedAt: new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString(),
          })
          transaction.oncomplete = () => {
            open.result.close()
            resolve()
          }
        }
      }),
  )
  expect(await kept('unused0000000000')).toBe(true)
  await page.reload()
  await expect.poll(() => kept('unused0000000000')).toBe(false)
})
