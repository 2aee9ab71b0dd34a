/**
 * A standing fuzz: rulebooks and sessions mutated by fast-check (seeded, so a failure can be
 * replayed) never crash the loader, never show a stack trace or a parser library's own words,
 * always locate their problems inside the file, and finish within a bound.
 * `FUZZ_RUNS=5000 npx vitest run tests/unit/engine/fuzz.test.ts` runs more; `FUZZ_SEED` another seed.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { loadRulebook } from '@/engine/load'
import { parseSession } from '@/engine/session'
import { looksLikeSession } from '@/engine/file-kind'
import type { Problem } from '@/engine/problems'

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const seed = Number(process.env.FUZZ_SEED ?? 17)
/** No single file may take longer than this (the files are small; the cost would be the algorithm). */
const boundMs = 5_000

const validYaml = readFileSync('tests/fixtures/rulebooks/valid.yaml', 'utf8')
const bases = [
  { name: 'rulebook.yaml', text: validYaml },
  { name: 'rulebook.json', text: JSON.stringify(parse(validYaml), null, 2) },
  { name: 'session.json', text: readFileSync('tests/fixtures/sessions/harbour-strike.json', 'utf8') },
  { name: 'session.yaml', text: readFileSync('tests/fixtures/hostile/yaml-session.yaml', 'utf8') },
]

/** Pieces of YAML, JSON and Markdown syntax that hostile files are made of. */
const pieces = [
  '[', ']', '{', '}', ': ', '- ', '? ', '*a', '&a ', '!tag ', '!!binary ', '"', "'", '\r', '\r\n', '\n', '\t',
  '\u0000', '\uFEFF', '#', '|', '>', '---\n', '...\n', '['.repeat(200), '- '.repeat(200), '{"a":'.repeat(100),
  '__proto__', 'constructor', '"format": "casework-session/1"', 'format: casework-session/1\n', '\\', '\\u0000',
  '1e999', '-0', 'null', '~', '<script>alert(1)</script>', '`', '```', '[¶1](#fact-land-strike)', '%YAML 1.1\n',
  '? [a, b]\n: c\n', 'id: x\nid: y\n', 'x'.repeat(3000), '\u2028', '😀',
]

const mutation = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'replace'),
  at: fc.nat(),
  length: fc.nat({ max: 120 }),
  text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })),
})

type Mutation = { kind: 'insert' | 'delete' | 'duplicate' | 'replace'; at: number; length: number; text: string }

function mutate(text: string, mutations: Mutation[]): string {
  for (const { kind, at, length, text: piece } of mutations) {
    const i = text.length === 0 ? 0 : at % text.length
    const end = Math.min(text.length, i + length)
    if (kind === 'insert') text = text.slice(0, i) + piece + text.slice(i)
    else if (kind === 'delete') text = text.slice(0, i) + text.slice(end)
    else if (kind === 'duplicate') text = text.slice(0, end) + text.slice(i, end) + text.slice(end)
    else text = text.slice(0, i) + piece + text.slice(end)
  }
  return text
}

/** Words that belong to a parser, a runtime or a stack trace, never to Casework's messages. */
const foreign =
  /Maximum call stack|YAMLParseError|YAMLException|at line \d+, column|Map keys|Nested mappings|Implicit keys|Unexpected token|JSON at position|is not a function|Cannot read propert|undefined is not|TypeError|RangeError|node_modules|\bat \S+ \(|\[object Object\]/

function check(problems: Problem[], name: string, text: string) {
  const lines = text.split(/\r\n?|\n/).length
  for (const problem of problems) {
    const words = `${problem.message} ${problem.hint ?? ''}`
    expect(words, words).not.toMatch(foreign)
    expect(words).not.toMatch(/[\r\n]/)
    expect(problem.message.length).toBeGreaterThan(0)
    expect(problem.message.length + (problem.hint?.length ?? 0)).toBeLessThanOrEqual(800)
    expect(problem.file).toBe(name)
    const { start, end } = problem.range
    expect(start.line).toBeGreaterThanOrEqual(1)
    expect(start.column).toBeGreaterThanOrEqual(1)
    expect(start.line).toBeLessThanOrEqual(lines + 1)
    expect(end.line).toBeGreaterThanOrEqual(start.line)
  }
}

describe('engine: fuzzed rulebooks and sessions', () => {
  it(`never crash, always locate their problems in Casework's words, within ${boundMs} ms each`, () => {
    const seen = new Set<string>()
    let slowest = 0
    let problems = 0
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        const base = bases[which]!
        const text = mutate(base.text, mutations)
        seen.add(text)
        const started = performance.now()
        const result = looksLikeSession(text) ? parseSession(text, base.name) : loadRulebook(text, base.name)
        slowest = Math.max(slowest, performance.now() - started)
        problems += result.problems.length
        check(result.problems, base.name, text)
      }),
      { numRuns: runs, seed },
    )
    console.info(`fuzz: ${runs} cases (seed ${seed}), ${seen.size} distinct, ${problems} problems located, slowest ${slowest.toFixed(0)} ms`)
    expect(seen.size).toBeGreaterThan(runs * 0.8)
    expect(slowest).toBeLessThan(boundMs)
  }, 600_000)
})
