/** Reading a file takes time linear in its size: doubling it at most roughly doubles the time. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadRulebook } from '@/engine/load'
import { scanJson, yamlTooDeepAt } from '@/engine/scan'
import { runLoad } from '@/workers/load-job'
import { limits } from '@/engine/limits'
import { growth } from '../../fixtures/hostile/growth'

/** Linear work measures about 2 per doubling and quadratic work 4: 3 tells them apart on a busy machine. */
const bound = 3
const valid = readFileSync('tests/fixtures/rulebooks/valid.yaml', 'utf8')
const question = (n: number) => `  - id: q${n}\n    section: force\n    prompt: Was force used in the way number ${n}?\n    answer:\n      kind: yes-no\n`
/** The valid rulebook with `count` more questions: over the limit, so it is refused after parsing. */
const many = memo((count: number) =>
  valid.replace(/^questions:\n/m, `questions:\n${Array.from({ length: count }, (_, n) => question(n)).join('')}`),
)
/** An object with `count` keys, each holding a list, as JSON. */
const wide = memo((count: number) => JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, [i]]))))

/** Inputs are made once per size, so only the work on them is timed. */
function memo(make: (size: number) => string): (size: number) => string {
  const made = new Map<number, string>()
  return (size) => made.get(size) ?? made.set(size, make(size)).get(size)!
}

describe('growth: reading files', () => {
  it('scans YAML for nesting in linear time', () => {
    expect(growth((n) => yamlTooDeepAt(many(n), 64), 20_000, 3, 100).perDoubling).toBeLessThan(bound)
  }, 120_000)

  it('scans JSON for nesting and repeated keys in linear time', () => {
    expect(growth((n) => scanJson(wide(n), 64), 5_000, 3, 100).perDoubling).toBeLessThan(bound)
  }, 120_000)

  it('refuses a rulebook with too many questions in time linear in its size', () => {
    const measured = growth((n) => loadRulebook(many(n), 'many.yaml'), limits.listEntries + 1_000, 2)
    console.info(`many questions: ${measured.small.toFixed(0)} ms → ${measured.large.toFixed(0)} ms for 4× (×${measured.perDoubling.toFixed(2)} per doubling)`)
    expect(measured.perDoubling).toBeLessThan(bound)
  }, 120_000)

  it('refuses a file larger than any rulebook or workbook could be without reading it', async () => {
    const huge = { size: 70 * 1024 * 1024, stream: () => { throw new Error('read') } } as unknown as Blob
    const outcome = await runLoad({ file: huge, name: 'huge.yaml', expect: 'any' }, () => {})
    expect(outcome.problems.map((p) => p.message)).toEqual([
      'the file is too large (70 MB): a rulebook may be at most 5 MB and a workbook 20 MB',
    ])
  })
})

describe('opening a rulebook file in the app', () => {
  it('reports what validate reports except the path explorer’s warnings, which are for the author', async () => {
    const text = readFileSync('tests/fixtures/rulebooks/unreachable.yaml', 'utf8')
    const file = new Blob([text])
    const outcome = await runLoad({ file, name: 'unreachable.yaml', expect: 'rulebook' }, () => {})
    const validated = loadRulebook(text, 'unreachable.yaml').problems
    expect(validated.map((p) => p.code)).toContain('unreachable')
    expect(outcome.problems).toEqual(validated.filter((p) => p.code !== 'unreachable'))
  })
})
