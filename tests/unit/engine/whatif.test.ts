import { describe, expect, it } from 'vitest'
import { whatIf } from '../../../src/engine/whatif.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'
import { answersOf, compileFile, readRepoFile } from '../helpers.ts'

const compiled = compileFile('tests/fixtures/rulebooks/explore.yaml')
const session = { scenario: 'land', answers: answersOf({ force: 'yes', targets: ['state', 'vessel'], consent: 'none', gravity: 2 }) }
const summary = (result: ReturnType<typeof whatIf>) =>
  result.options.map((option) => [option.status, option.changes.map((c) => [c.question, c.from, c.to, c.allowed])])

describe('engine/whatif', () => {
  it('finds every single change that makes a holding conclusion fail, smallest first', () => {
    const result = whatIf(compiled, session, { conclusion: 'unlawful-force' })
    expect(result).toMatchObject({ status: 'holds', found: 3, complete: true })
    expect(summary(result)).toEqual([
      ['fails', [['force', 'yes', 'no', ['no']]]],
      ['fails', [['targets', ['state', 'vessel'], ['vessel'], ['-state']]]],
      ['fails', [['consent', 'none', 'express', ['express', 'tacit']]]],
    ])
    expect(result.options[0]!.alsoChanges).toContainEqual({ conclusion: 'pending', from: 'fails', to: 'holds' })
  })

  it('includes the answers that make a question asked, and reactivates kept work', () => {
    // Q3 is not asked (no State targeted); its kept answer counts again once Q2 includes a State.
    const stale = { scenario: 'land', answers: answersOf({ force: 'yes', targets: ['group'], consent: 'express', gravity: 2 }) }
    const result = whatIf(compiled, stale, { conclusion: 'consented' })
    expect(summary(result)).toEqual([['holds', [['targets', ['group'], ['state', 'group'], ['+state']]]]])
  })

  it('changes whether a question is asked', () => {
    expect(summary(whatIf(compiled, session, { question: 'consent' }))).toEqual([
      ['not-asked', [['force', 'yes', 'no', ['no']]]],
      ['not-asked', [['targets', ['state', 'vessel'], ['vessel'], ['-state']]]],
    ])
  })

  it('gives each way the status the evaluator then finds', () => {
    const result = whatIf(compiled, session, { conclusion: 'excused' })
    expect(summary(result)).toEqual([
      ['holds', [['consent', 'none', 'express', ['express', 'tacit']]]],
      ['holds', [['gravity', 2, 4, ['4–5']]]],
    ])
    for (const option of result.options) {
      const answers = { ...session.answers }
      for (const change of option.changes) answers[change.question] = { value: change.to!, updatedAt: '2026-01-01T00:00:00Z' }
      expect(evaluate(compiled, { scenario: 'land', answers }).conclusions[6]!.status).toBe(option.status)
    }
  })

  it('on the flagship, finds every minimal way and gives each the walk a fresh evaluation gives', () => {
    const flagship = compileFile('rules/venezuela-dock-strike.yaml')
    const complete = JSON.parse(readRepoFile('tests/fixtures/sessions/venezuela-dock-strike-complete.json'))
    const before = evaluate(flagship, complete)
    const result = whatIf(flagship, complete, { conclusion: 'wrongful-act' })
    expect(result).toMatchObject({ status: 'holds', complete: true })
    expect(result.options).toHaveLength(10)
    expect(result.found).toBeGreaterThanOrEqual(result.options.length)
    for (const option of result.options) {
      const answers = { ...complete.answers }
      for (const change of option.changes) {
        if (change.to === undefined) delete answers[change.question]
        else answers[change.question] = { ...answers[change.question], value: change.to }
      }
      const after = evaluate(flagship, { scenario: complete.scenario, answers })
      const target = flagship.conclusionIndex.get('wrongful-act')!
      expect(after.conclusions[target]!.status).toBe(option.status)
      expect(option.alsoChanges).toEqual(
        after.conclusions.flatMap((state, i) =>
          state.status !== before.conclusions[i]!.status ? [{ conclusion: state.id, from: before.conclusions[i]!.status, to: state.status }] : [],
        ),
      )
    }
  })

  it('says when nothing the student answers can change a conclusion', () => {
    const result = whatIf(compiled, session, { conclusion: 'tautology' })
    expect(result).toMatchObject({ status: 'holds', options: [], found: 0, complete: true })
  })
})
