import { describe, expect, it } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'
import type { Rulebook } from '../../../src/engine/generated/rulebook.ts'
import { conclusionChain, repeatedConditions, toYaml } from '../../fixtures/hostile/generate.ts'

/**
 * How much longer twice the input takes, measured in one run: about 2 when the cost is linear, 4
 * when quadratic. Runs alternate between the sizes, and the fastest of each counts, so that
 * whatever else the machine is doing weighs on both alike.
 */
function growth(make: (size: number) => Rulebook, size: number, work: (rulebook: Rulebook, yaml: string) => void): number {
  const small = make(size)
  const large = make(size * 2)
  const [smallYaml, largeYaml] = [toYaml(small), toYaml(large)]
  work(small, smallYaml) // warm up
  let [fastSmall, fastLarge] = [Infinity, Infinity]
  for (let i = 0; i < 5; i++) {
    let start = performance.now()
    work(small, smallYaml)
    fastSmall = Math.min(fastSmall, performance.now() - start)
    start = performance.now()
    work(large, largeYaml)
    fastLarge = Math.min(fastLarge, performance.now() - start)
  }
  return fastLarge / fastSmall
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
    expect(growth(conclusionChain, 1000, validate)).toBeLessThan(3)
  })

  it('evaluates a chain of conclusions without nesting (50,000 links hold)', () => {
    const run = (rulebook: Rulebook) => {
      const walk = evaluate(compileRulebook(rulebook), { scenario: 'only', answers: { q1: { value: 'yes', updatedAt: '2026-01-01T00:00:00Z' } } })
      if (walk.conclusions.at(-1)!.status !== 'holds') throw new Error('the chain should hold')
    }
    expect(growth(conclusionChain, 4000, run)).toBeLessThan(3)
    run(conclusionChain(50_000))
  })

  it('validates many questions testing the same nine earlier questions, finding each unreachable', () => {
    expect(growth(repeatedConditions, 200, validate)).toBeLessThan(3)
    const { problems } = loadRulebook(toYaml(repeatedConditions(900)), 'hostile.yaml')
    expect(problems.filter((p) => p.code === 'unreachable')).toHaveLength(900)
    expect(problems[0]!.message).toBe(
      'question `q10` can never be asked: no combination of earlier answers satisfies `q1 and q2 and q3 and q4 and q5 and q6 and q7 and q8 and q9 and not q9`',
    )
  })
})
