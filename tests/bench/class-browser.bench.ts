/// <reference lib="dom" />
/**
 * `npm run bench:class-browser` (build first): the class view in Chromium with 300 and 2,000
 * generated sessions on the flagship, chosen as a folder. Prints, as medians of three loads, the
 * time from the files chosen to the figures painted, the worker's share, and the longest task on
 * the main thread while loading (PerformanceObserver, `longtask`). Never asserts times.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { parse } from 'yaml'
import type { Rulebook } from '../../src/engine/generated/rulebook.ts'
import { contentHash } from '../../src/engine/hash.ts'
import { generateClass } from './class-generate.ts'

const rulebook = parse(readFileSync('rules/venezuela-dock-strike.yaml', 'utf8')) as Rulebook
const hash = contentHash(rulebook)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

for (const size of [300, 2000]) {
  test(`class view with ${size} sessions`, async ({ page }) => {
    const folder = mkdtempSync(join(tmpdir(), `casework-class-${size}-`))
    for (const { name, text } of generateClass(rulebook, hash, size)) writeFileSync(join(folder, name), text)
    await page.addInitScript(() => {
      delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker
      const tasks: number[] = []
      ;(window as unknown as { longTasks: number[] }).longTasks = tasks
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration)
      }).observe({ type: 'longtask', buffered: false })
    })
    const shown: number[] = []
    const worker: number[] = []
    const longest: number[] = []
    for (let run = 0; run < runs; run++) {
      await page.goto('/class')
      await page.getByLabel('Rulebook that ships with Casework').selectOption({ label: `${rulebook.title} (version ${rulebook.version})` })
      await expect(page.getByText(/Reading the class against/)).toBeVisible()
      await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0))
      await page.getByLabel('Choose a folder…').setInputFiles(folder)
      const done = page.locator('[data-shown-ms]')
      await expect(done).toBeVisible({ timeout: 5 * 60_000 })
      await expect(page.getByText(`${size} students read.`)).toBeVisible()
      shown.push(Number(await done.getAttribute('data-shown-ms')))
      worker.push(Number(await done.getAttribute('data-worker-ms')))
      longest.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)))
    }
    console.log(
      `class view, ${size} sessions: shown after ${median(shown)} ms (worker ${median(worker)} ms), longest main-thread task ${median(longest)} ms; runs: ${shown.join(', ')} ms; longest tasks: ${longest.join(', ')} ms`,
    )
  })
}
