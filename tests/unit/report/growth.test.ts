/**
 * Time linear in the size of the input (issue 17): doubling a hostile field at most roughly doubles
 * the time (up to 3× allows for a busy machine; quadratic work gives 4×), for the Markdown that made the report
 * and the tab freeze, and for reading a large session.
 */
import { describe, expect, it } from 'vitest'
import type { Session } from '@/engine/generated/session'
import { parseSession } from '@/engine/session'
import { renderMarkdown } from '@/report/render-markdown'
import { renderHtml } from '@/report/render-html'
import { inertMarkdown, markdownToBlocks } from '@/report/markdown'
import { renderMarkdown as renderAppMarkdown } from '@/composables/markdown'
import { loadFixtureSession, reportOf, smallRulebookPath, smallSessionPath } from '../../fixtures/report/load'
import { growth } from '../../fixtures/hostile/growth'

const base = loadFixtureSession(smallSessionPath)

/** A session whose every reasoning field and counter-argument holds `size` characters of `unit`. */
function hostileSession(unit: string, size: number): Session {
  const session = structuredClone(base)
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  for (const answer of Object.values(session.answers)) {
    answer.reasoning = { issue: text, rule: text, application: text, conclusion: text }
    answer.counterArgument = text
  }
  return session
}

/** Linear work measures about 2 per doubling and quadratic work 4: 3 tells them apart on a busy machine. */
const bound = 3

describe('growth: doubling hostile Markdown at most doubles the time', () => {
  it('the measure itself tells quadratic work from linear, retries included', () => {
    const sumOfPairs = (n: number) => {
      let sum = 0
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1
      return sum
    }
    const quadratic = growth(sumOfPairs, 500, 2, 5)
    const linear = growth((n) => sumOfPairs(Math.sqrt(n) * 50), 500, 2, 5)
    expect(quadratic.perDoubling).toBeGreaterThan(bound)
    expect(linear.perDoubling).toBeLessThan(bound)
  }, 120_000)

  it.each([['[]('], ['['], ['`'], ['<'], ['*a'], ['[a]('], ['\\<']])('Markdown report of fields full of %s', (unit) => {
    const measured = growth((size) => renderMarkdown(reportOf(smallRulebookPath, hostileSession(unit, size))), 2_500)
    console.info(`Markdown report, fields of ${unit}: ${measured.small.toFixed(0)} ms → ${measured.large.toFixed(0)} ms for 4× (×${measured.perDoubling.toFixed(2)} per doubling)`)
    expect(measured.perDoubling).toBeLessThan(bound)
  }, 120_000)

  it.each([['[]('], ['[']])('HTML report of fields full of %s', (unit) => {
    const measured = growth((size) => renderHtml(reportOf(smallRulebookPath, hostileSession(unit, size))), 2_500)
    expect(measured.perDoubling).toBeLessThan(bound)
  }, 120_000)

  it.each([['[]('], ['['], ['- '], ['> ']])('the app, the inert Markdown and the DOCX blocks for %s', (unit) => {
    for (const render of [renderAppMarkdown, inertMarkdown, markdownToBlocks]) {
      const measured = growth((size) => render(unit.repeat(size)), 20_000, 3, 100)
      expect(measured.perDoubling, render.name).toBeLessThan(bound)
    }
  }, 120_000)

  it('reads a session whose fields are all large', () => {
    const measured = growth((size) => parseSession(JSON.stringify(hostileSession('[](', size)), 'big.json'), 40_000, 5, 100)
    expect(measured.perDoubling).toBeLessThan(bound)
  }, 120_000)
})
