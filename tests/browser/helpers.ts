/** Shared steps of the browser tests: what a student does, found by role and label. */
import { expect, type Page } from '@playwright/test'

/** The flagship rulebook's title, as its card on the start page is named. */
export const flagship = /Force, consent and covert authority/

/** Starts a workbook on the flagship rulebook (first scenario) and opens its first question. */
export async function startFlagshipWorkbook(page: Page, title = 'Seminar 4'): Promise<void> {
  await page.goto('/')
  await page.getByRole('article', { name: flagship }).getByRole('button', { name: new RegExp(`^Start a workbook on ${flagship.source}`) }).click()
  const dialog = page.getByRole('dialog', { name: 'Start a workbook' })
  await dialog.getByLabel('Name of the workbook').fill(title)
  await dialog.getByLabel(/Your name/).fill('Alex Moreno')
  await dialog.getByRole('button', { name: 'Start workbook' }).click()
  await page.getByRole('link', { name: /^Begin with Q1/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
}

/** The outline's link to a question, by its number. */
export function outlineQuestion(page: Page, number: number) {
  return page.getByRole('navigation', { name: 'Outline' }).getByRole('link', { name: new RegExp(`^Q${number}\\b`) })
}
