/**
 * A fake LMS for the browser tests: a host page that provides a SCORM 2004 API (scorm-again, a
 * maintained SCORM runtime) and launches an unzipped package in a frame, as Moodle, Canvas and
 * Blackboard do. The package is served under the app's CSP from the "LMS's" own origin.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, type Browser, type Page } from '@playwright/test'
import { contentSecurityPolicy } from '../../vite.config.ts'
import { validateManifest } from '../unit/lms/manifest-schema.ts'

const root = new URL('../../', import.meta.url)
export const learner = { learner_id: 'student-42', learner_name: 'Alex Moreno' }

export interface LmsState {
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

const types: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  woff2: 'font/woff2',
  svg: 'image/svg+xml',
  xml: 'application/xml',
}

export interface FakeLms {
  origin: string
  close(): Promise<void>
}

/** Serves an unzipped package (by path) at /content/ and the LMS page at /lms/host.html. */
export function serveFakeLms(files: Record<string, Uint8Array>): Promise<FakeLms> {
  const scormAgain = readFileSync(new URL('node_modules/scorm-again/dist/scorm2004.min.js', root))
  const server: Server = createServer((request, response) => {
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
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  )
}

export type LmsPage = Page & { violations: string[] }

/** Opens the LMS page in a new, empty browser profile (no IndexedDB, no localStorage of earlier launches). */
export async function launch(browser: Browser, origin: string, cmi: Record<string, string>): Promise<LmsPage> {
  const context = await browser.newContext()
  await context.addInitScript((initial) => {
    ;(window as unknown as { __initialCmi: unknown }).__initialCmi = initial
  }, cmi)
  const page = (await context.newPage()) as LmsPage
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  page.on('requestfailed', (request) => violations.push(`failed: ${request.url()}`))
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) violations.push(`outside request: ${request.url()}`)
  })
  await page.goto(`${origin}/lms/host.html`)
  page.violations = violations
  return page
}

export const lmsState = (page: Page) => page.evaluate(() => (window as unknown as { lmsState(): LmsState }).lmsState())

/** Checks a package's manifest as the unit tests check the CLI's: valid, and listing every file of the SCO. */
export async function expectValidPackage(files: Record<string, Uint8Array>): Promise<void> {
  const manifest = new TextDecoder().decode(files['imsmanifest.xml'])
  const validation = await validateManifest(manifest)
  expect(validation.errors).toEqual([])
  for (const file of ['index.html', 'rulebook.json', 'casework-package.json']) {
    expect(files[file], file).toBeDefined()
    expect(manifest).toContain(`<file href="${file}"/>`)
  }
}
