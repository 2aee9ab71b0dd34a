import { describe, expect, it } from 'vitest'
import type { TestExpectation } from '../../../src/engine/generated/rulebook.ts'
import { runAuthorTest, runAuthorTests, testCoverage, testSession } from '../../../src/engine/author-tests.ts'
import { compileFile } from '../helpers.ts'

const compiled = compileFile('tests/fixtures/rulebooks/author-tests.yaml')

describe('engine/author-tests', () => {
  it('passes a test whose expectations all hold, counting each expectation', () => {
    const [first] = runAuthorTests(compiled)
    expect(first).toMatchObject({ name: 'Force without consent and no basis is unlawful', passed: true, failures: [], checked: 7 })
  })

  it('checks undetermined conclusions, skipped questions and the next question', () => {
    expect(runAuthorTests(compiled)[1]).toMatchObject({ passed: true, checked: 3 })
  })

  it('reports a failed expectation with expected, actual, the explanation and the trace', () => {
    const result = runAuthorTests(compiled)[2]!
    expect(result.passed).toBe(false)
    expect(result.path).toEqual(['tests', 2])
    expect(result.failures).toEqual([
      {
        key: 'holds',
        id: 'unlawful',
        path: ['tests', 2, 'expect', 'holds', 0],
        expected: 'holds',
        actual: 'fails',
        why: 'Does not hold because you answered “Yes” to Q2 “Did the territorial state consent?”.',
        trace: { decidedBy: ['consent'], missing: [], conclusions: [] },
      },
    ])
  })

  it('reads null as unanswered and lists as multiple-choice answers', () => {
    const session = testSession({ name: 't', scenario: 'land', answers: { a: null, b: ['x', 'y'], c: 3 }, expect: { next: null } })
    expect(session).toEqual({
      scenario: 'land',
      answers: { b: { value: ['x', 'y'], updatedAt: '1970-01-01T00:00:00Z' }, c: { value: 3, updatedAt: '1970-01-01T00:00:00Z' } },
    })
  })

  it.each([
    [{ asked: ['severity'] }, 'asked', 'waiting (whether it is asked depends on an unanswered question)'],
    [{ asked: ['consent'] }, 'asked', 'skipped'],
    [{ skipped: ['basis'] }, 'skipped', 'asked (to answer)'],
    [{ stale: ['use-of-force'] }, 'stale', 'asked (answered)'],
    [{ fails: ['breach'] }, 'fails', 'holds'],
    [{ undetermined: ['breach'] }, 'undetermined', 'holds'],
    [{ next: 'consent' }, 'Q2 “Did the territorial state consent?”', 'Q3 “What basis does the acting state claim?”'],
    [{ next: null }, 'none (the walk is complete)', 'Q3 “What basis does the acting state claim?”'],
  ] as const)('fails %j with expected %s and actual %s', (expectation, expected, actual) => {
    const result = runAuthorTest(compiled, { name: 't', scenario: 'sea', answers: { 'use-of-force': 'yes' }, expect: expectation as TestExpectation }, 0)
    expect(result.passed).toBe(false)
    expect(result.failures[0]).toMatchObject({ expected, actual })
    expect(result.failures[0]!.why).not.toBe('')
  })

  it('says which conclusions and options no test covers', () => {
    expect(testCoverage(compiled)).toEqual({
      unasserted: [],
      neverHolds: [],
      neverFails: ['breach', 'unlawful'],
      unpickedOptions: [{ question: 'use-of-force', options: ['no'] }],
    })
  })
})
