/// <reference lib="dom" />
/**
 * The same workbook open in two tabs of one browser: a tab never silently writes its older copy
 * over the other's newer save (issues 13 and 17). A tab with nothing unsaved follows the other's
 * saves; a tab with unsaved work stops saving and lets the student choose, losing nothing.
 */
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { startFlagshipWorkbook } from './helpers'

const attributed = /^Yes, as conduct of US state organs/
const notEstablished = /^Not established on the present record/

/** A second tab on the same address; without BroadcastChannel when `deaf`, so the revision check alone must hold. */
async function secondTab(context: BrowserContext, url: string, deaf = false): Promise<Page> {
  const page = await context.newPage()
  if (deaf) await page.addInitScript(() => Reflect.deleteProperty(window, 'BroadcastChannel'))
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  return page
}

async function savedAnswer(page: Page, questionId: string): Promise<unknown> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('casework')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          // Each question's work is a record of its own (in `work`), beside the workbook's.
          const transaction = open.result.transaction(['workbooks', 'work'])
          const workbooks = transaction.objectStore('workbooks').getAll()
          const work = transaction.objectStore('work').getAll()
          transaction.oncomplete = () => {
            open.result.close()
            resolve(
              workbooks.result.map((record) =>
                record.answersApart
                  ? (work.result.find((row) => row.workbookId === record.id && row.questionId === id)?.work ?? null)
                  : (record.session.answers[id] ?? null),
              ),
            )
          }
        }
      }),
    questionId,
  )
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
}

test('a tab with nothing unsaved shows the other tab’s save at once', async ({ context }) => {
  const first = await context.newPage()
  await startFlagshipWorkbook(first, 'Two tabs')
  const second = await secondTab(context, first.url())
  await first.getByRole('radio', { name: attributed }).check()
  await expect(second.getByRole('radio', { name: attributed })).toBeChecked()
  await expect(second.getByRole('status').filter({ hasText: 'changes saved in another tab' })).toBeVisible()
})

test('a tab holding an older copy does not overwrite the newer save; keeping it as a copy loses nothing', async ({
  context,
}) => {
  const first = await context.newPage()
  await startFlagshipWorkbook(first, 'Two tabs')
  const second = await secondTab(context, first.url(), true)
  await first.getByRole('radio', { name: attributed }).check()
  await expect(first.getByRole('banner').getByText('All work saved')).toBeVisible()
  await first.waitForTimeout(500)

  // The second tab still shows the workbook as it was, and autosaves its own work.
  await second.getByLabel('Issue').fill('Written in the second tab')
  const alert = second.getByRole('alert')
  await expect(alert).toContainText('This workbook was changed in another tab.')
  await expect(second.getByRole('banner').getByText(/Not saved/)).toBeVisible()
  expect(await savedAnswer(first, 'attribution-conduct')).toEqual([expect.objectContaining({ value: 'organ-acknowledged' })])
  await expectNoViolations(second)

  await alert.getByRole('button', { name: 'Keep this tab’s version as a copy' }).click()
  await expect(second.getByRole('status').filter({ hasText: '“Two tabs (this tab’s version)”' })).toBeVisible()
  await expect(second.getByLabel('Issue')).toHaveValue('Written in the second tab')
  expect(new URL(second.url()).pathname).not.toBe(new URL(first.url()).pathname)
  // It goes on saving, in the copy.
  await second.getByLabel('Rule', { exact: true }).fill('Later words')
  await expect(second.getByRole('banner').getByText('All work saved')).toBeVisible()

  await first.goto('/')
  const list = first.getByRole('region', { name: 'Your workbooks' })
  await expect(list.getByText('Two tabs (this tab’s version)')).toBeVisible()
  const answers = (await savedAnswer(first, 'attribution-conduct')) as ({ value?: string; reasoning?: { issue?: string; rule?: string } } | null)[]
  expect(answers).toHaveLength(2)
  expect(answers).toContainEqual(expect.objectContaining({ value: 'organ-acknowledged' }))
  expect(answers).toContainEqual(
    expect.objectContaining({ reasoning: { issue: 'Written in the second tab', rule: 'Later words' } }),
  )
})

test('loading the newer version shows it, and keeps the tab’s unsaved work as a workbook of its own', async ({
  context,
}) => {
  const first = await context.newPage()
  await startFlagshipWorkbook(first, 'Two tabs')
  const second = await secondTab(context, first.url(), true)
  await first.getByRole('radio', { name: attributed }).check()
  await first.waitForTimeout(500)
  await second.getByRole('radio', { name: notEstablished }).check()
  await second.getByRole('alert').getByRole('button', { name: 'Load the newer version' }).click()
  await expect(second.getByRole('radio', { name: attributed })).toBeChecked()
  const kept = second.getByRole('link', { name: 'Two tabs (this tab’s unsaved version)' })
  await kept.click()
  await expect(second.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await expect(second.getByRole('radio', { name: notEstablished })).toBeChecked()
})

test('“Replace the saved workbook” on import is not undone by a tab still showing the old one', async ({ context }) => {
  const first = await context.newPage()
  await startFlagshipWorkbook(first, 'Imported over')
  await first.getByRole('radio', { name: attributed }).check()
  await first.getByLabel('Issue').fill('As exported')
  const [download] = await Promise.all([
    first.waitForEvent('download'),
    first.getByRole('banner').getByRole('button', { name: 'Download' }).click(),
  ])
  const exported = readFileSync((await download.path())!)
  // Then the work moves on in this tab, which the import will replace.
  await first.getByRole('radio', { name: notEstablished }).check()
  await first.getByLabel('Issue').fill('Before the import')
  await expect(first.getByRole('banner').getByText('All work saved')).toBeVisible()

  // A tab without BroadcastChannel: only the revision check stands between it and the import.
  const old = await secondTab(context, first.url(), true)
  await first.close()

  const importer = await context.newPage()
  await importer.goto('/')
  await importer.getByLabel('Choose a file…').setInputFiles({ name: 'imported-over.casework.json', mimeType: 'application/json', buffer: exported })
  const dialog = importer.getByRole('dialog', { name: 'Import a workbook' })
  await dialog.getByLabel('Replace the saved workbook with this file').check()
  await dialog.getByRole('button', { name: 'Replace the saved workbook' }).click()
  await expect(importer.getByRole('radio', { name: attributed })).toBeChecked()

  // The old tab autosaves: refused, and it says so.
  await old.getByLabel('Rule', { exact: true }).fill('Typed in the old tab')
  await expect(old.getByRole('alert')).toContainText('This workbook was changed in another tab.')
  await old.getByRole('alert').getByRole('button', { name: 'Load the newer version' }).click()
  await expect(old.getByRole('radio', { name: attributed })).toBeChecked()
  await expect(old.getByLabel('Issue')).toHaveValue('As exported')

  // The import stands; the old tab's words are kept beside it.
  await importer.reload()
  await expect(importer.getByRole('radio', { name: attributed })).toBeChecked()
  await expect(importer.getByLabel('Issue')).toHaveValue('As exported')
  const answers = (await savedAnswer(importer, 'attribution-conduct')) as ({ value?: string; reasoning?: { issue?: string; rule?: string } } | null)[]
  expect(answers).toHaveLength(2)
  expect(answers).toContainEqual(expect.objectContaining({ value: 'organ-acknowledged', reasoning: { issue: 'As exported' } }))
  expect(answers).toContainEqual(expect.objectContaining({ value: 'not-established', reasoning: { issue: 'Before the import', rule: 'Typed in the old tab' } }))
})
