import { describe, expect, it } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { formatProblem } from '../../../src/engine/problems.ts'
import { readRepoFile } from '../helpers.ts'

const load = (name: string) => {
  const file = `tests/fixtures/rulebooks/${name}.yaml`
  return loadRulebook(readRepoFile(file), file)
}

describe('engine/lint: variations, glossary and the instructor apparatus', () => {
  it('loads a rulebook with a variation, a memo, a glossary and an instructor apparatus with no problems', () => {
    const { rulebook, problems } = load('variations')
    expect(problems.map(formatProblem)).toEqual([])
    expect(rulebook?.glossary?.map((t) => t.id)).toEqual(['armed-attack', 'effective-control'])
  })

  // One fixture per check, each with the located message an author reads.
  it.each([
    ['extends-cycle', 'extends-cycle', 'error', 47, 14, 'scenarios `land-consented` → `land-again` → `land-consented` extend each other in a circle'],
    ['extends-depth', 'extends-depth', 'error', 53, 14, 'scenario `land-v4` is a variation 4 levels deep (`land-v4` → `land-v3` → `land-v2` → `land-consented` → `land`); at most 3 are allowed'],
    ['empty-scenario', 'empty-scenario', 'error', 46, 5, 'scenario `land-empty` has no facts left once its variation is applied'],
    ['unknown-term', 'unknown-term', 'error', 64, 56, 'question `use-of-force` links to glossary term `armed-atack`, which the glossary does not define'],
    ['unused-term', 'unused-term', 'warning', 107, 9, 'glossary term `acquiescence` is defined but no prose links to it'],
    ['extends-unknown-scenario', 'unknown-scenario', 'error', 29, 14, 'scenario `land-consented` extends scenario `lands`, but the scenarios are `land`, `land-consented` and `sea`'],
    ['remove-unknown-fact', 'unknown-fact', 'error', 41, 19, 'scenario `land-consented` removes fact `land-persons`, which scenario `land` does not state'],
    ['glossary-unknown-authority', 'unknown-authority', 'error', 106, 22, 'glossary term `armed-attack` cites authority `nicaragua-case`, which is not in the table of authorities'],
    ['reading-unknown-authority', 'unknown-authority', 'error', 115, 20, "reading 1 of the instructor's list cites authority `nicaragwa`, which is not in the table of authorities"],
    ['variation-fact-number', 'fact-number', 'error', 42, 11, 'scenario `land-consented` shows fact `land-letter` as ¶3, but it is ¶4 of scenario `land-consented`'],
    ['variation-duplicate-fact', 'duplicate-id', 'error', 54, 13, 'fact `sea-strike` has the same id as fact `sea-strike` on line 41'],
    ['scenario-missing-facts', 'schema', 'error', 46, 5, 'scenario `sea` is missing `facts`'],
    ['reading-without-title', 'schema', 'error', 116, 7, '`instructor` › `readings` › item 2 is missing `title`'],
  ] as const)('%s: reports %s as a located %s at %i:%i', (fixture, code, severity, line, column, message) => {
    const { rulebook, problems } = load(fixture)
    const problem = problems.find((p) => p.code === code)
    expect(problem, problems.map(formatProblem).join('\n')).toBeDefined()
    expect(problem).toMatchObject({ severity, message, file: `tests/fixtures/rulebooks/${fixture}.yaml` })
    expect(problem!.range.start).toEqual({ line, column })
    expect(rulebook === undefined).toBe(severity === 'error')
  })

  it('reports a broken base once, without the consequences for its variation', () => {
    expect(load('extends-cycle').problems.map((p) => p.code)).toEqual(['extends-cycle'])
    expect(load('extends-unknown-scenario').problems.map((p) => p.code)).toEqual(['unknown-scenario'])
  })

  it('points at the misspelt term link inside the prose', () => {
    const problem = load('unknown-term').problems[0]!
    expect(problem.range).toEqual({ start: { line: 64, column: 56 }, end: { line: 64, column: 89 } })
    expect(problem.path).toEqual(['questions', 0, 'rule'])
    expect(problem.hint).toBe('add it under `glossary:`; the terms are `armed-attack` and `effective-control`')
  })

  it('checks prose of a variation against its resolved facts: a removed fact is not there', () => {
    const problems = load('variation-fact-number').problems
    expect(problems.map((p) => [p.code, p.message])).toContainEqual([
      'unknown-fact',
      'scenario `land-consented` links to fact `land-people`, which does not hold in scenario `land-consented`',
    ])
  })

  it('checks guidance for a variation against its resolved facts', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/variations.yaml').replace(
      '        facts: [land-letter]',
      '        facts: [land-people]',
    )
    const problems = loadRulebook(text, 'guidance.yaml').problems
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['unknown-fact', 'question `consent` gives guidance for scenario `land-consented` citing fact `land-people`, which that variation removes'],
    ])
  })

  it('reports a fact both removed and restated by a variation', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/variations.yaml').replace('removeFacts: [land-people]', 'removeFacts: [land-silence]')
    const problems = loadRulebook(text, 'both.yaml').problems
    expect(problems.find((p) => p.code === 'duplicate-id')?.message).toBe('scenario `land-consented` both removes fact `land-silence` and restates it')
  })

  it('counts authorities cited only by the glossary or the reading list as used', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/variations.yaml').replace(
      '      - { authority: nicaragua, pinpoint: para 191 }',
      '      - { authority: un-charter, pinpoint: art. 51 }',
    )
    // nicaragua is still on the reading list, so nothing is unused.
    expect(loadRulebook(text, 'used.yaml').problems).toEqual([])
  })

  it('does not count a definition linking its own term as a use', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/unused-term.yaml').replace(
      'definition: Silence where a protest would be expected.',
      'definition: "[Acquiescence](#term-acquiescence) is silence where a protest would be expected."',
    )
    expect(loadRulebook(text, 'self.yaml').problems.map((p) => p.code)).toEqual(['unused-term'])
  })
})
