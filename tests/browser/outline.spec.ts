/// <reference lib="dom" />
/** A workbook of a thousand questions: the outline renders only what is in view, yet keeps the current question in view and works from the keyboard. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { generateYaml } from '../bench/generate'

const file = join(mkdtempSync(join(tmpdir(), 'casework-outline-')), 'thousand.yaml')
writeFileSync(file, generateYaml(1000))

async function startThousand(page: Page): Promise<string> {
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles(file)
  const card = page.getByRole('article', { name: 'Benchmark rulebook of 1000 questions' })
  await card.getByRole('button', { name: 'Start a workbook' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Start workbook' }).click()
  await page.getByRole('link', { name: /^Begin with Q1/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  return /\/workbooks\/([^/]+)/.exec(page.url())![1]!
}

const outline = (page: Page) => page.getByRole('navigation', { name: 'Outline' })
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')

test('renders only the outline rows in view, and keeps the current question in view', async ({ page }) => {
  const workbookId = await startThousand(page)
  const links = await outline(page).getByRole('link').count()
  expect(links).toBeGreaterThan(5)
  expect(links).toBeLessThan(80)
  // The list says how long it is, though only part of it is in the page.
  await expect(outline(page).getByRole('listitem').first()).toHaveAttribute('aria-setsize', '1050')

  await page.goto(`/workbooks/${workbookId}/questions/q499`)
  const current = outline(page).getByRole('link', { name: /^Q500\b/ })
  await expect(current).toHaveAttribute('aria-current', 'page')
  await expect(current).toBeInViewport()

  // Moving on with n: the new current question is scrolled into view too.
  await page.getByRole('heading', { level: 1 }).press('n')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q501.')
  await expect(outline(page).getByRole('link', { name: /^Q501\b/ })).toBeInViewport()
})

test('moves through the outline with the arrow keys, Home and End, rendering rows as it goes', async ({ page }) => {
  await startThousand(page)
  await outline(page).getByRole('link', { name: /^Q1\b/ }).focus()
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => focusedText(page)).toMatch(/^Q2(?!\d)/)
  await page.keyboard.press('End')
  await expect.poll(() => focusedText(page)).toMatch(/^Q1000(?!\d)/)
  await expect(page.locator(':focus')).toBeInViewport()
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => focusedText(page)).toMatch(/^Q999(?!\d)/)
  await page.keyboard.press('Home')
  await expect.poll(() => focusedText(page)).toBe('Section 0')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Section 0')
})

test('a thousand-question workbook has no WCAG 2.1 AA violations', async ({ page }) => {
  await startThousand(page)
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
})
