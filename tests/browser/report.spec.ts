/**
 * The report as a student hands it in: a workbook file imported through the start page, the
 * report opened, printed to PDF by Chromium, and the PDF's text read back with `pdftotext`
 * (poppler-utils, installed by scripts/setup.sh).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { parse } from 'yaml'
import { contentHash } from '../../src/engine/hash.ts'
import type { Rulebook } from '../../src/engine/generated/rulebook.ts'
import type { Session } from '../../src/engine/generated/session.ts'

const marker =
  'The dock was a civilian object, so the attack breached the principle of distinction.'

/**
 * The complete session of the flagship rulebook (tests/fixtures/sessions), made against the
 * rulebook as it is now, with a script smuggled into one answer. The rulebook is read with the YAML
 * parser alone: the engine's loader imports JSON schemas, which Playwright's Node loader cannot.
 */
function flagshipSession(): { rulebook: Rulebook; session: Session } {
  const rulebook = parse(readFileSync('rules/venezuela-dock-strike.yaml', 'utf8')) as Rulebook
  const session = JSON.parse(
    readFileSync('tests/fixtures/sessions/venezuela-dock-strike-complete.json', 'utf8'),
  ) as Session
  session.title = 'Printed report'
  session.rulebook = {
    ...session.rulebook,
    version: rulebook.version,
    contentHash: contentHash(rulebook),
  }
  const work = session.answers['attribution-conduct']!
  work.reasoning = { ...work.reasoning, issue: "<script>document.title = 'pwned'</script>" }
  return { rulebook, session }
}

async function importAndOpenReport(page: Page, session: Session) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles({
    name: 'printed-report.casework.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(session, null, 2)),
  })
  const dialog = page.getByRole('dialog', { name: 'Import a workbook' })
  await expect(dialog.getByText('Printed report')).toBeVisible()
  await dialog.getByRole('button', { name: 'Import' }).click()
  await page.waitForURL(/\/workbooks\/[^/]+/)
  await page.getByRole('link', { name: 'Report', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible()
  return violations
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'casework-report-'))
  const file = join(dir, 'report.pdf')
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

test('prints the report to PDF with the student’s work and without the app around it', async ({
  page,
}) => {
  const { rulebook, session } = flagshipSession()
  const violations = await importAndOpenReport(page, session)

  // The report's stylesheet applies under the app's Content-Security-Policy.
  await expect(page.locator('.report-meta')).toHaveCSS('display', 'grid')
  expect(await page.title()).not.toBe('pwned')

  const text = pdfText(await page.pdf({ format: 'A4' }))
  const flat = text.replace(/\s+/g, ' ')
  for (const expected of [
    rulebook.title,
    'Student Amara Okafor',
    // Every question of the complete session is asked and answered.
    `Progress ${Object.keys(session.answers).length} of ${Object.keys(session.answers).length} questions answered`,
    ...rulebook.sections.map((section, i) => `${i + 1}. ${section.title}`),
    'Question 1. Is the operation an act of the United States?',
    marker,
    // The smuggled script shows as text; pdftotext may interleave it with the model answer's column.
    '<script>document.title =',
    "'pwned'</script>",
    'Model answer',
    'Conclusions that follow from the answers',
    'Table of authorities',
    'Appendix: the facts of the scenario',
  ]) {
    expect(flat).toContain(expected)
  }
  // No UI chrome in print.
  for (const chrome of [
    'Print or save as PDF',
    'Back to the workbook',
    'Download Markdown',
    'Skip to main content',
  ]) {
    expect(flat).not.toContain(chrome)
  }
  // Many pages, the report's parts each starting a new one.
  expect(text.split('\f').length).toBeGreaterThan(10)
  expect(violations).toEqual([])
})

test('downloads a standalone HTML report that prints the same text', async ({ page }) => {
  const { rulebook, session } = flagshipSession()
  await importAndOpenReport(page, session)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download HTML' }).click(),
  ])
  const html = readFileSync((await download.path())!, 'utf8')
  await page.setContent(html)
  const flat = pdfText(await page.pdf({ format: 'A4' })).replace(/\s+/g, ' ')
  expect(flat).toContain(rulebook.title)
  expect(flat).toContain(marker)
  expect(flat).toContain('Table of authorities')
})

test('loads the Word writer only when a DOCX is asked for, then downloads one', async ({
  page,
}) => {
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<
    string,
    { file: string }
  >
  const docxChunk = manifest['node_modules/docx/dist/index.mjs']!.file
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))

  await importAndOpenReport(page, flagshipSession().session)
  expect(requested).not.toContain(`/${docxChunk}`)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Word (.docx)' }).click(),
  ])
  expect(requested).toContain(`/${docxChunk}`)
  expect(download.suggestedFilename()).toBe('printed-report.docx')
  const bytes = readFileSync((await download.path())!)
  expect(bytes.subarray(0, 2).toString()).toBe('PK')
})
