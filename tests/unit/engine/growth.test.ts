import { describe, expect, it } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'
import type { Rulebook } from '../../../src/engine/generated/rulebook.ts'
import { conclusionChain, repeatedConditions, toYaml } from '../../fixtures/hostile/generate.ts'
import { growth } from '../../fixtures/hostile/growth.ts'

/**
 * Time per doubling of the input (see fixtures/hostile/growth.ts): about 2 when the cost is linear,
 * 4 when quadratic. Each size's rulebook and YAML are made once, outside the timing; the size stays
 * as given (`minimumMs` 0), since a larger chain would only meet the list limit.
 */
function growthOf(make: (size: number) => Rulebook, size: number, work: (rulebook: Rulebook, yaml: string) => void): number {
  const inputs = new Map<number, { rulebook: Rulebook; yaml: string }>()
  for (const n of [size, size * 4]) {
    const rulebook = make(n)
    inputs.set(n, { rulebook, yaml: toYaml(rulebook) })
  }
  const measured = growth((n) => {
    const { rulebook, yaml } = inputs.get(n)!
    work(rulebook, yaml)
  }, size, 5, 0)
  console.info(`${make.name} from ${size}: ${measured.small.toFixed(0)} ms → ${measured.large.toFixed(0)} ms for 4× (×${measured.perDoubling.toFixed(2)} per doubling)`)
  return measured.perDoubling
}

const validate = (_: Rulebook, yaml: string) => {
  const { rulebook, problems } = loadRulebook(yaml, 'hostile.yaml')
  if (!rulebook && problems.some((p) => p.severity === 'error')) throw new Error(problems[0]!.message)
}

// Issue 17: both files are small, and both hung validation; the cost must grow with the input.
describe('engine: time grows linearly on hostile rulebooks', { timeout: 120_000 }, () => {
  it('validates a chain of conclusions, each resting on the one before', () => {
    // Within the limit of entries per list (a longer chain gets a located `limit` problem at once),
    // and long enough that a collection pause does not outweigh the work.
    expect(growthOf(conclusionChain, 1000, validate)).toBeLessThan(3)
  })

  it('evaluates a chain of conclusions without nesting (50,000 links hold)', () => {
    const run = (rulebook: Rulebook) => {
      const walk = evaluate(compileRulebook(rulebook), { scenario: 'only', answers: { q1: { value: 'yes', updatedAt: '2026-01-01T00:00:00Z' } } })
      if (walk.conclusions.at(-1)!.status !== 'holds') throw new Error('the chain should hold')
    }
    expect(growthOf(conclusionChain, 4000, run)).toBeLessThan(3)
    run(conclusionChain(50_000))
  })

  it('validates many questions testing the same nine earlier questions, finding each unreachable', () => {
    expect(growthOf(repeatedConditions, 200, validate)).toBeLessThan(3)
    const { problems } = loadRulebook(toYaml(repeatedConditions(900)), 'hostile.yaml')
    expect(problems.filter((p) => p.code === 'unreachable')).toHaveLength(900)
    expect(problems[0]!.message).toBe(
      'question `q10` can never be asked: no combination of earlier answers satisfies `q1 and q2 and q3 and q4 and q5 and q6 and q7 and q8 and q9 and not q9`',
    )
  })
})
