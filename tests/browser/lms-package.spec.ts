/**
 * Packaging a rulebook for an LMS from the browser, as `casework package` does from the command
 * line: from a rulebook's card on the start page and from the studio. The downloaded .zip is
 * unzipped here, its manifest checked against the SCORM schemas, and the packaged app launched in
 * the fake LMS (scorm-again) on the scenario the instructor chose, or with the student's choice.
 */
import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Download, type Page } from '@playwright/test'
import { expectValidPackage, launch, learner, serveFakeLms } from './fake-lms.ts'
import { flagship } from './helpers'

async function unzipDownload(download: Download) {
  const path = await download.path()
  return unzipSync(readFileSync(path))
}

/** The files the packaging fetched: none of them before the instructor asks. */
function watchLmsRequests(page: Page): string[] {
  const requests: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/lms/')) requests.push(request.url())
  })
  return requests
}

test('packages a shipped rulebook from its card, opening on the chosen scenario inside an LMS', async ({ page, browser }) => {
  const lmsRequests = watchLmsRequests(page)
  await page.goto('/')
  const card = page.getByRole('article', { name: flagship })
  await expect(card.getByRole('button', { name: /^Start a workbook/ })).toBeVisible()
  expect(lmsRequests).toEqual([])

  await card.getByRole('button', { name: /^Package for an LMS/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Package for an LMS (SCORM 2004)' })
  await expect(dialog.getByRole('radio', { name: /^The dock strike on Venezuelan territory/ })).toBeChecked()
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([])
  await dialog.getByRole('radio', { name: /^The maritime strikes on suspected drug boats/ }).check()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download package (.zip)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^venezuela-dock-strike-[\d.]+-scorm2004\.zip$/)
  await expect(dialog.getByRole('status')).toContainText('opening on “The maritime strikes on suspected drug boats')
  expect(lmsRequests.some((url) => url.endsWith('/lms/files.json'))).toBe(true)

  const files = await unzipDownload(download)
  await expectValidPackage(files)
  expect(JSON.parse(strFromU8(files['casework-package.json']!))).toMatchObject({
    scenario: 'maritime-strikes',
    rulebook: { file: 'venezuela-dock-strike.yaml', meta: { id: 'venezuela-dock-strike' } },
  })

  const lms = await serveFakeLms(files)
  try {
    const host = await launch(browser, lms.origin, learner)
    const frame = host.frameLocator('iframe[title="Casework"]')
    await expect(frame.getByRole('status').filter({ hasText: 'Alex Moreno' })).toBeVisible()
    await expect(frame.getByRole('heading', { level: 2, name: /^The maritime strikes on suspected drug boats/ })).toBeVisible()
    await frame.getByRole('link', { name: /^Begin with Q1/ }).click()
    await expect(frame.getByRole('heading', { level: 1 })).toContainText('Q1.')
    expect(host.violations).toEqual([])
    await host.context().close()
  } finally {
    await lms.close()
  }
})

test('the studio packages a draft without errors, letting the student choose the scenario, and says why a draft with errors cannot be', async ({ page, browser }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Write a rulebook' }).click()
  await page.getByRole('button', { name: 'New blank rulebook' }).click()
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible()

  // A mistake: the draft cannot be packaged, and the dialog says why.
  const editor = page.getByRole('textbox', { name: 'Rulebook (YAML)' })
  await editor.click()
  await page.keyboard.press('Control+Alt+g')
  await page.keyboard.type('24:999')
  await page.keyboard.press('Enter')
  await page.keyboard.type('x')
  await expect(page.getByText('1 error and 1 warning')).toBeVisible()
  await page.getByRole('button', { name: 'Package for an LMS' }).click()
  let dialog = page.getByRole('dialog', { name: 'Package for an LMS (SCORM 2004)' })
  await expect(dialog.getByRole('alert')).toContainText('This draft has 1 error: only a rulebook without errors can be packaged')
  await expect(dialog.getByRole('button', { name: /^Download package/ })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Fixed, it packages.
  await editor.click()
  await page.keyboard.press('Control+Alt+g')
  await page.keyboard.type('24:999')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Backspace')
  await expect(page.getByText('0 errors and 0 warnings')).toBeVisible()
  await page.getByRole('button', { name: 'Package for an LMS' }).click()
  dialog = page.getByRole('dialog', { name: 'Package for an LMS (SCORM 2004)' })
  await dialog.getByRole('radio', { name: 'The student’s choice of scenario' }).check()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download package (.zip)' }).click()
  const files = await unzipDownload(await downloading)
  await expectValidPackage(files)
  const config = JSON.parse(strFromU8(files['casework-package.json']!)) as { scenario?: string; rulebook: { file: string } }
  expect(config.scenario).toBeUndefined()
  expect(config.rulebook.file).toBe('a-new-rulebook.yaml')
  const rulebook = JSON.parse(strFromU8(files['rulebook.json']!)) as { title: string; scenarios: { id: string }[] }
  expect(rulebook.title).toBe('A new rulebook')

  const lms = await serveFakeLms(files)
  try {
    const host = await launch(browser, lms.origin, learner)
    const frame = host.frameLocator('iframe[title="Casework"]')
    await expect(frame.getByRole('status').filter({ hasText: 'Alex Moreno' })).toBeVisible()
    // The student's choice, of the draft's one scenario: the workbook opens on it, with no packaging inside the package.
    expect(rulebook.scenarios).toHaveLength(1)
    await expect(frame.getByRole('heading', { level: 1, name: 'A new rulebook' })).toBeVisible()
    await expect(frame.getByRole('button', { name: /^Package for an LMS/ })).toHaveCount(0)
    await frame.getByRole('link', { name: /^Begin with Q1/ }).click()
    await expect(frame.getByRole('heading', { level: 1 })).toContainText('Q1.')
    expect(host.violations).toEqual([])
    await host.context().close()
  } finally {
    await lms.close()
  }
})
