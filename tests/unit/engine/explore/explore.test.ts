import { describe, expect, it } from 'vitest'
import { explore } from '../../../../src/engine/explore/explore.ts'
import { describeAnswerSet } from '../../../../src/engine/explore/describe.ts'
import { createSums } from '../../../../src/engine/explore/sums.ts'
import { feasible, witnessOf } from '../../../../src/engine/explore/answer-sets.ts'
import { evaluate } from '../../../../src/engine/evaluate.ts'
import { loadRulebook } from '../../../../src/engine/load.ts'
import { formatProblem } from '../../../../src/engine/problems.ts'
import type { CompiledRulebook } from '../../../../src/engine/compile.ts'
import { compileFile, readRepoFile } from '../../helpers.ts'

const fixture = 'tests/fixtures/rulebooks/explore.yaml'
const compiled = compileFile(fixture)
const exploration = explore(compiled)
const paths = (id: string) => {
  const found = exploration.conclusions.find((c) => c.id === id)!
  return {
    holds: found.holds.map((set) => describeAnswerSet(compiled, set)),
    fails: found.fails.map((set) => describeAnswerSet(compiled, set)),
    scenarios: found.scenarios,
    warnings: found.warnings,
  }
}

describe('engine/explore', () => {
  // Each expectation worked out by hand from the fixture's conditions.
  it.each([
    ['state-force', ['Q1 = “Yes” and Q2 includes “A State”'], ['Q1 = “No”', 'Q1 = “Yes” and Q2 not “A State”']],
    [
      'consented',
      ['Q1 = “Yes”, Q2 includes “A State” and Q3 = “Expressly” or “Tacitly”'],
      ['Q1 = “No”', 'Q1 = “Yes” and Q2 not “A State”', 'Q1 = “Yes”, Q2 includes “A State” and Q3 = “Not at all”'],
    ],
    ['grave', ['Q1 = “Yes” and Q4 = 4 to 5'], ['Q1 = “No”', 'Q1 = “Yes” and Q4 = 1 to 3']],
    // An unasked question is unanswered; an asked one is unanswered until answered.
    ['pending', ['Q1 = “No”', 'Q1 = “Yes” and Q4 left unanswered'], ['Q1 = “Yes” and Q4 answered']],
    ['noted', ['Q5 answered'], ['Q5 left unanswered']],
    [
      'excused',
      ['Q1 = “Yes” and Q4 = 4 to 5', 'Q1 = “Yes”, Q2 includes “A State” and Q3 = “Expressly” or “Tacitly”'],
      ['Q1 = “No”', 'Q1 = “Yes”, Q2 not “A State” and Q4 = 1 to 3', 'Q1 = “Yes”, Q2 includes “A State”, Q3 = “Not at all” and Q4 = 1 to 3'],
    ],
    ['at-sea', ['in “At sea”: Q1 = “Yes”'], ['in “On land”: whatever the answers', 'Q1 = “No”']],
  ])('finds the minimal answer sets of %s (is answered, multiple choice, scales, conclusion references)', (id, holds, fails) => {
    expect(paths(id)).toMatchObject({ holds, fails })
  })

  it('gives in full the option labels that would read alike once shortened', () => {
    const soleimani = compileFile('rules/soleimani-strike.yaml')
    const mixed = explore(soleimani).conclusions.find((c) => c.id === 'mixed-conflict')!
    expect(mixed.holds.map((set) => describeAnswerSet(soleimani, set))).toEqual([
      'Q1 = “Yes” and Q10 includes “An international armed conflict between the United States and Iran” and “A non-international armed conflict…”',
    ])
  })

  it('says in which scenarios a conclusion can hold', () => {
    expect(paths('at-sea').scenarios).toEqual(['sea'])
    expect(paths('grave').scenarios).toEqual(['land', 'sea'])
    expect(paths('impossible').scenarios).toEqual([])
  })

  it('warns of conclusions that never hold, never fail, or hold on every complete walk', () => {
    expect(paths('impossible').warnings).toEqual(['never-holds'])
    expect(paths('tautology').warnings).toEqual(['never-fails'])
    expect(paths('noted').warnings).toEqual(['always-holds'])
    expect(paths('pending').warnings).toEqual([])
  })

  it('finds the planted contradiction, with its one minimal answer set', () => {
    expect(exploration.clashes.map((clash) => [
      compiled.conclusions[clash.first]!.conclusion.id,
      compiled.conclusions[clash.second]!.conclusion.id,
      clash.reason,
      clash.sets.map((set) => describeAnswerSet(compiled, set)),
    ])).toEqual([['excused', 'unlawful-force', 'contradicts', ['Q1 = “Yes”, Q2 includes “A State”, Q3 = “Not at all” and Q4 = 4 to 5']]])
  })

  it('restricts the walks to one scenario when asked', () => {
    const atSea = explore(compiled, { scenario: 'land' }).conclusions.find((c) => c.id === 'at-sea')!
    expect(atSea.holds).toEqual([])
    expect(atSea.warnings).toEqual(['never-holds'])
  })

  it('reports the warnings through validate, located', () => {
    const { problems } = loadRulebook(readRepoFile(fixture), fixture)
    expect(problems.map(formatProblem)).toEqual([
      `${fixture}:95:11 warning conclusion \`noted\` holds on every complete walk: it fails only while a question is left unanswered (test the answers themselves rather than whether questions are answered) [always-holds]`,
      `${fixture}:104:19 warning conclusions \`excused\` and \`unlawful-force\` must not hold together, but both hold when Q1 = “Yes”, Q2 includes “A State”, Q3 = “Not at all” and Q4 = 4 to 5 (change a condition so that these answers no longer lead to both) [contradiction]`,
      `${fixture}:112:11 warning conclusion \`tautology\` can never fail: every walk makes \`force or not force\` true (a conclusion that always holds says nothing about the answers; check the condition) [never-fails]`,
      `${fixture}:116:11 warning conclusion \`impossible\` can never hold: no combination of answers satisfies \`force and not force\` [unreachable]`,
    ])
  })

  it('warns when a lawful and an unlawful conclusion hold together, unless marked compatible', () => {
    const text = readRepoFile(fixture).replace('    contradicts: [unlawful-force]\n', '')
    const warning = loadRulebook(text, 'x.yaml').problems.find((p) => p.code === 'lawful-unlawful')
    expect(warning?.message).toBe(
      'conclusion `excused` (lawful) and conclusion `unlawful-force` (unlawful) hold together, for example when Q1 = “Yes”, Q2 includes “A State”, Q3 = “Not at all” and Q4 = 4 to 5',
    )
    const silenced = text.replace('    when: consented or grave\n', '    when: consented or grave\n    compatible: [unlawful-force]\n')
    expect(loadRulebook(silenced, 'x.yaml').problems.map((p) => p.code)).not.toContain('lawful-unlawful')
  })

  it('says plainly when a budget cut the search, instead of guessing', () => {
    const cut = explore(compiled, { maxWork: 3 })
    expect(cut.explored).toMatchObject({ cut: true, maxWork: 3 })
    expect(cut.conclusions.some((c) => !c.complete)).toBe(true)
    // What it did list is still right.
    for (const c of cut.conclusions) expect(c.warnings.includes('never-holds') ? c.holds : []).toEqual([])
  })
})

/** Every set the explorer lists, turned into a walk, gives what it says, checked by the evaluator. */
function checkWitnesses(book: CompiledRulebook): number {
  const sums = createSums(book)
  let checked = 0
  for (const { index } of book.conclusions) {
    const { yes, no } = sums.conclusion(index)
    for (const [status, terms] of [['holds', yes], ['fails', no]] as const) {
      for (const cube of sums.expand(terms, { accept: (c) => feasible(sums.layout, c) }).cubes) {
        expect(evaluate(book, witnessOf(sums, cube)).conclusions[index]!.status).toBe(status)
        checked++
      }
    }
  }
  for (const { index } of book.questions) {
    for (const cube of sums.expand(sums.question(index).yes, { accept: (c) => feasible(sums.layout, c) }).cubes) {
      expect(['answered', 'to-answer']).toContain(evaluate(book, witnessOf(sums, cube)).questions[index]!.status)
      checked++
    }
  }
  return checked
}

describe('engine/explore on the shipped rulebooks', () => {
  it.each(['tests/fixtures/rulebooks/explore.yaml', 'rules/soleimani-strike.yaml', 'rules/venezuela-dock-strike.yaml', 'tests/fixtures/conditions/conformance-rulebook.yaml'])(
    'lists only answer sets that the evaluator confirms, in %s',
    (file) => {
      expect(checkWitnesses(compileFile(file))).toBeGreaterThan(5)
    },
    30_000,
  )
})
