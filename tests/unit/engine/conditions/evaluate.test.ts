import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { compileRulebook } from '../../../../src/engine/compile.ts'
import { evaluate } from '../../../../src/engine/evaluate.ts'
import { loadRulebook } from '../../../../src/engine/load.ts'
import type { Rulebook } from '../../../../src/engine/generated/rulebook.ts'
import { answersOf, readRepoFile } from '../../helpers.ts'

interface Case {
  condition: string
  answers: Record<string, unknown>
  scenario?: string
  expected: boolean | 'undetermined'
  undeterminedBy?: string[]
}

const cases = parse(readRepoFile('tests/fixtures/conditions/cases.yaml')) as Case[]
const base = parse(readRepoFile('tests/fixtures/conditions/conformance-rulebook.yaml')) as Rulebook

describe('engine/conditions/evaluate (conformance table)', () => {
  it('uses a rulebook without problems', () => {
    expect(loadRulebook(readRepoFile('tests/fixtures/conditions/conformance-rulebook.yaml'), 'x').problems).toEqual([])
  })

  it.each(cases.map((c) => [c.condition, JSON.stringify(c.answers), c] as const))(
    '`%s` with %s',
    (_condition, _answers, { condition, answers, scenario = 'land', expected, undeterminedBy = [] }) => {
      const rulebook: Rulebook = {
        ...base,
        conclusions: [...base.conclusions, { id: 'under-test', statement: 'Under test.', when: condition, kind: 'finding' }],
      }
      const walk = evaluate(compileRulebook(rulebook), { scenario, answers: answersOf(answers) })
      const result = walk.conclusions.find((c) => c.id === 'under-test')!
      const status = expected === 'undetermined' ? 'undetermined' : expected ? 'holds' : 'fails'
      expect(result.status).toBe(status)
      expect(result.trace.missing).toEqual(undeterminedBy)
    },
  )
})
