/// <reference lib="dom" />
/**
 * The class view as an instructor uses it: the harbour-strike rulebook opened from a file, a
 * folder of session files chosen (tests/fixtures/class/seminar: five students, one older copy,
 * three files to leave out), the per-question counts, a filter, a student's report, the notes
 * and the CSV download; a zip of the same files; axe on the loaded view.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { strToU8, zipSync } from 'fflate'
import { parse } from 'yaml'
import type { Rulebook } from '../../src/engine/generated/rulebook.ts'
import { contentHash } from '../../src/engine/hash.ts'
import { generateClass } from '../bench/class-generate.ts'

const folder = 'tests/fixtures/class/seminar'

async function openClass(page: Page) {
  // Chromium has the directory picker, which a test cannot drive: use the folder input instead.
  await page.addInitScript(() => {
    delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker
  })
  page.on('dialog', () => {
    throw new Error('a script from a session ran')
  })
  await page.goto('/')
  await page.getByRole('link', { name: 'Class view' }).click()
  await expect(page.getByRole('heading', { name: 'Class view', level: 1 })).toBeVisible()
  await page.getByLabel('Open a rulebook file…').setInputFiles('tests/fixtures/report/small-rulebook.yaml')
  await expect(page.getByText('Reading the class against “The Harbour Strike”')).toBeVisible()
}

const answers = (page: Page, number: number, scenario = 'The harbour strike') =>
  page.getByRole('table', { name: `Answers to Q${number} (${scenario})` })

test('reads a folder of sessions: counts, a filter, a student’s report, notes and the CSV', async ({ page }) => {
  await openClass(page)
  await page.getByLabel('Choose a folder…').setInputFiles(folder)
  await expect(page.getByText('5 students read; 4 files left out.')).toBeVisible()
  await expect(page.getByRole('row', { name: /stranger\.casework\.json.*another-rulebook/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /bob-older\.casework\.json.*newer copy is kept/ })).toBeVisible()

  // Q1: two Yes, one No among the harbour students; one Yes on the high seas.
  await expect(answers(page, 1).getByRole('row', { name: /^Yes 2/ })).toBeVisible()
  await expect(answers(page, 1).getByRole('row', { name: /^No 1/ })).toBeVisible()
  await expect(answers(page, 1, 'Boats on the high seas').getByRole('row', { name: /^Yes 1/ })).toBeVisible()

  // Q3: filter the work by answer.
  await page.getByLabel('Question', { exact: true }).selectOption({ label: 'Q3. Legal basis claimed' })
  await expect(answers(page, 3).getByRole('row', { name: /^Consent of State B 1/ })).toBeVisible()
  await page.getByLabel('Show the work of').selectOption({ label: 'Those who answered “No basis”' })
  await expect(page.getByText('2 students shown.')).toBeVisible()
  await page.getByLabel('Show the work of').selectOption({ label: 'Those who answered “Consent of State B”' })
  await expect(page.getByText('1 student shown.')).toBeVisible()
  const bob = page.getByRole('listitem').filter({ hasText: 'Bob <script>alert(1)</script>' })
  await expect(bob).toBeVisible()
  await bob.getByText('Reasoning').click()
  await expect(bob.getByText('<img src=x onerror=alert(1)> consent must be valid')).toBeVisible()

  // Notes go into the exports.
  await page.getByLabel('Your note on Q3').fill('Discuss consent in week 4.')
  await page.getByLabel('Your note on Ada Lovelace').fill('=Strong on facts')
  await expect(page.getByText('Notes saved.')).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('class-harbour-strike.csv')
  const csv = readFileSync(await download.path(), 'utf8')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines).toHaveLength(19)
  expect(lines[0]).toMatch(/^student,file,scenario,question number/)
  const adaBasis = lines.find((l) => l.startsWith('Ada Lovelace,') && l.includes(',basis,'))!
  expect(adaBasis).toContain(',No basis,medium,no,no,no,¶2,')
  expect(adaBasis).toContain("Discuss consent in week 4.,'=Strong on facts")

  // A student's full report, read-only, and back.
  await page.getByRole('link', { name: 'Ada Lovelace', exact: true }).click()
  await expect(page.getByText('Read-only: seminar/ada.casework.json')).toBeVisible()
  await expect(page.getByText('It was a use of force.')).toBeVisible()
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await page.getByRole('link', { name: '← Back to the class' }).click()
  await expect(page.getByText('5 students read; 4 files left out.')).toBeVisible()

  // The notes are still there after a reload, once the rulebook is chosen again.
  await page.reload()
  await page.getByLabel('Open a rulebook file…').setInputFiles('tests/fixtures/report/small-rulebook.yaml')
  await page.getByLabel('Choose a folder…').setInputFiles(folder)
  await page.getByLabel('Question', { exact: true }).selectOption({ label: 'Q3. Legal basis claimed' })
  await expect(page.getByLabel('Your note on Q3')).toHaveValue('Discuss consent in week 4.')
})

test('reads a zip of sessions', async ({ page }) => {
  await openClass(page)
  const files = Object.fromEntries(
    readdirSync(folder).map((name) => [`seminar/${name}`, strToU8(readFileSync(`${folder}/${name}`, 'utf8'))]),
  )
  await page.getByLabel('Choose session files or a zip…').setInputFiles({
    name: 'seminar.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync(files)),
  })
  await expect(page.getByText('5 students read; 4 files left out.')).toBeVisible()
  await expect(answers(page, 1).getByRole('row', { name: /^Yes 2/ })).toBeVisible()
})

test('the loaded class view has no WCAG 2.1 AA violations', async ({ page }) => {
  await openClass(page)
  await page.getByLabel('Choose a folder…').setInputFiles(folder)
  await expect(page.getByText('5 students read; 4 files left out.')).toBeVisible()
  await page.locator('details:not([open]) > summary').first().click()
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
})

test('reads the class against a studio draft, and pages through the students’ work', async ({ page }) => {
  // 25 generated students on the flagship: more than one page of work on its first question.
  const flagship = parse(readFileSync('rules/venezuela-dock-strike.yaml', 'utf8')) as Rulebook
  const generated = mkdtempSync(join(tmpdir(), 'casework-class-draft-'))
  for (const { name, text } of generateClass(flagship, contentHash(flagship), 25)) writeFileSync(join(generated, name), text)
  await page.addInitScript(() => {
    delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker
  })

  await page.goto('/studio')
  await page.getByRole('button', { name: /Edit a new version\s*: Force, consent and covert authority/ }).click()
  await expect(page.getByText(/^0 errors and \d+ warnings?$/)).toBeVisible({ timeout: 30_000 })
  await page.goto('/class')
  const drafts = page.getByLabel('Rulebook drafted in the studio')
  await expect(drafts.getByRole('option', { name: /^Force, consent and covert authority/ })).toHaveCount(1)
  await drafts.selectOption({ label: (await drafts.getByRole('option', { name: /^Force, consent/ }).textContent())!.trim() })
  await expect(page.getByText(/Reading the class against “Force, consent and covert authority/)).toBeVisible()

  await page.getByLabel('Choose a folder…').setInputFiles(generated)
  await expect(page.getByText('25 students read.')).toBeVisible({ timeout: 30_000 })
  const status = page.getByText(/^\d+ students shown\. Page \d+ of 2\.$/)
  await expect(status).toHaveText(/Page 1 of 2\./)
  const shown = Number((await status.textContent())!.match(/^\d+/)![0])
  expect(shown).toBeGreaterThan(20)
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Full report of / }) })
  await expect(cards).toHaveCount(20)
  const first = await cards.first().getByRole('heading').textContent()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(status).toHaveText(/Page 2 of 2\./)
  await expect(cards).toHaveCount(shown - 20)
  expect(await cards.first().getByRole('heading').textContent()).not.toBe(first)
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled()
})

test('the routes are a diagram of branches, each a button, with the same branches in a table', async ({ page }) => {
  await openClass(page)
  await page.getByLabel('Choose a folder…').setInputFiles(folder)
  await expect(page.getByText('5 students read; 4 files left out.')).toBeVisible()
  const diagram = page.getByRole('group', { name: 'Routes through the questions (The harbour strike): the branches, each a button' })
  await expect(diagram.getByRole('button')).toHaveCount(5)
  await expect(diagram.getByRole('button', { name: 'Branch Q1 No: 1 student' })).toBeVisible()

  // From the keyboard: Tab to the start's branch, then Enter.
  await diagram.getByRole('button', { name: 'The start: 4 students' }).focus()
  await page.keyboard.press('Tab')
  await expect(diagram.getByRole('button', { name: 'Branch Q1 Yes: 2 students' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(diagram.getByRole('button', { name: 'Branch Q1 Yes: 2 students' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('status').filter({ hasText: 'Route from the start: Q1 Yes.' })).toContainText(
    'Then: Q2 2 on a scale of 1–5 (1 = trivial, 5 = most grave) (1); Q2 4 on a scale of 1–5 (1 = trivial, 5 = most grave) (1).',
  )
  await page.keyboard.press('Space')
  await expect(page.getByText('Choose a branch to read its route in full.').first()).toBeVisible()

  const table = page.getByRole('table', { name: 'The diagram’s branches (The harbour strike)' })
  await expect(table.getByRole('row', { name: /^Q1 No 1 1 Q1 No 1 0$/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^Start 0 4 no answer in common 1 0$/ })).toBeVisible()

  const results = await new AxeBuilder({ page })
    .include('section[aria-labelledby="class-paths-heading"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
})
