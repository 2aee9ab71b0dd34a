/// <reference lib="dom" />
/** WCAG 2.1 AA by axe-core on the main screens, and the workbook used from the keyboard alone. */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { outlineQuestion, startFlagshipWorkbook } from './helpers'

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary).toEqual([])
}

test('the start page has no WCAG 2.1 AA violations', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Listed')
  await page.goto('/')
  await expect(page.getByRole('row', { name: /Listed/ })).toBeVisible()
  await expectNoViolations(page)
})

test('a question has no WCAG 2.1 AA violations, answered and committed', async ({ page }) => {
  await startFlagshipWorkbook(page)
  await expectNoViolations(page)
  await page.getByRole('radio').first().check()
  await page.getByLabel('Conclusion', { exact: true }).fill('My conclusion.')
  await page.getByRole('button', { name: 'Commit conclusion' }).click()
  await expect(page.getByRole('heading', { name: /Model answer/ })).toBeVisible()
  // Open every part of the guidance, so axe sees it all.
  const closed = page.locator('details:not([open]) > summary')
  while ((await closed.count()) > 0) await closed.first().click()
  await expectNoViolations(page)
})

test('the conclusions panel has no WCAG 2.1 AA violations', async ({ page }) => {
  await startFlagshipWorkbook(page)
  await page.getByRole('radio').first().check()
  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  await expect(page.getByRole('heading', { name: 'Conclusions', level: 1 })).toBeVisible()
  await expectNoViolations(page)
})

test('a narrow screen has no WCAG 2.1 AA violations, with the outline open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await startFlagshipWorkbook(page)
  await page.getByRole('button', { name: 'Outline' }).click()
  await expect(page.getByRole('navigation', { name: 'Outline' })).toBeVisible()
  await expectNoViolations(page)
})

test('the workbook works from the keyboard: shortcuts, answers, visible focus', async ({ page }) => {
  await startFlagshipWorkbook(page)
  // Shortcuts move between asked questions, and focus lands on the new question's heading.
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q2.')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  await page.keyboard.press('p')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')

  // Tab to the answer, choose with the arrow keys; the focus ring is visible.
  const firstOption = page.getByRole('radio').first()
  await firstOption.focus()
  await page.keyboard.press('Space')
  await expect(firstOption).toBeChecked()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio').nth(1)).toBeChecked()
  const ring = await page.getByRole('radio').nth(1).evaluate((radio) => getComputedStyle(radio.closest('label')!).outlineStyle)
  expect(ring).toBe('solid')

  // Typing "n" in a text area types it; it does not navigate.
  await page.getByLabel('Issue').fill('')
  await page.getByLabel('Issue').press('n')
  await expect(page.getByLabel('Issue')).toHaveValue('n')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')

  // "?" lists the shortcuts; Escape closes the list.
  await page.getByRole('heading', { level: 1 }).focus()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()

  // The skip link is the first stop and takes focus to the main content.
  await page.keyboard.press('Tab')
  await page.goto(page.url())
  // The workbook loads its rulebook first; the main content exists once the question shows.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

test('a skipped question’s note and the report with its review have no WCAG 2.1 AA violations', async ({ page }) => {
  await startFlagshipWorkbook(page, 'Skipped contrast')
  await outlineQuestion(page, 7).click()
  await page.getByRole('radio', { name: /^On vessels beyond any State's territorial sea/ }).check()
  await outlineQuestion(page, 8).click()
  await expect(page.getByRole('note')).toContainText('This question is skipped')
  await expectNoViolations(page)
  await page.getByRole('link', { name: 'Report', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Before you hand in' })).toBeVisible()
  await expectNoViolations(page)
})

test('each start card’s button is named after its rulebook', async ({ page }) => {
  await page.goto('/')
  const buttons = page.getByRole('button', { name: /^Start a workbook on / })
  await expect(buttons.first()).toBeVisible()
  const names = await buttons.evaluateAll((all) => all.map((b) => b.textContent?.replace(/\s+/g, ' ').trim()))
  expect(names.length).toBeGreaterThan(1)
  expect(new Set(names).size).toBe(names.length)
})
