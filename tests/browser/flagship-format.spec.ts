/// <reference lib="dom" />
/** Variations, the glossary, the model memo and the instructors' page, on a small rulebook file. */
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

const fixture = resolve('tests/fixtures/rulebooks/variations.yaml')
const title = 'A tiny rulebook with variations'

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

/** Opens the fixture from disk and starts a workbook on its variation. */
async function startVariation(page: Page) {
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles(fixture)
  await page.getByRole('article', { name: title }).getByRole('button', { name: 'Start a workbook' }).click()
  const dialog = page.getByRole('dialog', { name: 'Start a workbook' })
  // The variation says what changes where the student chooses it.
  await expect(dialog).toContainText('The territorial government gave its consent, in writing')
  await dialog.getByRole('radio', { name: /^Variation: the government consented in advance/ }).check()
  await dialog.getByRole('button', { name: 'Start workbook' }).click()
}

test('a variation says what changes, and its facts keep their paragraph numbers', async ({ page }) => {
  await startVariation(page)
  const scenario = page.getByRole('region', { name: 'Variation: the government consented in advance' })
  await expect(scenario).toContainText('What changes in this variation of “On land”')
  await expect(scenario).toContainText('Cite as: Test Author and Second Author, “A tiny rulebook with variations”')
  await page.getByRole('link', { name: /^Read all 3 facts/ }).click()
  const facts = page.getByRole('main')
  await expect(facts.getByRole('link', { name: 'Paragraph 4' })).toBeVisible()
  await expect(facts.getByRole('link', { name: 'Paragraph 3' })).toHaveCount(0)
  await expect(facts).toContainText('The territorial government consented in writing the day before the strike.')
  await expect(facts).toContainText('Not part of this variation: ¶3.')
})

test('a glossary term opens its definition from the keyboard, and Escape gives focus back', async ({ page }) => {
  await startVariation(page)
  await page.getByRole('link', { name: /^Begin with Q1/ }).click()
  const term = page.getByRole('main').getByRole('button', { name: 'armed attack' })
  await expect(term).toHaveAttribute('aria-expanded', 'false')
  await term.focus()
  await page.keyboard.press('Enter')
  const popover = page.getByRole('dialog', { name: 'Armed attack' })
  await expect(popover).toBeVisible()
  await expect(popover).toBeFocused()
  await expect(popover).toContainText('The gravest form of the use of force')
  await expect(popover.getByRole('list', { name: 'Authorities' })).toContainText('Nicaragua, para 191')
  await expect(term).toHaveAttribute('aria-expanded', 'true')
  await expectNoViolations(page)
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  await expect(term).toBeFocused()
  await expect(term).toHaveAttribute('aria-expanded', 'false')
})

test('the glossary page lists every term with its authorities', async ({ page }) => {
  await startVariation(page)
  await page.getByRole('navigation', { name: 'Outline' }).getByRole('link', { name: 'Glossary' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible()
  const terms = page.getByRole('term')
  await expect(terms).toHaveText(['Armed attack', 'Effective control'])
  await expect(page.getByRole('definition').first()).toContainText('Nicaragua, para 191')
  await expectNoViolations(page)
})

test('the model memo appears only once every asked question is committed', async ({ page }) => {
  await startVariation(page)
  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  const memo = page.getByRole('region', { name: 'Model memo' })
  await expect(memo).toContainText('2 questions remain')
  await expect(memo).not.toContainText('precludes the wrongfulness')

  for (const number of [1, 2]) {
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('link', { name: new RegExp(`^Q${number}\\b`) }).click()
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('button', { name: 'Commit conclusion' }).click()
    await expect(page.getByRole('region', { name: 'Commit and compare' }).getByText(/^✓\s*Committed$/)).toBeVisible()
    if (number === 1) {
      await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
      await expect(memo).toContainText('1 question remains')
    }
  }
  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  await expect(memo).toContainText('precludes the wrongfulness of the strike')
  await expect(memo).not.toContainText('remain')
  await expectNoViolations(page)
})

test('the instructors’ page shows the plan with its total, the readings, the rubric and how to cite', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles(fixture)
  const card = page.getByRole('article', { name: title })
  await expect(card).toContainText('Cite as: Test Author and Second Author')
  await card.getByRole('link', { name: 'For instructors' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const plan = page.getByRole('region', { name: 'Session plan' })
  await expect(plan.getByRole('row', { name: /Small groups/ })).toContainText('10 min')
  await expect(plan.getByRole('row', { name: /Total/ })).toContainText('40 minutes (40 min)')
  await expect(page.getByRole('region', { name: 'Readings' })).toContainText('Nicaragua, Military and Paramilitary Activities')
  await expect(page.getByRole('region', { name: 'Readings' })).toContainText('paras 187–201')
  await expect(page.getByRole('region', { name: 'Marking rubric' })).toContainText('States every requirement with its authority.')
  await expect(page.getByRole('region', { name: 'Scenarios' })).toContainText('scenario “Variation: the government consented in advance” (land-consented).')
  await expectNoViolations(page)
})
