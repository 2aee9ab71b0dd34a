/// <reference lib="dom" />
/**
 * The rulebook studio, used as an instructor would: typing mistakes and fixing them, the preview,
 * the map, tests saved from the preview, drafts that survive a reload and a closed tab; under the
 * app's CSP without a single violation, and WCAG 2.1 AA clean.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { loadRulebook } from '../../src/engine/load.ts'
import { flagship, startFlagshipWorkbook } from './helpers'

/** The flagship's size, read from the file the studio edits, so the map's count follows the rulebook. */
const shipped = loadRulebook(readFileSync('rules/venezuela-dock-strike.yaml', 'utf8'), 'venezuela-dock-strike.yaml').rulebook!
const questionCount = shipped.questions.length
const conclusionCount = shipped.conclusions.length

/** Every test fails on a CSP violation or a console error. */
const test = base.extend<{ violations: string[] }>({
  violations: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
        })
      })
      await use(errors)
      expect(errors).toEqual([])
    },
    { auto: true },
  ],
})

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Rulebook (YAML)' })
}

/** Starts a blank draft from the start page. */
async function newBlankDraft(page: Page) {
  await page.goto('/')
  await page.getByRole('link', { name: 'Write a rulebook' }).click()
  await page.getByRole('button', { name: 'New blank rulebook' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'A new rulebook' })).toBeVisible()
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible()
}

/** Puts the cursor at the end of a line (1-based) from the keyboard, with the editor's “go to line”. */
async function endOfLine(page: Page, line: number) {
  await editor(page).click()
  await page.keyboard.press('Control+Alt+g')
  await page.keyboard.type(`${line}:999`)
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Cursor on line ${line}`)).toBeVisible()
  await expect(editor(page)).toBeFocused()
}

/** Puts the cursor on the first match of the text from the top, with the editor's own search (the editor shows only the lines in view). */
async function findInEditor(page: Page, text: string) {
  await editor(page).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+f')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
}

test('a mistake appears at its line as it is typed, and clears when fixed', async ({ page }) => {
  await newBlankDraft(page)
  await endOfLine(page, 24) // `    section: force`
  await page.keyboard.type('x')
  const problems = page.getByRole('list', { name: 'Problems' }).getByRole('listitem')
  // The section left without questions is reported too, as `casework validate` does.
  await expect(problems).toHaveCount(2)
  const problem = problems.filter({ hasText: 'unknown-section' })
  await expect(problem).toContainText('Line 24, column 14')
  await expect(problem).toContainText('question `use-of-force` belongs to section `forcex`, which does not exist')
  await expect(problems.filter({ hasText: 'empty-section' })).toContainText('Line 20, column 9')
  await expect(page.getByText('1 error and 1 warning')).toBeVisible()

  // The quick fix restores the one close id.
  await problem.getByRole('button', { name: 'Change to “force”' }).click()
  await expect(page.getByText('No problems: the rulebook passes every check.')).toBeVisible()
  await expect(editor(page)).toContainText('section: force\n')

  // Typing it wrong again, then fixing it by hand, clears it too.
  await endOfLine(page, 24)
  await page.keyboard.type('z')
  await expect(problem).toContainText('`forcez`')
  await page.keyboard.press('Backspace')
  await expect(page.getByText('No problems: the rulebook passes every check.')).toBeVisible()
})

test('completion offers ids where an id is expected, and hovering a property shows its documentation, both inside the editor', async ({ page }) => {
  await newBlankDraft(page)
  const editorBox = (await page.locator('.studio-editor').boundingBox())!
  const inside = (box: { x: number; y: number; width: number; height: number } | null) => {
    expect(box).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(editorBox.x - 1)
    expect(box!.y).toBeGreaterThanOrEqual(editorBox.y - 1)
    expect(box!.x + box!.width).toBeLessThanOrEqual(editorBox.x + editorBox.width + 1)
    expect(box!.y + box!.height).toBeLessThanOrEqual(editorBox.y + editorBox.height + 1)
  }

  // The first line in view: a tooltip shown above it would leave the editor, so it comes below.
  await page.locator('.cm-line', { hasText: 'format: casework-rulebook/1' }).hover({ position: { x: 20, y: 6 } })
  const hover = page.locator('.cw-hover')
  await expect(hover).toContainText('format')
  await expect(hover).toContainText('The rulebook format and its version')
  inside(await hover.boundingBox())

  await endOfLine(page, 24) // `    section: force`
  for (let i = 0; i < 'force'.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.press('Control+Space')
  const options = page.getByRole('listbox').getByRole('option')
  await expect(options.filter({ hasText: /^force/ })).toHaveCount(1)
  inside(await page.getByRole('listbox').boundingBox())
  // Clicked: CodeMirror ignores an Enter that comes within 75 ms of the list opening.
  await options.filter({ hasText: /^force/ }).click()
  await expect(page.getByText('No problems: the rulebook passes every check.')).toBeVisible()
})

test('guidance edited in the text shows in the preview, which keeps its answers', async ({ page }) => {
  await newBlankDraft(page)
  await page.getByRole('tab', { name: 'Preview' }).click()
  await page.getByRole('radio', { name: 'Yes' }).check()
  await expect(page.getByRole('navigation', { name: 'Preview path' })).toContainText('— Yes')

  await endOfLine(page, 28) // `    rule: Article 2(4) forbids …`
  await page.keyboard.type(' Rewritten guidance in place.')
  await expect(page.getByRole('tabpanel', { name: 'Preview' }).getByText('Rewritten guidance in place.')).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Yes' })).toBeChecked()

  // While the draft has errors, the preview keeps the last valid version and says so.
  await endOfLine(page, 24)
  await page.keyboard.type('x')
  await expect(page.getByText(/The draft has errors, so the preview shows the last version without any/)).toBeVisible()
  await expect(page.getByRole('tabpanel', { name: 'Preview' }).getByText('Rewritten guidance in place.')).toBeVisible()
})

test('the map has one node per question and conclusion, and a node moves the cursor to its line', async ({ page }) => {
  await page.goto('/studio')
  await page.getByRole('button', { name: /Edit a new version\s*: Force, consent and covert authority/ }).click()
  await expect(page.getByText(/^0 errors and \d+ warnings?$/)).toBeVisible({ timeout: 30_000 })
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(page.getByText(`${questionCount} questions and ${conclusionCount} conclusions`)).toBeVisible()
  const nodes = page.getByRole('button', { name: /^[QC]\d+ .*: go to its line$/ })
  await expect(nodes).toHaveCount(questionCount + conclusionCount)

  await page.getByRole('button', { name: /^Q2 Which agency acted\?/ }).click()
  const line = await page.getByText(/^Cursor on line \d+$/).textContent()
  await expect(editor(page)).toBeFocused()
  expect(Number(line!.match(/\d+/)![0])).toBeGreaterThan(20)
  await expect(page.locator('.cm-activeLine')).toContainText('id: acting-agency')

  // The same graph as a list.
  await page.getByText('The map as a list').click()
  const list = page.getByRole('list', { name: 'Rulebook map as a list' })
  await expect(list.getByRole('button')).toHaveCount(questionCount + conclusionCount)
  await list.getByRole('button', { name: /^C1 / }).click()
  await expect(page.locator('.cm-activeLine')).toContainText('id:')
})

test('a walk saved as a test passes, then fails after an edit that changes its outcome', async ({ page }) => {
  await newBlankDraft(page)
  await page.getByRole('tab', { name: 'Preview' }).click()
  await page.getByRole('radio', { name: 'Yes' }).check()
  await page.getByRole('button', { name: 'Save this walk as a test' }).click()
  await expect(page.getByText(/The walk was added as a test at line \d+/)).toBeVisible()
  await expect(editor(page)).toContainText('answers: { use-of-force: "yes" }')
  await expect(editor(page)).toContainText('expect: { holds: [force-used] }')

  await page.getByRole('tab', { name: 'Tests' }).click()
  await expect(page.getByText('1 passed, 0 failed')).toBeVisible()

  await endOfLine(page, 37) // `    when: use-of-force` of the conclusion
  await page.keyboard.type(' is no')
  await expect(page.getByText('0 passed, 1 failed')).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Tests (1 failing)' })).toBeVisible()
  const failure = page.getByRole('button', { name: /expected force-used holds, got fails/ })
  await expect(failure).toBeVisible()
  await failure.click()
  await expect(page.locator('.cm-activeLine')).toContainText('holds: [force-used]')
})

test('the Paths panel lists each conclusion’s minimal answer sets', async ({ page }) => {
  await newBlankDraft(page)
  await page.getByRole('tab', { name: 'Paths' }).click()
  await expect(page.getByText('Every walk explored.')).toBeVisible({ timeout: 20_000 })
  const summary = page.getByText(/^Holds on 1 and fails on 1 minimal sets/)
  await summary.click()
  await expect(page.getByRole('tabpanel', { name: 'Paths' })).toContainText('Q1 = “Yes”')
  await page.getByRole('button', { name: 'force-used' }).click()
  await expect(page.locator('.cm-activeLine')).toContainText('id: force-used')
})

test('a draft survives a reload and a closed tab, and is listed on the start page', async ({ context }) => {
  const page = await context.newPage()
  await newBlankDraft(page)
  await endOfLine(page, 5) // `title: A new rulebook`
  await page.keyboard.type(' on drones')
  await expect(page.getByText('All changes saved')).toBeVisible()
  await page.reload()
  await expect(editor(page)).toContainText('title: A new rulebook on drones')
  const address = page.url()

  await endOfLine(page, 5)
  await page.keyboard.type(' and ships')
  // Closed at once, well inside the save delay: the page's unload handlers are all it gets.
  await page.close({ runBeforeUnload: true })

  const again = await context.newPage()
  await again.goto(address)
  await expect(editor(again)).toContainText('title: A new rulebook on drones and ships')
  await again.goto('/')
  await expect(again.getByRole('list', { name: 'Your rulebook drafts' })).toContainText('A new rulebook on drones and ships')
})

test('a pasted 5 MB file gets a clear problem and the editor stays responsive', async ({ page }) => {
  await newBlankDraft(page)
  await editor(page).click()
  await page.keyboard.press('Control+End')
  await page.evaluate(() => {
    const big = 'filler: ' + 'x'.repeat(5 * 1024 * 1024) + '\n'
    const data = new DataTransfer()
    data.setData('text/plain', big)
    const target = document.querySelector('.studio-editor')!.shadowRoot!.querySelector('.cm-content')!
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(page.getByText(/the draft is 5\.0 MB, more than the 2 MB a rulebook may be/)).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible()
})

test('a new version that rewords an answered question shows the students’ drift and offers the version bump', async ({ page }) => {
  await startFlagshipWorkbook(page)
  await page.getByRole('radio', { name: /^Yes, as conduct of US state organs/ }).check()
  await expect(page.getByRole('banner')).toContainText(/1\/\d+ questions answered/)
  await expect(page.getByRole('banner')).toContainText('All work saved')
  await page.getByRole('link', { name: /^Casework\s*: all workbooks/ }).click()
  await page.getByRole('link', { name: 'Write a rulebook' }).click()
  await page.getByRole('button', { name: new RegExp(`Edit a new version\\s*: ${flagship.source}`) }).click()
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('heading', { name: 'Students with workbooks on this rulebook' })).toHaveCount(0)

  // Reword Q1's prompt.
  await findInEditor(page, 'On what basis')
  await page.keyboard.press('End')
  await page.keyboard.type(' Explain.')

  const drift = page.getByRole('region', { name: 'Students with workbooks on this rulebook' })
  await expect(drift).toContainText('1 saved workbook uses', { timeout: 30_000 })
  await expect(drift).toContainText('1 reworded')
  await expect(drift).toContainText('Reworded: Q1 Is the operation an act of the United States?')
  const bump = drift.getByRole('button', { name: /^Raise the version to \d+\.\d+\.0$/ })
  const next = (await bump.textContent())!.match(/\d+\.\d+\.0/)![0]
  await bump.click()
  await findInEditor(page, 'version: ')
  await expect(page.locator('.cm-activeLine')).toHaveText(`version: ${next}`)
  // The draft now says a newer version than the students' work: the offer is gone, the report stays.
  await expect(drift.getByRole('button', { name: /^Raise the version/ })).toHaveCount(0)
  await expect(drift).toContainText('1 reworded')
})

test('“Try it as a student” opens a workbook on the draft as it stands', async ({ page }) => {
  await newBlankDraft(page)
  await endOfLine(page, 5) // `title: A new rulebook`
  await page.keyboard.type(' on drones')
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible()
  await page.getByRole('button', { name: 'Try it as a student' }).click()
  await expect(page).toHaveURL(/\/workbooks\/wb-/)
  await expect(page.getByRole('banner')).toContainText('A new rulebook on drones')
  await page.getByRole('link', { name: /^Begin with Q1/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
  await page.getByRole('radio', { name: 'Yes' }).check()
  await page.goto('/')
  await expect(page.getByRole('main')).toContainText('Trying A new rulebook on drones')
})

test('the studio has no WCAG 2.1 AA violations', async ({ page }) => {
  await newBlankDraft(page)
  const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  const check = async () => {
    const results = await axe().analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
  }
  await endOfLine(page, 24)
  await page.keyboard.type('x')
  await expect(page.getByText('1 error and 1 warning')).toBeVisible()
  await check()
  await page.keyboard.press('Backspace')
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible()
  for (const name of ['Preview', 'Map', 'Tests', 'Paths']) {
    await page.getByRole('tab', { name }).click()
    await check()
  }
  await page.goto('/studio')
  await check()
})

test('the studio is not on the student’s start page load', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  await page.goto('/')
  await expect(page.getByRole('article', { name: flagship })).toBeVisible()
  expect(scripts.filter((url) => /StudioView|draft\.worker/.test(url))).toEqual([])
})
