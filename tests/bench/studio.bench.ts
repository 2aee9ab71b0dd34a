/**
 * `npm run bench:studio`: the studio's budgets, measured in Chromium on the flagship (4,600 lines)
 * in the built app (`npx vite build` first; served by `vite preview` on PW_PORT or 4173):
 * - diagnostics: from the last keystroke of a burst to the problem count updating (≤ 300 ms);
 * - keystroke to paint: from each keydown to the frame after it (p95 ≤ 16 ms), while checks run.
 * Two floors are timed in the same browser with the same typing: a bare textarea (what any page
 * pays, waiting for a frame), and the studio's CodeMirror setup alone on the same draft, without the
 * studio around it (tests/bench/studio-floor-entry.ts): what the editor itself costs.
 * Prints medians and p95; never asserts times.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import { parse, stringify } from 'yaml'
import { build } from 'vite'

// The draft the studio makes from the flagship ("Edit a new version": the rulebook written back as
// YAML by src/studio/from-rulebook.ts, after one modeline), to find a line to edit in it.
const flagship: unknown = parse(readFileSync(new URL('../../rules/venezuela-dock-strike.yaml', import.meta.url), 'utf8'))
// Written as src/studio/from-rulebook.ts writes it.
const draftLines = ['# modeline', ...stringify(flagship, { lineWidth: 0, blockQuote: 'literal' }).split('\n')]
const sectionLine = draftLines.findIndex((line, i) => i > draftLines.indexOf('questions:') && /^\s+section: /.test(line)) + 1

/** The bare editor's script: tests/bench/studio-floor-entry.ts bundled into one classic script. */
async function floorEditorScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: true,
      lib: { entry: fileURLToPath(new URL('./studio-floor-entry.ts', import.meta.url)), formats: ['iife'], name: 'studioFloor' },
    },
  })
  const [result] = Array.isArray(output) ? output : [output]
  if (!result || !('output' in result)) throw new Error('could not bundle the bare editor')
  return result.output.find((chunk) => chunk.type === 'chunk')!.code
}

const port = Number(process.env.PW_PORT ?? 4173)
const base = `http://localhost:${port}`

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function serverUp(): Promise<boolean> {
  try {
    return (await fetch(base)).ok
  } catch {
    return false
  }
}

const server = (await serverUp())
  ? undefined
  : // In a process group of its own: npx starts vite as its child, and stopping the group stops both.
    spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
for (let i = 0; i < 100 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 200))

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
/** Keydown → the frame after it, on `page`, as the studio's keystrokes are timed below. */
async function timeKeystrokes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { paints: number[]; lastKey: number }
    w.paints = []
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now()
        w.lastKey = start
        requestAnimationFrame(() => setTimeout(() => w.paints.push(performance.now() - start), 0))
      },
      true,
    )
  })
}
const paintsOf = (page: Page) => page.evaluate(() => (window as unknown as { paints: number[] }).paints)

/**
 * The floor: a bare textarea on an empty page, typed into as the studio is, in the same browser.
 * A frame comes every 16.7 ms, so a keystroke waits up to that long for it whatever the page does.
 */
async function floor(): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.setContent('<label>Text <textarea id="bare" rows="20" cols="80"></textarea></label>')
  await timeKeystrokes(page)
  await page.locator('#bare').click()
  await typeAsTheStudioIsTyped(page)
  const paints = await paintsOf(page)
  await page.close()
  return paints
}

/** What tests/bench/studio-floor-entry.ts adds to the page. */
type FloorWindow = { mountFloorEditor(host: HTMLElement, doc: string, line: number): void }

/** The studio's editor setup alone, on the same draft, at the same line, in a pane as wide. */
async function editorFloor(script: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.setContent('<main style="display:flex;height:100vh;margin:0"><div id="host" style="width:50%;height:100%"></div></main>')
  await page.addScriptTag({ content: script })
  await page.evaluate(({ doc, line }) => (window as unknown as FloorWindow).mountFloorEditor(document.getElementById('host')!, doc, line), {
    doc: draftLines.join('\n'),
    line: sectionLine,
  })
  await page.waitForTimeout(1500)
  await timeKeystrokes(page)
  await typeAsTheStudioIsTyped(page)
  const paints = await paintsOf(page)
  await page.close()
  return paints
}

/** The typing both floors get: the studio's bursts below, without its pauses for checks. */
async function typeAsTheStudioIsTyped(page: Page): Promise<void> {
  for (let burst = 0; burst < 20; burst++) {
    await page.keyboard.type(' wording', { delay: 35 })
    for (let i = 0; i < 8; i++) await page.keyboard.press('Backspace', { delay: 35 })
    await page.keyboard.type(' abc', { delay: 30 })
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace', { delay: 30 })
  }
}

try {
  const bare = await floor()
  const bareEditor = await editorFloor(await floorEditorScript())
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(`${base}/studio`)
  await page.getByRole('button', { name: /Edit a new version\s*: Force, consent/ }).click()
  await page.getByText(/^0 errors and \d+ warnings?$/).waitFor({ timeout: 60_000 })
  await page.getByRole('tab', { name: 'Preview' }).click()

  // Instruments the page: keydown → next frame, and keydown → the problem count changing.
  await timeKeystrokes(page)
  await page.evaluate(() => {
    const w = window as unknown as { lastKey: number; checks: number[] }
    w.checks = []
    const status = Array.from(document.querySelectorAll('[role=status]')).find((e) => /errors? and/.test(e.textContent ?? ''))!
    new MutationObserver(() => w.checks.push(performance.now() - w.lastKey)).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    })
  })

  const editor = page.getByRole('textbox', { name: 'Rulebook (YAML)' })
  await editor.click()
  await page.keyboard.press('Control+Alt+g')
  await page.keyboard.type(`${sectionLine}:999`)
  await page.keyboard.press('Enter')
  const diagnostics: number[] = []
  for (let burst = 0; burst < 20; burst++) {
    // A burst of typing, then a last keystroke that breaks (or mends) the question's section id,
    // so the problem count changes once the check after the pause arrives.
    await page.keyboard.type(' wording', { delay: 35 })
    for (let i = 0; i < 8; i++) await page.keyboard.press('Backspace', { delay: 35 })
    await page.waitForTimeout(50)
    await page.evaluate(() => ((window as unknown as { checks: number[] }).checks.length = 0))
    if (burst % 2 === 0) await page.keyboard.type('q')
    else await page.keyboard.press('Backspace')
    const started = Date.now()
    while (Date.now() - started < 3000) {
      const checks = await page.evaluate(() => (window as unknown as { checks: number[] }).checks)
      if (checks.length) {
        diagnostics.push(checks[checks.length - 1]!)
        break
      }
      await page.waitForTimeout(20)
    }
    // Typing on while the worker checks and the page takes in its answer.
    await page.keyboard.type(' abc', { delay: 30 })
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace', { delay: 30 })
    await page.waitForTimeout(400)
  }
  const paints = await paintsOf(page)
  const fmt = (n: number) => `${n.toFixed(1)} ms`
  console.log(`studio on the flagship (Chromium, ${paints.length} keystrokes, ${diagnostics.length} checks)`)
  console.log(`  diagnostics after the last keystroke: median ${fmt(percentile(diagnostics, 50))}, p95 ${fmt(percentile(diagnostics, 95))}  (target ≤ 300 ms)`)
  console.log(`  keystroke to paint:                   median ${fmt(percentile(paints, 50))}, p95 ${fmt(percentile(paints, 95))}  (target p95 ≤ 16 ms)`)
  console.log(`  floor, a bare textarea:               median ${fmt(percentile(bare, 50))}, p95 ${fmt(percentile(bare, 95))}  (the same typing, ${bare.length} keystrokes)`)
  console.log(`  floor, the same editor alone:         median ${fmt(percentile(bareEditor, 50))}, p95 ${fmt(percentile(bareEditor, 95))}  (CodeMirror, this setup and draft, ${bareEditor.length} keystrokes)`)
} finally {
  await browser.close()
  if (server?.pid) process.kill(-server.pid)
}
