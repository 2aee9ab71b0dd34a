import { describe, expect, it } from 'vitest'
import { provablyApart } from '../../../../src/engine/explore/apart.ts'
import { clashPairs, explore } from '../../../../src/engine/explore/explore.ts'
import { createSums } from '../../../../src/engine/explore/sums.ts'
import { intersection } from '../../../../src/engine/explore/terms.ts'
import { feasible } from '../../../../src/engine/explore/answer-sets.ts'
import { evaluate } from '../../../../src/engine/evaluate.ts'
import { loadRulebook } from '../../../../src/engine/load.ts'
import { compileRulebook, type CompiledRulebook } from '../../../../src/engine/compile.ts'
import { answersOf, compileFile, readRepoFile } from '../../helpers.ts'

const fixture = readRepoFile('tests/fixtures/rulebooks/explore.yaml')
const header = fixture.slice(0, fixture.indexOf('questions:'))

/** A rulebook from the fixture's scenarios and sections, with these questions and conclusions. */
function book(questions: string[], conclusions: string[]): CompiledRulebook {
  const text = `${header}questions:\n${questions.join('\n')}\nconclusions:\n${conclusions.join('\n')}\nauthorities: []\n`
  const { rulebook, problems } = loadRulebook(text, 'x.yaml', undefined, { explore: false })
  if (!rulebook) throw new Error(problems.map((p) => p.message).join('; '))
  return compileRulebook(rulebook)
}

const question = (id: string, kind: 'yes-no' | string[], when?: string) =>
  [
    `  - id: ${id}`,
    '    section: main',
    `    title: ${id}`,
    `    prompt: ${id}?`,
    kind === 'yes-no'
      ? '    answer: { kind: yes-no }'
      : `    answer: { kind: single-choice, options: [${kind.map((o) => `{ id: ${o}, label: ${o} }`).join(', ')}] }`,
    ...(when ? [`    when: ${when}`] : []),
    '    rule: A rule.',
  ].join('\n')

const conclusion = (id: string, when: string) =>
  [`  - id: ${id}`, '    kind: finding', `    statement: ${id}.`, `    when: ${when}`].join('\n')

const apart = (compiled: CompiledRulebook, a: string, b: string) =>
  provablyApart(createSums(compiled), compiled.conclusionIndex.get(a)!, compiled.conclusionIndex.get(b)!)

describe('engine/explore/apart', () => {
  const small = book(
    [question('force', 'yes-no'), question('place', ['land', 'sea', 'air'], 'force'), question('consent', 'yes-no', 'place is land')],
    [
      conclusion('used', 'force'),
      conclusion('at-sea', 'place is sea'),
      conclusion('on-land', 'place is land'),
      conclusion('not-used', 'not used'),
      conclusion('wrong', 'used and (at-sea or not consent)'),
      conclusion('fine', 'used and not wrong'),
      conclusion('landed-fine', 'fine and on-land'),
      conclusion('open', 'consent is unanswered'),
      conclusion('consent-asked', 'consent is answered'),
    ],
  )

  it.each([
    ['used', 'not-used', 'a conclusion and its negation'],
    ['at-sea', 'on-land', 'two answers to one question'],
    ['wrong', 'fine', 'a conclusion and one built on its failing'],
    ['at-sea', 'fine', 'a failing `or` rules out each of its sides, given the other parts'],
    ['landed-fine', 'wrong', 'through a chain of conclusions'],
    ['at-sea', 'consent-asked', 'an answered question must be asked: its condition holds'],
  ])('proves %s and %s apart (%s)', (a, b) => {
    expect(apart(small, a, b)).toBe(true)
  })

  it.each([
    ['used', 'wrong'],
    ['on-land', 'open'],
    ['at-sea', 'open'],
    ['fine', 'on-land'],
  ])('claims nothing of %s and %s, which can hold together', (a, b) => {
    expect(apart(small, a, b)).toBe(false)
  })

  it('leaves the planted contradiction to the search, which finds it', () => {
    const compiled = compileFile('tests/fixtures/rulebooks/explore.yaml')
    expect(apart(compiled, 'excused', 'unlawful-force')).toBe(false)
    expect(explore(compiled).clashes.map((c) => c.reason)).toEqual(['contradicts'])
  })

  it('proves most of the flagship’s pairs apart, and never one that holds together', () => {
    const compiled = compileFile('rules/venezuela-dock-strike.yaml')
    const sums = createSums(compiled)
    const pairs = clashPairs(compiled)
    const proved = pairs.filter(([a, b]) => provablyApart(sums, a, b))
    expect(proved.length).toBeGreaterThanOrEqual(pairs.length - 4)
    // The search the proof spares finds nothing either.
    for (const [a, b] of proved) {
      const both = intersection([sums.conclusion(a).yes, sums.conclusion(b).yes], sums.budget)
      expect(sums.expand(both, { first: true, accept: (cube) => feasible(sums.layout, cube) }).cubes).toEqual([])
    }
  })

  it('is sound: no walk the evaluator can take makes a pair it proved apart hold together (random rulebooks)', () => {
    let proofs = 0
    for (let seed = 1; seed <= 60; seed++) {
      const compiled = randomBook(seed)
      const sums = createSums(compiled)
      const count = compiled.conclusions.length
      const together = togetherByEvaluation(compiled)
      for (let a = 0; a < count; a++) {
        for (let b = a + 1; b < count; b++) {
          if (!provablyApart(sums, a, b)) continue
          proofs++
          expect(together.has(`${a} ${b}`), `seed ${seed}: ${compiled.conclusions[a]!.conclusion.when} / ${compiled.conclusions[b]!.conclusion.when}`).toBe(false)
        }
      }
    }
    // The generator makes enough provable pairs for the check to mean something.
    expect(proofs).toBeGreaterThan(100)
  })
})

/** Pairs of conclusions that hold together on some walk: every answer (or none) to every question, evaluated. */
function togetherByEvaluation(compiled: CompiledRulebook): Set<string> {
  const choices = compiled.questions.map(({ options }) => [undefined, ...options])
  const found = new Set<string>()
  const scenarios = compiled.rulebook.scenarios.map((s) => s.id)
  const picked: (string | undefined)[] = []
  const walk = (q: number) => {
    if (q === choices.length) {
      const values: Record<string, unknown> = {}
      picked.forEach((value, i) => {
        if (value !== undefined) values[compiled.questions[i]!.question.id] = value
      })
      for (const scenario of scenarios) {
        const holding = evaluate(compiled, { scenario, answers: answersOf(values) })
          .conclusions.flatMap((c, index) => (c.status === 'holds' ? [index] : []))
        for (const a of holding) for (const b of holding) if (a < b) found.add(`${a} ${b}`)
      }
      return
    }
    for (const value of choices[q]!) {
      picked[q] = value
      walk(q + 1)
    }
  }
  walk(0)
  return found
}

/** A small rulebook of random conditions, the same for the same seed. */
function randomBook(seed: number): CompiledRulebook {
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const questions: { id: string; options: string[] }[] = []
  const questionTexts: string[] = []
  for (let q = 0; q < 4; q++) {
    const id = `q${q}`
    const options = random() < 0.5 ? ['yes', 'no'] : ['a', 'b', 'c']
    const when = q > 0 && random() < 0.5 ? test(pick(questions)) : undefined
    questions.push({ id, options })
    questionTexts.push(question(id, options[0] === 'yes' ? 'yes-no' : options, when))
  }
  function test(q: { id: string; options: string[] }): string {
    const r = random()
    if (r < 0.15) return `${q.id} is ${random() < 0.5 ? 'answered' : 'unanswered'}`
    if (q.options[0] === 'yes' && r < 0.5) return q.id
    return `${q.id} is ${random() < 0.3 ? 'not ' : ''}${pick(q.options)}`
  }
  const conclusionIds: string[] = []
  const conclusionTexts: string[] = []
  function condition(depth: number): string {
    const r = random()
    if (depth > 1 || r < 0.35) {
      if (conclusionIds.length > 0 && random() < 0.45) return pick(conclusionIds)
      if (random() < 0.1) return `scenario is ${random() < 0.5 ? 'land' : 'sea'}`
      return test(pick(questions))
    }
    if (r < 0.5) return `not (${condition(depth + 1)})`
    const joiner = r < 0.75 ? ' and ' : ' or '
    return `(${condition(depth + 1)}${joiner}${condition(depth + 1)})`
  }
  for (let c = 0; c < 7; c++) {
    const id = `c${c}`
    conclusionTexts.push(conclusion(id, condition(0)))
    conclusionIds.push(id)
  }
  return book(questionTexts, conclusionTexts)
}
