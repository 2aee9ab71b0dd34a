/// <reference lib="dom" />
/**
 * Hostile files in the app: read in a Web Worker under the CSP (the page stays responsive, shows
 * progress and can cancel), refused early when too large, workbooks recognised by content, and
 * the public XSS corpus planted in a rulebook's prose and a workbook's free text staying inert:
 * 0 script executions, 0 dangerous elements or attributes, 0 CSP violations.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { parse, stringify } from 'yaml'
import { contentHash } from '../../src/engine/hash.ts'
import type { Rulebook } from '../../src/engine/generated/rulebook.ts'
import type { Session } from '../../src/engine/generated/session.ts'
import { payloads, plant } from '../fixtures/xss/corpus.ts'

/** Counts what must never happen: scripts run (alert and friends), and CSP violations. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __executions: number; __violations: string[] }
    w.__executions = 0
    w.__violations = []
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, { value: () => void w.__executions++, configurable: true })
    }
    document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
}

/** Executions, violations, and dangerous elements and attributes in the page as it is now. */
async function verdict(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __executions: number; __violations: string[] }
    const dangerous: string[] = []
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const tag = element.tagName.toLowerCase()
      // Elements the app never renders in its body; planted ones that it does use (details, svg,
      // form) cannot act without a handler or a script URL, which are checked below.
      if (['script', 'iframe', 'frame', 'object', 'embed', 'img', 'base', 'meta', 'link', 'style', 'marquee', 'video', 'audio', 'isindex', 'bgsound', 'layer', 'xml'].includes(tag)) {
        dangerous.push(`<${tag}>`)
      }
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith('on')) dangerous.push(`<${tag} ${attribute.name}>`)
        if (/^\s*(javascript|vbscript|data):/i.test(attribute.value)) dangerous.push(`<${tag} ${attribute.name}>`)
      }
    }
    return { executions: w.__executions, violations: w.__violations, dangerous }
  })
}

const flagshipRulebook = parse(readFileSync('rules/venezuela-dock-strike.yaml', 'utf8')) as Rulebook

/** The flagship's complete session, made against the rulebook as it is now. */
function flagshipSession(): Session {
  const session = JSON.parse(readFileSync('tests/fixtures/sessions/venezuela-dock-strike-complete.json', 'utf8')) as Session
  session.rulebook = { ...session.rulebook, version: flagshipRulebook.version, contentHash: contentHash(flagshipRulebook) }
  return session
}

/** Keys sorted at every level, as `jq -S` writes them. */
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]))
      : value

test('reads a large rulebook in a worker, with progress and a Cancel, the page staying responsive', async ({ page }) => {
  await watch(page)
  await page.goto('/')
  const question = '  - id: q{n}\n    section: force\n    prompt: Was force used in the {n}th way?\n    answer:\n      kind: yes-no\n'
  const many = readFileSync('tests/fixtures/rulebooks/valid.yaml', 'utf8').replace(
    /^questions:\n/m,
    `questions:\n${Array.from({ length: 35_000 }, (_, n) => question.replaceAll('{n}', String(n))).join('')}`,
  )
  const file = { name: 'many.yaml', mimeType: 'application/yaml', buffer: Buffer.from(many) }

  await page.getByLabel('Choose a file…').setInputFiles(file)
  const progress = page.getByRole('progressbar', { name: /“many\.yaml”/ })
  await expect(progress).toBeVisible()
  // The page answers at once while the worker reads.
  const started = Date.now()
  await page.evaluate(() => document.title)
  expect(Date.now() - started).toBeLessThan(1000)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toBeHidden()
  await expect(page.getByRole('region', { name: /many\.yaml has/ })).toHaveCount(0)

  await page.getByLabel('Choose a file…').setInputFiles(file)
  const problems = page.getByRole('region', { name: /many\.yaml has 1 error/ })
  await expect(problems).toContainText('many.yaml:31:1questions lists 35,004 entries; a rulebook may have at most 10,000', { timeout: 30_000 })
  expect(await verdict(page)).toEqual({ executions: 0, violations: [], dangerous: [] })
})

test('refuses an 8 MB rulebook with a located problem', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(8 * 1024 * 1024, 32) })
  await expect(page.getByRole('region', { name: /huge\.json has 1 error/ })).toContainText(
    'huge.json:1:1the file is too large to be a rulebook (8 MB; at most 5 MB)',
  )
})

for (const [kind, text] of [
  ['with its keys sorted', () => JSON.stringify(sorted(flagshipSession()), null, 2)],
  ['written as YAML', () => stringify(flagshipSession())],
] as const) {
  test(`recognises a workbook ${kind} by its content`, async ({ page }) => {
    await page.goto('/')
    await page.getByLabel('Choose a file…').setInputFiles({ name: 'work.casework', mimeType: 'text/plain', buffer: Buffer.from(text()) })
    await expect(page.getByRole('dialog', { name: 'Import a workbook' }).getByRole('button', { name: 'Import' })).toBeVisible()
  })
}

test('keeps the XSS corpus inert in a workbook’s free text and a rulebook’s prose', async ({ page }) => {
  await watch(page)
  // Every free-text field of the workbook gets a payload, round the corpus.
  const base = flagshipSession()
  const { planted } = plant({ answers: base.answers, student: base.student }, (n, key) =>
    payloads[n % payloads.length]!.slice(0, key === 'name' ? 150 : undefined),
  )
  const session = { ...base, ...(planted as Pick<Session, 'answers' | 'student'>), title: 'Planted workbook' }
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles({ name: 'planted.casework.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) })
  const dialog = page.getByRole('dialog', { name: 'Import a workbook' })
  await dialog.getByRole('button', { name: 'Import' }).click()
  await page.waitForURL(/\/workbooks\/[^/]+/)
  const workbook = new URL(page.url()).pathname.replace(/^(\/workbooks\/[^/]+).*$/, '$1')
  for (const view of ['', '/questions/attribution-conduct', '/conclusions', '/facts', '/report']) {
    await page.goto(`${workbook}${view}`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.waitForLoadState('networkidle')
    expect(await verdict(page), view).toEqual({ executions: 0, violations: [], dangerous: [] })
  }

  // A rulebook whose every prose field carries a payload, opened from a file and started.
  const small = parse(readFileSync('tests/fixtures/report/small-rulebook.yaml', 'utf8')) as Rulebook
  const { planted: rulebook } = plant(small, (n) => payloads[(n * 7) % payloads.length]!)
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles({ name: 'planted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rulebook)) })
  const card = page.getByRole('article').filter({ hasText: 'From planted.json' })
  await card.getByRole('button', { name: 'Start a workbook' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Start workbook' }).click()
  await page.getByRole('link', { name: /^Begin with Q1/ }).click()
  expect(await verdict(page), 'question').toEqual({ executions: 0, violations: [], dangerous: [] })
  await page.goto(new URL(page.url()).pathname.replace(/^(\/workbooks\/[^/]+).*$/, '$1/facts'))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await verdict(page), 'facts').toEqual({ executions: 0, violations: [], dangerous: [] })
})
