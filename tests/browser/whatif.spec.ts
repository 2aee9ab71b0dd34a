/// <reference lib="dom" />
/**
 * "What would change this?": beside a conclusion and a skipped question, the smallest changes to
 * the student's answers, a link to each question, and "Try it" as a hypothetical that never
 * replaces the student's answers unless they keep it.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { outlineQuestion, startFlagshipWorkbook } from './helpers'

// Each test walks several screens and runs axe twice: on a shared, busy machine that can pass a minute.
test.describe.configure({ timeout: 120_000 })

const attribution = /^The operation is an act of the United States under international law/
const organs = /^Yes, as conduct of US state organs/

async function expectNoViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  const results = await (include ? builder.include(include) : builder).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary).toEqual([])
}

/** A workbook whose Q1 answer makes the attribution conclusion hold; ends on the conclusions. */
async function attributionHolds(page: Page) {
  await startFlagshipWorkbook(page)
  await page.getByRole('radio', { name: organs }).check()
  await page.getByLabel('Issue').fill('Whether the strike is an act of the United States.')
  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  await expect(page.getByRole('region', { name: 'What follows from your answers' }).getByRole('article', { name: attribution })).toBeVisible()
}

function conclusion(page: Page) {
  return page.getByRole('article', { name: attribution })
}

async function openWhatIf(page: Page) {
  const toggle = conclusion(page).getByRole('button', { name: 'What would change this?' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const panel = page.getByRole('region', { name: /^What would change: The operation is an act of the United States/ })
  await expect(panel.getByRole('list')).toBeVisible()
  return panel
}

test('a conclusion says what it rests on; Try it shows a hypothetical, and Discard goes back to the student’s answers', async ({ page }) => {
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await attributionHolds(page)
  expect(workers.filter((url) => /whatif/.test(url))).toEqual([])
  const panel = await openWhatIf(page)
  // The search ran off the main thread, in a worker started only when the panel opened.
  expect(workers.filter((url) => /whatif\.worker/.test(url))).toHaveLength(1)
  await expect(panel).toContainText('This conclusion follows from your answers. It rests on your answer to Q1.')
  const first = panel.getByRole('listitem').first()
  await expect(first).toContainText(/Had you answered “.+” to Q1 .+, it would fail\./)
  await expectNoViolations(page)

  // Each change links to its question; back returns to the conclusions.
  await first.getByRole('link', { name: /^Q1 / }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await page.goBack()
  await expect(conclusion(page)).toBeVisible()

  const again = await openWhatIf(page)
  const tried = (await again.getByRole('listitem').first().getByRole('strong').first().innerText()).replace(/[“”]/g, '')
  await again.getByRole('listitem').first().getByRole('button', { name: /^Try it/ }).click()
  const banner = page.getByRole('status', { name: 'Hypothetical:' })
  await expect(banner).toContainText(`you are trying Q1 = “${tried}”; your own answers are kept`)
  await expect(banner).toBeFocused()
  await expect(page.getByRole('region', { name: 'What does not follow' }).getByRole('article', { name: attribution })).toContainText('Fails')
  await expectNoViolations(page)

  // The banner stays on every workbook screen; the question shows the answer tried, its reasoning locked.
  await outlineQuestion(page, 1).click()
  await expect(banner).toBeVisible()
  await expect(page.getByRole('radio', { name: tried })).toBeChecked()
  await expect(page.getByLabel('Issue')).toBeDisabled()
  await expect(page.getByLabel('Issue')).toHaveValue('Whether the strike is an act of the United States.')

  await banner.getByRole('button', { name: 'Discard (back to my answers)' }).click()
  await expect(banner).toHaveCount(0)
  await expect(page.getByRole('radio', { name: organs })).toBeChecked()
  await expect(page.getByLabel('Issue')).toBeEnabled()
  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  await expect(page.getByRole('region', { name: 'What follows from your answers' }).getByRole('article', { name: attribution })).toContainText('Holds')
})

test('a hypothetical is never saved: a reload shows the student’s own answers', async ({ page }) => {
  await attributionHolds(page)
  await (await openWhatIf(page)).getByRole('listitem').first().getByRole('button', { name: /^Try it/ }).click()
  await expect(page.getByRole('status', { name: 'Hypothetical:' })).toBeVisible()
  // Moving to a question saves where the student is, with their own answers only.
  await outlineQuestion(page, 1).click()
  await expect(page.getByRole('radio', { name: organs })).not.toBeChecked()
  await page.waitForTimeout(600)
  await page.reload()
  await expect(page.getByRole('radio', { name: organs })).toBeChecked()
  await expect(page.getByRole('status', { name: 'Hypothetical:' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  await expect(page.getByRole('region', { name: 'What follows from your answers' }).getByRole('article', { name: attribution })).toBeVisible()
})

test('Keep these answers makes the tried answer the student’s own, saved like any answer', async ({ page }) => {
  await attributionHolds(page)
  const panel = await openWhatIf(page)
  const tried = (await panel.getByRole('listitem').first().getByRole('strong').first().innerText()).replace(/[“”]/g, '')
  await panel.getByRole('listitem').first().getByRole('button', { name: /^Try it/ }).click()
  const banner = page.getByRole('status', { name: 'Hypothetical:' })
  await banner.getByRole('button', { name: 'Keep these answers' }).click()
  await expect(banner).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'What does not follow' }).getByRole('article', { name: attribution })).toBeVisible()
  await page.waitForTimeout(600)
  await page.reload()
  await expect(page.getByRole('region', { name: 'What does not follow' }).getByRole('article', { name: attribution })).toBeVisible()
  await outlineQuestion(page, 1).click()
  await expect(page.getByRole('radio', { name: tried })).toBeChecked()
  await expect(page.getByLabel('Issue')).toHaveValue('Whether the strike is an act of the United States.')
})

test('a skipped question says which answers would have it asked, and Try it asks it', async ({ page }) => {
  await startFlagshipWorkbook(page)
  await outlineQuestion(page, 7).click()
  await page.getByRole('radio', { name: /^On vessels beyond any State's territorial sea/ }).check()
  await outlineQuestion(page, 8).click()
  const note = page.getByRole('note')
  await expect(note).toContainText('This question is skipped')
  await note.getByRole('button', { name: 'What would change this?' }).click()
  const panel = page.getByRole('region', { name: /^What would change: Q8 / })
  await expect(panel).toContainText('This question is not asked because of your answer')
  const land = panel.getByRole('listitem').filter({ hasText: /On Venezuela's land territory/ }).first()
  await expect(land).toContainText(/to Q7 .+, it would be asked\./)
  await expect(land.getByRole('link', { name: /^Q7 / })).toBeVisible()
  await expectNoViolations(page)

  await land.getByRole('button', { name: /^Try it/ }).click()
  const banner = page.getByRole('status', { name: 'Hypothetical:' })
  await expect(banner).toContainText('you are trying Q7 = “On Venezuela\'s land territory')
  await expect(outlineQuestion(page, 8)).toContainText('To answer')
  await expect(page.getByRole('note')).toHaveCount(0)
  await expect(page.getByLabel('Rule', { exact: true })).toBeDisabled()
  await expectNoViolations(page)

  await banner.getByRole('button', { name: 'Discard (back to my answers)' }).click()
  await expect(page.getByRole('note')).toContainText('This question is skipped')
  await expect(outlineQuestion(page, 8)).toContainText('Skipped')
})
