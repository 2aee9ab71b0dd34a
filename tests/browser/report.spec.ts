/**
 * The report as a student hands it in: a workbook file imported through the start page, the
 * report opened, printed to PDF by Chromium, and the PDF's text read back with `pdftotext`
 * (poppler-utils, installed by scripts/setup.sh).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { parse } from 'yaml'
import { contentHash } from '../../src/engine/hash.ts'
import type { Rulebook } from '../../src/engine/generated/rulebook.ts'
import type { Session } from '../../src/engine/generated/session.ts'

const marker = 'The strike on the dock is attributable to the United States'

/**
 * The flagship rulebook (or, until it ships, the first shipped one), and a session with work on
 * its first question. Read with the YAML parser alone: the engine's loader imports JSON schemas,
 * which Playwright's Node loader cannot; the build has already validated every shipped rulebook.
 */
function sessionOnShippedRulebook(): { rulebook: Rulebook; session: Session } {
  const files = readdirSync('rules')
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
  const file = files.includes('venezuela-dock-strike.yaml')
    ? 'venezuela-dock-strike.yaml'
    : files[0]!
  const rulebook = parse(readFileSync(join('rules', file), 'utf8')) as Rulebook
  const now = '2026-01-15T10:00:00.000Z'
  const session: Session = {
    format: 'casework-session/1',
    title: 'Printed report',
    rulebook: {
      id: rulebook.id,
      version: rulebook.version,
      contentHash: contentHash(rulebook),
      title: rulebook.title,
    },
    scenario: rulebook.scenarios[0].id,
    student: { name: 'Ada Student' },
    createdAt: now,
    updatedAt: now,
    answers: {},
  }
  const question = rulebook.questions[0]
  const value =
    question.answer.kind === 'yes-no'
      ? 'yes'
      : question.answer.kind === 'multiple-choice'
        ? [question.answer.options![0].id]
        : question.answer.kind === 'scale'
          ? (question.answer.min ?? 1)
          : question.answer.kind === 'free-text'
            ? 'A written answer.'
            : question.answer.options![0].id
  session.answers[question.id] = {
    value,
    reasoning: {
      issue: 'Whether the conduct falls under the rule.',
      application: `${marker}. <script>document.title = 'pwned'</script>`,
      conclusion: 'It does.',
    },
    confidence: 'medium',
    updatedAt: now,
  }
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
  const { rulebook, session } = sessionOnShippedRulebook()
  const violations = await importAndOpenReport(page, session)

  // The report's stylesheet applies under the app's Content-Security-Policy.
  await expect(page.locator('.report-meta')).toHaveCSS('display', 'grid')
  expect(await page.title()).not.toBe('pwned')

  const text = pdfText(await page.pdf({ format: 'A4' }))
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain(rulebook.title)
  expect(flat).toContain('Student Ada Student')
  expect(flat).toContain('Question 1.')
  expect(flat).toContain(marker)
  expect(flat).toContain("<script>document.title = 'pwned'</script>")
  expect(flat).toContain('Table of authorities')
  expect(flat).toContain('Conclusions')
  // No UI chrome in print.
  expect(flat).not.toContain('Print or save as PDF')
  expect(flat).not.toContain('Back to the workbook')
  expect(flat).not.toContain('Download Markdown')
  // Parts of the report start on new pages.
  expect(text.split('\f').length).toBeGreaterThan(2)
  expect(violations).toEqual([])
})

test('downloads a standalone HTML report that prints the same text', async ({ page }) => {
  const { rulebook, session } = sessionOnShippedRulebook()
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

  await importAndOpenReport(page, sessionOnShippedRulebook().session)
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
