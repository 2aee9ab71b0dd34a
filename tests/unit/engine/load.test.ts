import { describe, expect, it } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { formatProblem } from '../../../src/engine/problems.ts'
import { readRepoFile } from '../helpers.ts'

const load = (name: string) => {
  const file = `tests/fixtures/rulebooks/${name}.yaml`
  return loadRulebook(readRepoFile(file), file)
}

describe('engine/load', () => {
  it('loads a valid rulebook with no problems', () => {
    const { rulebook, problems } = load('valid')
    expect(problems).toEqual([])
    expect(rulebook?.questions.map((q) => q.id)).toEqual(['use-of-force', 'consent', 'basis', 'severity'])
  })

  // One fixture per kind of problem, each with the exact located message an author reads.
  it.each([
    ['yaml-syntax', 'error', 4, 8, 'the file cannot be read as YAML: Nested mappings are not allowed in compact mappings'],
    ['schema', 'error', 32, 5, 'question `use-of-force` is missing `rule`'],
    ['duplicate-id', 'error', 47, 9, 'question `consent` has the same id as question `consent` on line 41'],
    ['reserved-id', 'error', 64, 9, 'conclusion id `not` is a word of the condition language'],
    ['unknown-section', 'error', 42, 14, 'question `consent` belongs to section `exception`, which does not exist'],
    ['unknown-option', 'error', 61, 20, 'question `severity` refers to option `maybe`, but `basis` has only `self-defence` and `none`'],
    ['unknown-fact', 'error', 40, 38, 'question `use-of-force` refers to fact `port-strike`, which no scenario states'],
    ['unknown-authority', 'error', 38, 20, 'question `use-of-force` cites authority `un-charta`, which is not in the table of authorities'],
    ['unknown-scenario', 'error', 45, 40, 'question `consent` refers to scenario `lands`, but the scenarios are `land` and `sea`'],
    ['unknown-reference', 'error', 55, 11, 'question `basis` refers to `use-of-forse`, which is neither a question nor a conclusion'],
    ['options-required', 'error', 50, 13, 'question `basis` is a single-choice question but lists no `options`'],
    ['options-not-allowed', 'error', 46, 16, 'question `consent` is a yes-no question, so it cannot list `options`'],
    ['scale-range', 'error', 60, 13, 'question `severity` is a scale question and needs `min` and `max`, with `min` below `max`'],
    ['condition-syntax', 'error', 55, 35, 'question `basis` has a condition that cannot be read: expected a question or conclusion id, found `and`'],
    ['condition-type', 'error', 61, 11, 'question `severity` uses `contains` on `basis`, which is a single-choice question'],
    ['forward-reference', 'error', 45, 49, 'question `consent` depends on `severity`, which comes after it (question 4)'],
    ['cycle', 'error', 70, 11, 'conclusions `breach` → `unlawful` → `breach` depend on each other in a circle'],
    ['unreachable', 'warning', 61, 11, 'question `severity` can never be asked: no combination of earlier answers satisfies `basis is self-defence and basis is none`'],
    ['unused-authority', 'warning', 77, 9, 'authority `nicaragua` is in the table but no question cites it'],
    ['unused-fact', 'warning', 26, 13, 'fact `sea-deaths` (¶2 of scenario `sea`) is not referred to by any question'],
    ['empty-section', 'warning', 31, 9, 'section `responses` has no questions'],
    ['fact-number', 'error', 36, 80, 'question `use-of-force` shows fact `land-strike` as ¶2, but it is ¶1 of scenario `land`'],
    ['duplicate-test', 'error', 82, 11, 'test “Force is a breach” has the same name as the test on line 78'],
    ['unknown-question', 'error', 81, 7, 'test “A misspelt question” answers `use-of-forse`, which is not a question of this rulebook'],
    ['unknown-conclusion', 'error', 83, 23, 'test “A misspelt conclusion” expects `unlawfull` to hold, but it is not a conclusion of this rulebook'],
    ['answer-type', 'error', 84, 17, 'test “A scale out of range” answers `severity` with 7, outside its scale of 1 to 5'],
    ['unknown-option', 'error', 83, 14, 'test “An option the question lacks” answers `basis` with option `necessity`, but it has only `self-defence` and `none`', 'test-unknown-option'],
    ['unknown-scenario', 'error', 79, 15, 'test “A scenario that does not exist” walks scenario `air`, but the scenarios are `land` and `sea`', 'test-unknown-scenario'],
  ] as const)('reports %s as a located %s at %i:%i', (code, severity, line, column, message, fixture: string = code) => {
    const { rulebook, problems } = load(fixture)
    const problem = problems.find((p) => p.code === code)
    expect(problem, problems.map(formatProblem).join('\n')).toBeDefined()
    expect(problem).toMatchObject({ severity, message, file: `tests/fixtures/rulebooks/${fixture}.yaml` })
    expect(problem!.range.start).toEqual({ line, column })
    // A rulebook with an error is not handed on; warnings alone do not stop it.
    expect(rulebook === undefined).toBe(severity === 'error')
  })

  it('reports unknown conclusions under contradicts and compatible', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/valid.yaml').replace('    kind: finding\n', '    kind: finding\n    contradicts: [unlawfull, breach]\n')
    expect(loadRulebook(text, 'x.yaml').problems.map((p) => [p.code, p.range.start, p.message])).toEqual([
      ['unknown-conclusion', { line: 68, column: 19 }, 'conclusion `breach` names `unlawfull` under `contradicts`, but it is not a conclusion of this rulebook'],
      ['unknown-conclusion', { line: 68, column: 30 }, 'conclusion `breach` names itself under `contradicts`'],
    ])
  })

  it('points at the offending word inside a condition', () => {
    const problem = load('unknown-option').problems[0]!
    expect(problem.range).toEqual({ start: { line: 61, column: 20 }, end: { line: 61, column: 25 } })
    expect(problem.path).toEqual(['questions', 3, 'when'])
  })

  it('suggests the property an author probably meant', () => {
    const problem = load('schema').problems.find((p) => p.message.includes('unknown property'))!
    expect(problem.message).toBe('question `use-of-force` has an unknown property `rules`')
    expect(problem.hint).toBe('did you mean `rule`?')
    expect(problem.path).toEqual(['questions', 0, 'rules'])
  })

  it('reports every problem, not only the first', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/valid.yaml')
      .replace('authority: un-charter', 'authority: un-charta')
      .replace('when: basis is self-defence', 'when: basis is maybe')
      .replace('section: exceptions\n    prompt: Did', 'section: nowhere\n    prompt: Did')
    const codes = loadRulebook(text, 'many.yaml').problems.map((p) => p.code)
    expect(codes).toEqual(expect.arrayContaining(['unknown-authority', 'unknown-option', 'unknown-section', 'unused-authority']))
  })

  it('reports a prose link to a fact that does not exist, and counts linked facts as used', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/unused-fact.yaml').replace(
      'rule: Article 2(4) prohibits the use of force.',
      'rule: "Force ([¶2](#fact-sea-deaths)) and more ([¶9](#fact-sea-wreck))."',
    )
    const problems = loadRulebook(text, 'links.yaml').problems
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['unknown-fact', 'question `use-of-force` links to fact `sea-wreck`, which no scenario states'],
    ])
  })

  it('accepts the same rulebook written as JSON', async () => {
    const { parse } = await import('yaml')
    const json = JSON.stringify(parse(readRepoFile('tests/fixtures/rulebooks/valid.yaml')))
    expect(loadRulebook(json, 'valid.json').problems).toEqual([])
  })

  it('refuses YAML aliases that would multiply into a huge value', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n')
    const { rulebook, problems } = loadRulebook(bomb, 'bomb.yaml')
    expect(rulebook).toBeUndefined()
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' })
  })

  it('reports an empty file as a schema problem, not a crash', () => {
    const { problems } = loadRulebook('', 'empty.yaml')
    expect(problems[0]).toMatchObject({ code: 'schema', message: 'the file should be a group of `key: value` entries' })
  })
})
