/**
 * The SCORM package in a fake LMS: a host page that provides a SCORM 2004 API (scorm-again, a
 * maintained SCORM runtime) and launches the unzipped package in a frame, as Moodle, Canvas and
 * Blackboard do. The package is served under the app's CSP from the "LMS's" own origin.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { contentSecurityPolicy } from '../../vite.config.ts'

const root = new URL('../../', import.meta.url)
const learner = { learner_id: 'student-42', learner_name: 'Alex Moreno' }

interface LmsState {
  suspend_data: string
  completion_status: string
  progress_measure: string
  exit: string
  interactions: { id: string; type: string; learner_response: string; timestamp: string }[]
  events: string[]
}

const hostPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test LMS</title><script src="/lms/scorm2004.js"></script></head>
<body>
<main>
  <h1>Test LMS</h1>
  <button id="exit" type="button">Exit the activity</button>
  <div id="slot"></div>
</main>
<script>
  const api = new Scorm2004API({ logLevel: 5 })
  api.loadFromJSON(window.__initialCmi)
  window.API_1484_11 = api
  const events = []
  for (const name of ['Initialize', 'Commit', 'Terminate']) api.on(name, () => events.push(name))
  api.on('SetValue.cmi.exit', (element, value) => { window.lmsExit = value })
  window.lmsState = () => ({
    suspend_data: api.cmi.suspend_data,
    completion_status: api.cmi.completion_status,
    progress_measure: String(api.cmi.progress_measure),
    exit: window.lmsExit,
    interactions: api.cmi.interactions.childArray.map((i) => ({ id: i.id, type: i.type, learner_response: i.learner_response, timestamp: i.timestamp })),
    events,
  })
  const frame = document.createElement('iframe')
  frame.title = 'Casework'
  frame.src = '/content/index.html'
  frame.style.cssText = 'width: 100%; height: 900px; border: 0'
  document.getElementById('slot').append(frame)
  document.getElementById('exit').addEventListener('click', () => frame.remove())
</script>
</body>
</html>`

let server: Server
let origin: string

test.beforeAll(() => {
  const zipPath = join(tmpdir(), `casework-scorm-${process.pid}.zip`)
  // The packaged app (dist-lms/) and the CLI (dist-cli/) come from `npm run build`.
  execFileSync('node', ['bin/casework.js', 'package', 'tests/fixtures/report/small-rulebook.yaml', '--scorm2004', '-o', zipPath, '--scenario', 'harbour'], {
    cwd: root,
  })
  const files = unzipSync(readFileSync(zipPath))
  const scormAgain = readFileSync(new URL('node_modules/scorm-again/dist/scorm2004.min.js', root))
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', json: 'application/json', woff2: 'font/woff2', svg: 'image/svg+xml', xml: 'application/xml' }
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    if (path === '/lms/host.html') return void response.writeHead(200, { 'content-type': 'text/html' }).end(hostPage)
    if (path === '/lms/scorm2004.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(scormAgain)
    const file = path.startsWith('/content/') ? files[path.slice('/content/'.length)] : undefined
    if (!file) return void response.writeHead(404).end()
    response.writeHead(200, {
      'content-type': types[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
    })
    response.end(file)
  })
  return new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resolve()
    }),
  )
})

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Opens the LMS page in a new, empty browser profile (no IndexedDB, no localStorage of earlier launches). */
async function launch(browser: Browser, cmi: Record<string, string>): Promise<Page> {
  const context = await browser.newContext()
  await context.addInitScript((initial) => {
    ;(window as unknown as { __initialCmi: unknown }).__initialCmi = initial
  }, cmi)
  const page = await context.newPage()
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  page.on('requestfailed', (request) => violations.push(`failed: ${request.url()}`))
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) violations.push(`outside request: ${request.url()}`)
  })
  await page.goto(`${origin}/lms/host.html`)
  ;(page as Page & { violations: string[] }).violations = violations
  return page
}

const lmsState = (page: Page) => page.evaluate(() => (window as unknown as { lmsState(): LmsState }).lmsState())

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
  expect((page as Page & { violations: string[] }).violations).toEqual([])
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
