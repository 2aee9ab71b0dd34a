/**
 * The report as a student hands it in: a workbook file imported through the start page, the
 * report opened, printed to PDF by Chromium, and the PDF's text and fonts read back with
 * `pdftotext` and `pdffonts` (poppler-utils, installed by scripts/setup.sh).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, test, type Page } from '@playwright/test'
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

/** The PDF in a file of its own, for poppler-utils (installed by scripts/setup.sh) to read. */
function pdfFile(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'casework-report-')), 'report.pdf')
  writeFileSync(file, pdf)
  return file
}

/**
 * The PDF's text in the order it was drawn (`pdftotext -raw`), which keeps each column of the
 * two-column "your answer / model answer" layout together however its lines wrap. Pages are
 * separated by form feeds.
 */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
}

/**
 * Text compared without whitespace and hyphens: where a line ends (and whether pdftotext joins a
 * word hyphenated at a line end) depends on the layout, not on what was printed.
 */
const squeeze = (text: string) => text.replace(/[\s\u00ad-]+/g, '')

/** Markdown emphasis from the rulebook, as it does not appear in print. */
const plain = (markdown: string) => markdown.replace(/[*_`]/g, '')

/** The fonts a PDF uses, as `pdffonts` lists them: name, and whether each is embedded. */
function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n')
  return lines.slice(2).map((line) => {
    const columns = line.trim().split(/\s+/)
    // name … emb sub uni object-number generation: the type column has spaces, so count from the end.
    return { name: columns[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: columns.at(-5) === 'yes' }
  })
}

/**
 * The typefaces the app ships: the report prints in them and in nothing else. (The static Source
 * Code Pro files keep the variable font's name, `SourceCodeProExtraLight-Regular`, at weight 400.)
 */
const shippedFont = /^(SourceSerif4|SourceCodePro)[A-Za-z]*-[A-Za-z]+$/

test('prints the report to PDF with the student’s work and without the app around it', async ({
  page,
}) => {
  const { rulebook, session } = flagshipSession()
  const violations = await importAndOpenReport(page, session)

  // The report's stylesheet applies under the app's Content-Security-Policy.
  await expect(page.locator('.report-meta')).toHaveCSS('display', 'grid')
  expect(await page.title()).not.toBe('pwned')

  const text = pdfText(pdfFile(await page.pdf({ format: 'A4' })))
  const printed = squeeze(text)
  const scenario = rulebook.scenarios.find((s) => s.id === session.scenario)!
  const firstModelAnswer = rulebook.questions.find((q) => q.modelAnswer)!.modelAnswer!.text
  for (const expected of [
    rulebook.title,
    'Student Amara Okafor',
    // Every question of the complete session is asked and answered.
    `Progress ${Object.keys(session.answers).length} of ${Object.keys(session.answers).length} questions answered`,
    ...rulebook.sections.map((section, i) => `${i + 1}. ${section.title}`),
    'Question 1. Is the operation an act of the United States?',
    // The student's reasoning, and the script they typed, printed as text.
    marker,
    "<script>document.title = 'pwned'</script>",
    // The model answer beside it.
    'Model answer',
    plain(firstModelAnswer).split('. ')[0]!,
    'Conclusions that follow from the answers',
    ...rulebook.conclusions.map((conclusion) => plain(conclusion.statement)),
    'Table of authorities',
    ...rulebook.questions[0]!.authorities!.map(
      (cited) => rulebook.authorities.find((a) => a.id === cited.authority)!.citation,
    ),
    'Appendix: the facts of the scenario',
    ...(scenario.facts ?? []).map((fact) => plain(fact.text)),
  ]) {
    expect(printed, expected).toContain(squeeze(expected))
  }
  // No UI chrome in print.
  for (const chrome of [
    'Print or save as PDF',
    'Back to the workbook',
    'Download Markdown',
    'Skip to main content',
  ]) {
    expect(printed).not.toContain(squeeze(chrome))
  }
  // Many pages, the report's parts each starting a new one, but no page per question: the pages
  // fill (issue 13: 59 pages for 39 questions, page 1 half empty).
  const pages = text.split('\f').filter((page) => page.trim() !== '')
  const answered = Object.keys(session.answers).length
  console.log(`The complete flagship session prints on ${pages.length} pages: ${rulebook.questions.length} questions, ${answered} answered`)
  expect(pages.length).toBeGreaterThan(10)
  // Before: 61 pages. Well under the rulebook's question count, and the analysis under one page per answer.
  expect(pages.length).toBeLessThan(rulebook.questions.length * 0.8)
  const analysisPages = pages.findIndex((page) => page.includes('Conclusions that follow from the answers'))
  expect(analysisPages).toBeLessThan(answered * 0.75)
  // Page 1 is not half empty: the analysis begins on it.
  expect(squeeze(pages[0]!)).toContain(squeeze('Question 1. Is the operation an act of the United States?'))
  // Each web address is printed once: a bare address gets no copy of itself after it.
  const urls = rulebook.authorities.flatMap((authority) => (authority.url ? [authority.url] : []))
  expect(urls.length).toBeGreaterThan(0)
  for (const url of urls) {
    expect(printed.split(squeeze(url)).length - 1, url).toBeLessThanOrEqual(1)
  }
  expect(violations).toEqual([])
})

test('prints in the shipped typefaces, the same with only the fonts a fresh machine has', async ({
  page,
  baseURL,
}, testInfo) => {
  const { session } = flagshipSession()

  /** The report printed in a page, with the font faces the page had loaded when it printed. */
  async function print(on: Page) {
    await importAndOpenReport(on, session)
    const faces = await on.evaluate(async () => {
      await document.fonts.ready
      const loaded: string[] = []
      document.fonts.forEach((face) => {
        if (face.status === 'loaded')
          loaded.push(`${face.family.replace(/"/g, '')} ${face.weight} ${face.style}`)
      })
      return loaded
    })
    const file = pdfFile(await on.pdf({ format: 'A4' }))
    return { faces, file, text: pdfText(file), fonts: pdfFonts(file) }
  }

  const here = await print(page)
  expect(
    await page.locator('.casework-report').evaluate((e) => getComputedStyle(e).fontFamily),
  ).toMatch(/^"Source Serif 4"/)
  for (const face of ['400 normal', '400 italic', '700 normal']) {
    expect(here.faces).toContain(`Source Serif 4 ${face}`)
  }
  // Every font in the PDF is one of the shipped typefaces, embedded (pdffonts).
  expect(here.fonts.length).toBeGreaterThan(0)
  for (const font of here.fonts) {
    expect(font.name).toMatch(shippedFont)
    expect(font.embedded, font.name).toBe(true)
  }
  expect(here.fonts.map((font) => font.name)).toEqual(
    expect.arrayContaining([
      'SourceSerif4-Regular',
      'SourceSerif4-Italic',
      'SourceSerif4-Bold',
      expect.stringMatching(/^SourceCodePro/),
    ]),
  )

  // A Chromium that sees only the fonts a fresh machine has (fonts-dejavu-core, which
  // scripts/setup.sh installs; Chromium cannot start with no font at all) prints the same PDF: the
  // report depends on no font the machine happens to have. The machine's rendering settings
  // (/etc/fonts/conf.d: hinting changes glyph advances, so line breaks) are kept.
  const dir = mkdtempSync(join(tmpdir(), 'casework-fonts-'))
  const config = join(dir, 'fonts.conf')
  const fresh = ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSerif', 'DejaVuSerif-Bold']
  for (const name of fresh) {
    symlinkSync(`/usr/share/fonts/truetype/dejavu/${name}.ttf`, join(dir, `${name}.ttf`))
  }
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${dir}</dir><cachedir>${dir}/cache</cachedir><include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>\n`,
  )
  const bare = await chromium.launch({
    ...testInfo.project.use.launchOptions,
    env: { ...process.env, FONTCONFIG_FILE: config },
  })
  try {
    const context = await bare.newContext({ baseURL })
    const elsewhere = await print(await context.newPage())
    expect(elsewhere.fonts).toEqual(here.fonts)
    expect(elsewhere.text.split('\f')).toEqual(here.text.split('\f'))
  } finally {
    await bare.close()
  }
})

test('downloads a standalone HTML report that prints the same text in the same typefaces', async ({
  page,
}) => {
  const { rulebook, session } = flagshipSession()
  await importAndOpenReport(page, session)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download HTML' }).click(),
  ])
  const html = readFileSync((await download.path())!, 'utf8')
  expect(html).toContain("font-family: 'Source Serif 4'")
  // Nothing is fetched: on a blank page the embedded fonts are the only ones with these names.
  await page.goto('about:blank')
  await page.setContent(html)
  await page.evaluate(() => document.fonts.ready)
  const file = pdfFile(await page.pdf({ format: 'A4' }))
  const printed = squeeze(pdfText(file))
  expect(printed).toContain(squeeze(rulebook.title))
  expect(printed).toContain(squeeze(marker))
  expect(printed).toContain(squeeze('Table of authorities'))
  const fonts = pdfFonts(file)
  expect(fonts.map((font) => font.name)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^SourceSerif4-/)]),
  )
  for (const font of fonts) expect(font.name).toMatch(shippedFont)
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

test('the student chooses whether the hand-in includes the model answers, in print and in every download', async ({
  page,
}) => {
  const { session } = flagshipSession()
  await importAndOpenReport(page, session)
  const report = page.locator('.casework-report')
  const choice = page.getByRole('checkbox', { name: 'Include the model answers in the hand-in' })
  // By default, as the rulebook reveals them: the committed questions' model answers are there.
  await expect(choice).toBeChecked()
  await expect(report.getByRole('heading', { name: 'Model answer', exact: true }).first()).toBeVisible()

  await choice.uncheck()
  await expect(report.getByRole('heading', { name: 'Model answer', exact: true })).toHaveCount(0)
  await expect(report).toContainText('Left out of this hand-in at the student’s choice')
  const printed = squeeze(pdfText(pdfFile(await page.pdf({ format: 'A4' }))))
  // Only the title block's line saying they are left out.
  expect(printed.split(squeeze('Model answer')).length - 1).toBe(1)
  expect(printed).toContain(squeeze('Model answers Left out of this hand-in at the student’s choice'))
  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ])
  const text = readFileSync((await markdown.path())!, 'utf8')
  expect(text).not.toContain('##### Model answer')
  expect(text).toContain('**Model answers:** Left out of this hand-in at the student’s choice')
  const [html] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download HTML' }).click(),
  ])
  expect(readFileSync((await html.path())!, 'utf8')).not.toContain('<h5>Model answer')

  // Ticked again, they come back.
  await choice.check()
  await expect(report.getByRole('heading', { name: 'Model answer', exact: true }).first()).toBeVisible()
})
