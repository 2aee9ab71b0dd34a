/**
 * The SCORM package in a fake LMS: a host page that provides a SCORM 2004 API (scorm-again, a
 * maintained SCORM runtime) and launches the unzipped package in a frame, as Moodle, Canvas and
 * Blackboard do. The package is served under the app's CSP from the "LMS's" own origin.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { expect, test, type Browser } from '@playwright/test'
import { launch as launchAt, learner, lmsState, serveFakeLms, type FakeLms } from './fake-lms.ts'

const root = new URL('../../', import.meta.url)
let lms: FakeLms
let origin: string

test.beforeAll(async () => {
  const zipPath = join(tmpdir(), `casework-scorm-${process.pid}.zip`)
  // The packaged app (dist-lms/) and the CLI (dist-cli/) come from `npm run build`.
  execFileSync('node', ['bin/casework.js', 'package', 'tests/fixtures/report/small-rulebook.yaml', '--scorm2004', '-o', zipPath, '--scenario', 'harbour'], {
    cwd: root,
  })
  lms = await serveFakeLms(unzipSync(readFileSync(zipPath)))
  origin = lms.origin
})

test.afterAll(() => lms.close())

const launch = (browser: Browser, cmi: Record<string, string>) => launchAt(browser, origin, cmi)

test('runs inside an LMS: the learner, answers that resume from suspend_data alone, interactions, completion, terminate', async ({ browser }) => {
  const page = await launch(browser, learner)
  const frame = page.frameLocator('iframe[title="Casework"]')
  await expect(frame.getByRole('status').filter({ hasText: 'Alex Moreno' })).toBeVisible()
  await expect(frame.getByRole('heading', { level: 1 })).toContainText('The Harbour Strike')

  // Work on Q1, and see it reach the LMS.
  await frame.getByRole('link', { name: /^Begin with Q1/ }).click()
  await frame.getByRole('radio', { name: 'No' }).check()
  await frame.getByLabel('Application').fill('A strike on a harbour crane is at most a police measure.')
  await frame.getByRole('button', { name: 'Commit conclusion' }).click()
  await expect(frame.getByRole('status').filter({ hasText: 'Saved to your course' })).toBeVisible()
  await expect.poll(async () => (await lmsState(page)).interactions).toEqual([
    { id: 'use-of-force', type: 'true-false', learner_response: 'false', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
  ])
  let state = await lmsState(page)
  expect(state.events[0]).toBe('Initialize')
  expect(state.suspend_data).toMatch(/^cw1:/)
  expect(state.exit).toBe('suspend')
  expect(state.completion_status).toBe('incomplete')

  // The last asked question (Q2 and Q3 are skipped after "No"): committing it completes the activity.
  await frame.getByRole('link', { name: /Q5\b/ }).first().click()
  await frame.getByRole('checkbox', { name: 'Drug trafficking' }).check()
  await frame.getByRole('button', { name: 'Commit conclusion' }).click()
  await expect.poll(async () => (await lmsState(page)).completion_status).toBe('completed')
  state = await lmsState(page)
  expect(Number(state.progress_measure)).toBe(1)
  expect(state.interactions.map((interaction) => interaction.id)).toEqual(['use-of-force', 'grounds'])
  expect(state.interactions[1]).toMatchObject({ type: 'choice', learner_response: 'drugs' })

  // Leaving the activity terminates the session cleanly.
  await page.getByRole('button', { name: 'Exit the activity' }).click()
  await expect.poll(async () => (await lmsState(page)).events).toContain('Terminate')
  state = await lmsState(page)
  expect(page.violations).toEqual([])
  await page.context().close()

  // Relaunch in a fresh profile: only the LMS's suspend_data carries the work.
  const again = await launch(browser, { ...learner, suspend_data: state.suspend_data, entry: 'resume' })
  const resumed = again.frameLocator('iframe[title="Casework"]')
  await resumed.getByRole('link', { name: /Q1\b/ }).first().click()
  await expect(resumed.getByRole('radio', { name: 'No' })).toBeChecked()
  await expect(resumed.getByLabel('Application')).toHaveValue('A strike on a harbour crane is at most a police measure.')
  await again.context().close()
})

test('a workbook too large for suspend_data says so, keeps working locally, offers the download, and drops nothing', async ({ browser }) => {
  const page = await launch(browser, learner)
  const frame = page.frameLocator('iframe[title="Casework"]')
  await frame.getByRole('link', { name: /^Begin with Q1/ }).click()
  await frame.getByRole('radio', { name: 'Yes' }).check()
  // The answer has reached the LMS (its interaction is there), so nothing is still on its way.
  await expect.poll(async () => (await lmsState(page)).interactions.length).toBe(1)
  await expect(frame.getByRole('status').filter({ hasText: 'Saved to your course' })).toBeVisible()
  const before = (await lmsState(page)).suspend_data
  expect(before).toMatch(/^cw1:/)

  // Incompressible text, far beyond 64,000 characters once packed.
  let seed = 11
  let noise = ''
  for (let index = 0; index < 90_000; index++) {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    noise += String.fromCharCode(33 + ((seed >>> 0) % 90))
  }
  await frame.getByLabel('Application').fill(noise)
  await expect(frame.getByRole('alert')).toContainText('larger than your course can keep')
  const download = page.waitForEvent('download')
  await frame.getByRole('button', { name: 'Download my work' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.casework\.json$/)
  // The LMS keeps the last version that fitted: never a truncated one.
  expect((await lmsState(page)).suspend_data).toBe(before)
  // And the work is still in this browser.
  await page.reload()
  await expect(page.frameLocator('iframe[title="Casework"]').getByLabel('Application')).toHaveValue(noise)
  await page.context().close()
})

test('outside an LMS, the package runs as the ordinary app on its one rulebook', async ({ page }) => {
  await page.goto(`${origin}/content/index.html`)
  await expect(page.getByRole('article', { name: /The Harbour Strike/ })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Saved to your course' })).toHaveCount(0)
})
