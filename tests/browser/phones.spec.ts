/// <reference lib="dom" />
/**
 * Every screen at phone widths (320, 390 and 430 px) and at a desktop's: no horizontal scroll, the
 * workbook's header keeping its save status, progress and Shortcuts within the width, the facts
 * panel inside the viewport, the header scrolling away with a question on a phone; and axe-core's
 * WCAG 2.1 AA rules on every screen at 390 and 1440 px.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { outlineQuestion, startFlagshipWorkbook } from './helpers'

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect.soft(summary).toEqual([])
}

/** The page is no wider than the window; if it is, names the elements that stick out. */
async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = window.innerWidth
    const over = document.documentElement.scrollWidth
    const culprits =
      over <= width
        ? []
        : Array.from(document.querySelectorAll('body *'))
            .filter((element) => {
              const box = element.getBoundingClientRect()
              if (box.width === 0 || box.right <= width + 0.5) return false
              // Only what widens the page: nothing between it and the page clips or scrolls it.
              for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
                if (getComputedStyle(parent).overflowX !== 'visible') return false
              }
              return true
            })
            .slice(-6)
            .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}${element.closest('table')?.caption ? ` in “${element.closest('table')!.caption!.textContent!.trim()}”` : ''} (${Math.round(element.getBoundingClientRect().right)})`)
    return { scrollWidth: over, innerWidth: width, culprits }
  })
  expect.soft(scrollWidth, `${where} is ${scrollWidth} px wide in a ${innerWidth} px window: ${culprits.join(', ')}`).toBeLessThanOrEqual(innerWidth)
}

/** The element is entirely inside the window, left to right. */
async function expectWithinWidth(locator: Locator, where: string) {
  const box = (await locator.boundingBox())!
  const width = await locator.page().evaluate(() => window.innerWidth)
  expect(box, where).not.toBeNull()
  expect(box.x, where).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, where).toBeLessThanOrEqual(width + 0.5)
}

/** Opens a question from the outline, opening the outline first where it is a panel. */
async function goToQuestion(page: Page, number: number) {
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Outline' })
  if (await toggle.isVisible()) await toggle.click()
  await outlineQuestion(page, number).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Q${number}.`)
}

/** A session file for the import dialog and the class: the flagship's complete fixture. */
const sessionFile = 'tests/fixtures/sessions/venezuela-dock-strike-complete.json'

/**
 * Goes through every screen at the page's width, calling `check` on each: the start page, the
 * import dialog, a question (with the facts panel open), the overview, the conclusions, the facts,
 * the glossary, the report, the instructors' page, the studio (its home and a draft), the class
 * view and a student's report in it.
 */
async function everyScreen(page: Page, check: (where: string) => Promise<void>) {
  await startFlagshipWorkbook(page, 'A workbook with a rather long name, as students give them')
  const workbook = page.url().replace(/\/questions\/.*$/, '')
  await page.getByRole('radio').first().check()
  await page.getByLabel('Issue').fill('Whether the strike is attributable.')
  await check('a question')

  // The workbook's header: what a student needs stays in view.
  const header = page.getByRole('banner')
  await expect(header.getByText(/All work saved|Saving/)).toBeVisible()
  await expect(header.getByText(/answered/)).toBeVisible()
  await expectWithinWidth(header.getByRole('button', { name: 'Shortcuts' }), 'the Shortcuts button')
  await expectWithinWidth(header.getByRole('link', { name: 'Report' }), 'the Report link')

  const factsToggle = header.getByRole('button', { name: 'Facts' })
  if (await factsToggle.isVisible()) {
    await factsToggle.click()
    const facts = page.getByRole('complementary', { name: 'Facts' })
    await expect(facts).toBeVisible()
    await expectWithinWidth(facts, 'the facts panel')
    await check('a question with the facts panel open')
    await facts.getByRole('button', { name: 'Close facts' }).click()
  }

  await goToQuestion(page, 7)
  await page.getByRole('radio', { name: /^On vessels beyond any State's territorial sea/ }).check()
  await goToQuestion(page, 8)
  await expect(page.getByRole('note')).toContainText('This question is skipped')
  await check('a skipped question')

  await page.goto(workbook)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check('the workbook overview')
  await page.goto(`${workbook}/conclusions`)
  await expect(page.getByRole('heading', { name: 'Conclusions', level: 1 })).toBeVisible()
  await check('the conclusions')
  await page.goto(`${workbook}/facts`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check('the facts')
  await page.goto(`${workbook}/glossary`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check('the glossary')
  await page.goto(`${workbook}/report`)
  await expect(page.getByRole('region', { name: 'Before you hand in' })).toBeVisible()
  await expect(page.getByRole('table').first()).toBeVisible()
  await check('the report')

  await page.goto('/')
  await expect(page.getByRole('row', { name: /A workbook with a rather long name/ })).toBeVisible()
  await check('the start page')
  await page.getByLabel('Choose a file…').setInputFiles(sessionFile)
  const importing = page.getByRole('dialog', { name: 'Import a workbook' })
  await expect(importing.getByRole('button', { name: 'Import' })).toBeVisible()
  await expectWithinWidth(importing, 'the import dialog')
  await check('the import dialog')
  await importing.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('article', { name: /Force, consent and covert authority/ }).getByRole('link', { name: 'For instructors' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check('the instructors’ page')

  await page.goto('/studio')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check('the studio')
  await page.getByRole('button', { name: 'New blank rulebook' }).click()
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible()
  await check('a draft in the studio')

  await page.addInitScript(() => {
    delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker
  })
  await page.goto('/class')
  await expect(page.getByRole('heading', { name: 'Class view', level: 1 })).toBeVisible()
  await check('the class view')
  await page.getByLabel('Open a rulebook file…').setInputFiles('tests/fixtures/report/small-rulebook.yaml')
  await page.getByLabel('Choose a folder…').setInputFiles('tests/fixtures/class/seminar')
  await expect(page.getByText('5 students read; 4 files left out.')).toBeVisible()
  await check('the class view with a class')
  await page.getByRole('link', { name: 'Ada Lovelace', exact: true }).click()
  await expect(page.getByText('Read-only: seminar/ada.casework.json')).toBeVisible()
  await check('a student’s report in the class view')
}

test('on a phone the header scrolls away with the question, and each new question starts at the top', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await startFlagshipWorkbook(page)
  const header = page.getByRole('banner')
  await expect(header).toBeInViewport()
  await page.getByLabel('Conclusion', { exact: true }).scrollIntoViewIfNeeded()
  await expect(header).not.toBeInViewport()
  const heading = page.getByRole('heading', { level: 1 })
  await page.locator('.pager__link--next').click()
  await expect(heading).toContainText('Q2.')
  await expect(header).toBeInViewport()
  await expect(heading).toBeInViewport()
  // A desktop keeps its header in place: only the main pane scrolls.
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByLabel('Conclusion', { exact: true }).scrollIntoViewIfNeeded()
  await expect(header).toBeInViewport()
})

test('on a phone, once the header has scrolled away, a slim bar at the top opens the outline and the facts', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await startFlagshipWorkbook(page)
  const bar = page.getByRole('group', { name: /while the header is scrolled away/ })
  await expect(bar).toBeHidden()
  await page.getByLabel('Conclusion', { exact: true }).scrollIntoViewIfNeeded()
  await expect(page.getByRole('banner')).not.toBeInViewport()
  await expect(bar).toBeVisible()
  await expect(bar).toContainText('0/46 answered')
  const box = (await bar.boundingBox())!
  expect(box.y).toBe(0)
  expect(box.height).toBeLessThan(60)
  await expectNoViolations(page, 'the workbook scrolled, with the slim bar')
  await expectNoHorizontalScroll(page, 'the workbook scrolled, with the slim bar')

  await bar.getByRole('button', { name: 'Outline' }).click()
  const outline = page.getByRole('navigation', { name: 'Outline' })
  await expect(outline).toBeInViewport()
  await expect(outline).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(outline).not.toBeInViewport()
  await bar.getByRole('button', { name: 'Facts' }).click()
  await expect(page.getByRole('complementary', { name: 'Facts' })).toBeInViewport()
  await page.getByRole('button', { name: 'Close facts' }).click()

  // Back at the top, the header's own buttons are there again, and the bar goes.
  await page.evaluate(() => window.scrollTo(0, 0))
  await expect(bar).toBeHidden()
  // A desktop never shows it: its header stays in place.
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByLabel('Conclusion', { exact: true }).scrollIntoViewIfNeeded()
  await expect(bar).toBeHidden()
})

for (const width of [320, 390, 430]) {
  test(`no screen scrolls sideways at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.setViewportSize({ width, height: 800 })
    await everyScreen(page, (where) => expectNoHorizontalScroll(page, `${where} at ${width} px`))
  })
}

for (const width of [390, 1440]) {
  test(`every screen has no WCAG 2.1 AA violations at ${width} px`, async ({ page }) => {
    test.setTimeout(180_000)
    await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 })
    await everyScreen(page, (where) => expectNoViolations(page, `${where} at ${width} px`))
  })
}
