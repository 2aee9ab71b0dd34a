/**
 * Takes the README's screenshots of the main screens: builds the app, serves it with
 * `vite preview`, walks the flagship rulebook in Chromium as a student would, and saves PNGs to
 * docs/screenshots/. Run with `npm run screenshots` (`-- --no-build` to reuse dist/).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const port = Number(process.env.SCREENSHOTS_PORT ?? 4180)
const base = `http://localhost:${port}`
const outDir = resolve('docs/screenshots')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const brokenRulebook = resolve('tests/fixtures/ui/broken-rulebook.yaml')

async function waitForServer(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`vite preview did not start on ${url}`)
}

/** Answers the question on screen with its first option (or a middle value, or a sentence). */
async function answerFirst(page: Page): Promise<void> {
  const answer = page.getByRole('group', { name: /Your answer/ })
  if (await answer.count()) {
    const radios = answer.getByRole('radio')
    const count = await radios.count()
    if (count > 0) {
      await radios.nth(count > 3 ? Math.floor(count / 2) : 0).check()
      return
    }
    await answer.getByRole('checkbox').first().check()
    return
  }
  const text = page.getByRole('textbox', { name: 'Your answer' })
  if (await text.count()) await text.fill('The later resolution does not change the analysis.')
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(150)
  await page.screenshot({ path: resolve(outDir, name), fullPage })
  console.log(`docs/screenshots/${name}`)
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
    if (build.status !== 0) throw new Error('vite build failed')
  }
  mkdirSync(outDir, { recursive: true })
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  })
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    await waitForServer(base)
    // `-- --only-studio` takes only the studio's pictures.
    if (process.argv.includes('--only-studio')) return await studioShots(browser)
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()

    // Start a workbook on the flagship rulebook.
    await page.goto(base)
    await page.getByRole('button', { name: 'Start a workbook' }).first().click()
    await page.getByLabel('Name of the workbook').fill('Dock strike — seminar 4')
    await page.getByLabel(/Your name/).fill('Alex Moreno')
    await page.getByRole('button', { name: 'Start workbook' }).click()
    await page.getByRole('link', { name: /^Begin with Q1/ }).waitFor()
    await shot(page, 'workbook-overview.png')

    // The first question, answered, with reasoning and a fact citation.
    await page.getByRole('link', { name: /^Begin with Q1/ }).click()
    await page.getByRole('radio').first().check()
    await page.getByLabel('Issue').fill('Whether the strike on the dock is conduct of the United States under international law.')
    await page.getByLabel('Rule', { exact: true }).fill('The conduct of any **organ of a State** is an act of that State (ARSIWA art. 4).')
    await page.getByLabel('Application').fill('The President publicly acknowledged that the United States struck the dock')
    await page.getByLabel('Cite a fact').selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Insert citation' }).click()
    await page.getByLabel('Conclusion', { exact: true }).fill('The strike is an act of the United States.')
    await page.getByRole('radio', { name: 'High' }).check()
    await page.getByLabel('Counter-argument').fill('No formal acknowledgment names the CIA — but attribution needs only that some US organ acted.')
    await page.getByRole('main').evaluate((main) => main.scrollTo({ top: 0 }))
    await shot(page, 'question.png')
    await page.getByRole('heading', { name: 'Your reasoning' }).evaluate((h) => h.scrollIntoView())
    await shot(page, 'reasoning.png')

    await page.getByRole('button', { name: 'Commit conclusion' }).click()
    const comparison = page.getByRole('heading', { name: /Model answer/ })
    if (await comparison.count()) {
      await page.getByRole('heading', { name: 'Your conclusion' }).evaluate((h) => h.scrollIntoView())
      await page.getByRole('main').evaluate((main) => main.scrollBy({ top: -110 }))
      await shot(page, 'model-answer.png')
    }

    // Where the force was applied decides which later questions are asked.
    const outline = page.getByRole('navigation', { name: 'Outline' })
    const question = (n: number) => outline.getByRole('link', { name: new RegExp(`^Q${n}\\b`) })
    for (const n of [2, 3, 4, 5, 6]) {
      await question(n).click()
      await answerFirst(page)
    }
    // Q7 asks where the force was applied; Q8, on land, whether sovereignty was violated.
    await question(7).click()
    await page.getByRole('radio').first().check()
    await question(8).click()
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByLabel('Application').fill('Destroying a dock on Venezuelan soil without its consent exercises US power on its territory.')
    await question(7).click()
    await page.getByRole('radio', { name: /beyond any State's territorial sea/ }).check()
    await question(8).click()
    await shot(page, 'stale-question.png')
    await question(7).click()
    await page.getByRole('radio').first().check()

    // A skipped question.
    const skipped = outline.getByRole('link', { name: /Skipped/ })
    if (await skipped.count()) {
      await skipped.first().click()
      await shot(page, 'skipped-question.png')
    }

    await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
    await page.getByRole('heading', { name: 'Conclusions', level: 1 }).waitFor()
    await shot(page, 'conclusions.png')

    // What would change a conclusion that holds, then trying it as a hypothetical.
    const holding = page.getByRole('region', { name: 'What follows from your answers' }).getByRole('article').first()
    await holding.getByRole('button', { name: 'What would change this?' }).click()
    const whatIf = page.getByRole('region', { name: /^What would change/ })
    await whatIf.getByRole('list').waitFor()
    await holding.evaluate((article) => article.scrollIntoView())
    await shot(page, 'what-if.png')
    await whatIf.getByRole('button', { name: /^Try it/ }).first().click()
    await page.getByRole('status', { name: 'Hypothetical:' }).waitFor()
    await shot(page, 'what-if-hypothetical.png')
    await page.getByRole('button', { name: 'Discard (back to my answers)' }).click()

    // The start page with the saved workbook, then a broken rulebook file.
    await page.getByRole('link', { name: /Casework/ }).first().click()
    await page.getByRole('heading', { name: 'Your workbooks' }).waitFor()
    await page.getByRole('row').nth(1).waitFor()
    await shot(page, 'start.png')
    await page.getByLabel('Choose a file…').setInputFiles(brokenRulebook)
    await page.getByRole('heading', { name: /has \d+ errors?/ }).scrollIntoViewIfNeeded()
    await shot(page, 'rulebook-errors.png')

    // A phone: one column, the outline as a panel.
    // (The same context: a new one would have an empty IndexedDB.)
    const small = page
    await small.setViewportSize({ width: 390, height: 844 })
    await small.getByRole('link', { name: /^Resume/ }).first().click()
    await small.getByRole('heading', { level: 1 }).waitFor()
    await shot(small, 'phone-question.png')
    await small.getByRole('button', { name: 'Outline' }).click()
    await shot(small, 'phone-outline.png')
    await context.close()
    await studioShots(browser)
  } finally {
    await browser.close()
    if (server.pid) process.kill(-server.pid)
  }
}

/** The studio on the flagship: a problem with its quick fix, the preview, the map. */
async function studioShots(browser: Browser): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${base}/studio`)
  await page.getByRole('button', { name: /Edit a new version\s*: Force, consent/ }).click()
  await page.getByText(/^0 errors and \d+ warnings?$/).waitFor({ timeout: 60_000 })
  // A misspelt section id, found as it is typed, with its quick fix.
  await page.getByRole('tab', { name: 'Map' }).click()
  await page.getByRole('button', { name: /^Q2 .*go to its line$/ }).click()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.press('Backspace')
  await page.getByRole('tab', { name: /Problems/ }).click()
  await page.getByRole('button', { name: /^Change to/ }).waitFor({ timeout: 30_000 })
  await shot(page, 'studio-problems.png')
  await page.getByRole('button', { name: /^Change to/ }).click()
  await page.getByText(/^0 errors and \d+ warnings?$/).waitFor({ timeout: 30_000 })
  // The preview, answered as a student.
  await page.getByRole('tab', { name: 'Preview' }).click()
  // Each answer may move the preview on to the next question: click, and let it settle.
  for (let i = 0; i < 3; i++) {
    await page.getByRole('tabpanel', { name: 'Preview' }).getByRole('radio').first().click()
    await page.waitForTimeout(400)
  }
  await shot(page, 'studio-preview.png')
  await page.getByRole('tab', { name: 'Map' }).click()
  await page.getByRole('button', { name: /^Q1 .*go to its line$/ }).waitFor()
  await shot(page, 'studio-map.png')
  await context.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
