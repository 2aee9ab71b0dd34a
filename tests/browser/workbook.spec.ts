/**
 * A student's path through the flagship rulebook: answer along a path to a conclusion, write
 * reasoning, reload and find everything, change an earlier answer and see stale work kept and the
 * conclusions change.
 */
import { expect, test } from '@playwright/test'
import { outlineQuestion, startFlagshipWorkbook } from './helpers'

test('answers along a path, keeps everything across a reload, and marks stale work when an answer changes', async ({
  page,
}) => {
  await startFlagshipWorkbook(page)

  // Q1: attribution, with reasoning in IRAC parts and a fact citation.
  await page.getByRole('radio', { name: /^Yes, as conduct of US state organs/ }).check()
  await page.getByLabel('Issue').fill('Whether the dock strike is an act of the United States.')
  await page.getByLabel('Application').fill('The President acknowledged the strike')
  await page.getByLabel('Cite a fact').selectOption({ index: 1 })
  await page.getByRole('button', { name: 'Insert citation' }).click()
  // The citation shows as a token with a chip; Backspace removes it whole, and undoing brings it back.
  await expect(page.getByLabel('Application')).toHaveValue('The President acknowledged the strike [¶1]')
  await expect(page.locator('mark.reasoning__chip')).toHaveText('[¶1]')
  await page.getByLabel('Application').press('End')
  await page.getByLabel('Application').press('Backspace')
  await expect(page.getByLabel('Application')).toHaveValue('The President acknowledged the strike ')
  await page.getByLabel('Application').pressSequentially('[¶1]')
  await expect(page.locator('mark.reasoning__chip')).toHaveText('[¶1]')
  await page.getByLabel('Conclusion', { exact: true }).fill('The strike is **conduct of the United States**.')
  await page.getByRole('radio', { name: 'High' }).check()
  await page.getByRole('button', { name: 'Preview' }).click()
  const reasoning = page.getByRole('region', { name: 'Your reasoning' })
  await expect(reasoning.locator('strong')).toHaveText('conduct of the United States')
  // The citation is a link to the fact paragraph, shown in the facts pane.
  await reasoning.getByRole('link', { name: '¶1', exact: true }).click()
  await expect(page).toHaveURL(/#fact-[a-z0-9-]+$/)
  const cited = new URL(page.url()).hash.slice(1)
  await expect(page.getByRole('complementary', { name: 'Facts' }).locator(`[id="${cited}"]`)).toBeInViewport()
  await page.getByRole('button', { name: 'Write' }).click()
  await page.getByRole('button', { name: 'Commit conclusion' }).click()
  await expect(page.getByRole('heading', { name: /Model answer/ })).toBeVisible()
  await expect(outlineQuestion(page, 1)).toContainText('Answered')

  // Where force was applied: on land, which makes the sovereignty question asked.
  await outlineQuestion(page, 7).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Where was force applied?')
  await page.getByRole('radio', { name: /^On Venezuela's land territory/ }).check()
  await expect(outlineQuestion(page, 8)).toContainText('To answer')
  await outlineQuestion(page, 8).click()
  await page.getByRole('radio', { name: 'Yes' }).check()
  await page.getByLabel('Rule', { exact: true }).fill('A state may not exercise its power on the territory of another.')

  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  const holds = page.getByRole('region', { name: 'What follows from your answers' })
  await expect(holds).toContainText('The operation is an act of the United States under international law.')
  const before = await page.getByRole('region', { name: 'Conclusions' }).innerText()

  // Reload: everything is there, and the workbook resumes where the student was.
  await page.waitForTimeout(600)
  await page.reload()
  await expect(holds).toContainText('The operation is an act of the United States')
  await outlineQuestion(page, 1).click()
  await expect(page.getByRole('radio', { name: /^Yes, as conduct of US state organs/ })).toBeChecked()
  await expect(page.getByLabel('Issue')).toHaveValue('Whether the dock strike is an act of the United States.')
  await expect(page.getByLabel('Conclusion', { exact: true })).toHaveValue('The strike is **conduct of the United States**.')
  await expect(page.getByRole('radio', { name: 'High' })).toBeChecked()
  await expect(page.getByRole('region', { name: 'Commit and compare' }).getByText(/^✓\s*Committed$/)).toBeVisible()
  await page.goto('/')
  await page.getByRole('link', { name: 'Resume Seminar 4' }).click()
  await expect(page).toHaveURL(/\/questions\/attribution-conduct$/)

  // Change an earlier answer: the sovereignty question is no longer asked, its work is kept.
  await outlineQuestion(page, 7).click()
  await page.getByRole('radio', { name: /^On vessels beyond any State's territorial sea/ }).check()
  await expect(outlineQuestion(page, 8)).toContainText('Stale')
  await outlineQuestion(page, 8).click()
  await expect(page.getByRole('note')).toContainText('This question is no longer asked')
  await expect(page.getByRole('note')).toContainText('Your work on it is kept')
  await expect(page.getByLabel('Rule', { exact: true })).toHaveValue('A state may not exercise its power on the territory of another.')
  await page.getByRole('note').getByRole('link', { name: /Go to Q7/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Where was force applied?')

  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  await expect(holds).toContainText('The operation is an act of the United States')
  expect(await page.getByRole('region', { name: 'Conclusions' }).innerText()).not.toBe(before)
})

test('explains a skipped question in words and links to the deciding answer', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Skips')
  await outlineQuestion(page, 7).click()
  await page.getByRole('radio', { name: /^On vessels beyond any State's territorial sea/ }).check()
  await expect(outlineQuestion(page, 8)).toContainText('Skipped')
  await outlineQuestion(page, 8).click()
  const note = page.getByRole('note')
  await expect(note).toContainText('This question is skipped')
  await expect(note).toContainText(/Asked only if Q7 “Where was force applied\?” is one of .*; you answered “On vessels beyond any State's territorial sea/)
  await note.getByRole('link', { name: /Go to Q7/ }).click()
  await expect(page).toHaveURL(/\/questions\/location-of-force$/)
})

test('every question and section has its own URL, so back and bookmarks work', async ({ page }) => {
  await startFlagshipWorkbook(page, 'URLs')
  const first = page.url()
  await page.getByRole('link', { name: /^Next →/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q2.')
  const second = page.url()
  await page.goBack()
  await expect(page).toHaveURL(first)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await page.goto(second)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q2.')
  await page.getByRole('navigation', { name: 'Outline' }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/sections\/[a-z-]+$/)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('body')).toContainText('Section')
})

test('a fact citation links to its paragraph, which opens in the facts pane', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Facts')
  await page.getByRole('complementary', { name: 'Facts' }).getByRole('link', { name: 'Paragraph 2', exact: true }).click()
  await expect(page).toHaveURL(/#fact-[a-z0-9-]+$/)
  const url = page.url()
  await page.goto(url)
  const id = new URL(url).hash.slice(1)
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport()
})
