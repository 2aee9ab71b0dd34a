import { describe, expect, it } from 'vitest'
import { createEvaluator, createLiveWalk, evaluate } from '../../../src/engine/evaluate.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import type { Session } from '../../../src/engine/generated/session.ts'
import { generateRulebook } from '../../bench/generate.ts'
import { answersOf, compileFile } from '../helpers.ts'

const compiled = compileFile('tests/fixtures/rulebooks/valid.yaml')
const walkOf = (answers: Record<string, unknown>, scenario = 'land') =>
  evaluate(compiled, { scenario, answers: answersOf(answers) })
const statuses = (walk: ReturnType<typeof walkOf>) => Object.fromEntries(walk.questions.map((q) => [q.id, q.status]))
const conclusion = (walk: ReturnType<typeof walkOf>, id: string) => walk.conclusions.find((c) => c.id === id)!

describe('engine/evaluate', () => {
  it('asks the first question and waits on the ones that depend on it', () => {
    const walk = walkOf({})
    expect(statuses(walk)).toEqual({ 'use-of-force': 'to-answer', consent: 'waiting', basis: 'waiting', severity: 'waiting' })
    expect(walk.next).toBe('use-of-force')
    expect(walk.progress).toEqual({ answered: 0, total: 4 })
    expect(conclusion(walk, 'breach')).toMatchObject({ status: 'undetermined', trace: { missing: ['use-of-force'] } })
  })

  it('skips questions whose condition fails, saying which answer decided it', () => {
    const walk = walkOf({ 'use-of-force': 'no' })
    expect(statuses(walk)).toEqual({ 'use-of-force': 'answered', consent: 'skipped', basis: 'skipped', severity: 'skipped' })
    expect(walk.questions[1]!.trace).toEqual({ decidedBy: ['use-of-force'], missing: [], conclusions: [] })
    expect(walk.next).toBeUndefined()
    expect(conclusion(walk, 'breach').status).toBe('fails')
    expect(conclusion(walk, 'unlawful')).toMatchObject({ status: 'fails', trace: { decidedBy: ['use-of-force'], conclusions: ['breach'] } })
  })

  it('follows the scenario: consent is asked only on land', () => {
    expect(statuses(walkOf({ 'use-of-force': 'yes' }, 'sea')).consent).toBe('skipped')
    expect(statuses(walkOf({ 'use-of-force': 'yes' }, 'land')).consent).toBe('to-answer')
  })

  it('reaches a conclusion along a path, with the trace of the answers that decided it', () => {
    const walk = walkOf({ 'use-of-force': 'yes', consent: 'no', basis: 'self-defence', severity: 4 })
    expect(walk.progress).toEqual({ answered: 4, total: 4 })
    expect(conclusion(walk, 'unlawful')).toEqual({
      id: 'unlawful',
      status: 'holds',
      trace: { decidedBy: ['use-of-force', 'consent', 'severity'], missing: [], conclusions: ['breach'] },
    })
    expect(walk.sections).toEqual([
      { id: 'force', answered: 1, toAnswer: 0, waiting: 0, skipped: 0, stale: 0 },
      { id: 'exceptions', answered: 3, toAnswer: 0, waiting: 0, skipped: 0, stale: 0 },
    ])
  })

  it('marks later answers stale when an earlier answer changes, keeping the work', () => {
    const answers = { 'use-of-force': 'yes', consent: 'no', basis: 'self-defence', severity: 4 }
    const walk = walkOf({ ...answers, consent: 'yes' })
    expect(statuses(walk)).toEqual({ 'use-of-force': 'answered', consent: 'answered', basis: 'stale', severity: 'stale' })
    expect(conclusion(walk, 'unlawful').status).toBe('fails')
  })

  it('counts reasoning alone as work to keep', () => {
    const session: Session['answers'] = {
      'use-of-force': { value: 'no', updatedAt: '2026-01-01T00:00:00Z' },
      consent: { reasoning: { issue: 'Who could consent?' }, updatedAt: '2026-01-01T00:00:00Z' },
    }
    expect(statuses(evaluate(compiled, { scenario: 'land', answers: session })).consent).toBe('stale')
  })

  it('ignores answers that do not fit the question', () => {
    const walk = walkOf({ 'use-of-force': 'maybe', basis: 'self-defence' })
    expect(statuses(walk)['use-of-force']).toBe('to-answer')
    expect(walkOf({ 'use-of-force': 'yes', consent: 'no', basis: 'self-defence', severity: 9 }).next).toBe('severity')
  })

  it('treats session keys such as `constructor` as data', () => {
    const answers = JSON.parse('{"__proto__": {"value": "yes"}, "constructor": {"value": "yes"}}') as Session['answers']
    expect(() => evaluate(compiled, { scenario: 'land', answers })).not.toThrow()
  })

  it('gives the same walk incrementally as from scratch, edit after edit', () => {
    const rulebook = generateRulebook(120)
    const big = compileRulebook(rulebook)
    const evaluator = createEvaluator(big)
    const answers: Session['answers'] = {}
    const session = { scenario: 'only', answers }
    // A deterministic walk of edits: answer, change, clear, and write reasoning.
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let step = 0; step < 400; step++) {
      const question = rulebook.questions[Math.floor(random() * rulebook.questions.length)]!
      const roll = random()
      if (roll < 0.15) delete answers[question.id]
      else if (roll < 0.25) answers[question.id] = { reasoning: { issue: 'why' }, updatedAt: 't' }
      else {
        const value = question.answer.kind === 'yes-no' ? (random() < 0.7 ? 'yes' : 'no') : ['a', 'b', 'c'][Math.floor(random() * 3)]!
        answers[question.id] = { value, updatedAt: 't' }
      }
      expect(evaluator(session)).toEqual(evaluate(big, session))
    }
  })
})

describe('engine/evaluate createLiveWalk', () => {
  it('keeps its walk equal to a fresh evaluation, and replaces exactly the entries it reports', () => {
    const rulebook = generateRulebook(140)
    const big = compileRulebook(rulebook)
    const answers: Session['answers'] = {}
    const live = createLiveWalk(big, { scenario: 'only', answers })
    let seed = 11
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    let reported = 0
    for (let step = 0; step < 400; step++) {
      const question = rulebook.questions[Math.floor(random() * rulebook.questions.length)]!
      const roll = random()
      if (roll < 0.15) delete answers[question.id]
      else if (roll < 0.25) answers[question.id] = { reasoning: { issue: 'why' }, updatedAt: 't' }
      else {
        const value = question.answer.kind === 'yes-no' ? (random() < 0.7 ? 'yes' : 'no') : ['a', 'b', 'c'][Math.floor(random() * 3)]!
        answers[question.id] = { value, updatedAt: 't' }
      }
      const before = { questions: live.walk.questions.slice(), conclusions: live.walk.conclusions.slice(), sections: live.walk.sections.slice() }
      const changes = live.update(question.id, answers[question.id])
      expect(live.walk).toEqual(evaluate(big, { scenario: 'only', answers }))
      const replaced = (now: readonly object[], then: readonly object[]) => now.flatMap((entry, i) => (entry === then[i] ? [] : [i]))
      expect(replaced(live.walk.questions, before.questions)).toEqual(changes.questions)
      expect(replaced(live.walk.conclusions, before.conclusions)).toEqual(changes.conclusions)
      expect(replaced(live.walk.sections, before.sections)).toEqual([...changes.sections].sort((a, b) => a - b))
      reported += changes.questions.length
    }
    expect(reported).toBeGreaterThan(100)
  })

  it('reports nothing when reasoning is written on a question that is asked', () => {
    const answers = answersOf({ 'use-of-force': 'yes' })
    const live = createLiveWalk(compiled, { scenario: 'land', answers })
    const walk = { ...live.walk, questions: live.walk.questions.slice() }
    const changes = live.update('use-of-force', { ...answers['use-of-force']!, reasoning: { issue: 'Was it force?' } })
    expect(changes).toEqual({ questions: [], conclusions: [], sections: [], summary: false })
    expect(live.walk.questions).toEqual(walk.questions)
  })

  it('turns a skipped question stale when reasoning is first written on it, and says so', () => {
    const answers = answersOf({ 'use-of-force': 'no' })
    const live = createLiveWalk(compiled, { scenario: 'land', answers })
    expect(live.walk.questions[1]!.status).toBe('skipped')
    const changes = live.update('consent', { reasoning: { issue: 'Who could consent?' }, updatedAt: 't' })
    expect(changes.questions).toEqual([1])
    expect(live.walk.questions[1]!.status).toBe('stale')
    expect(live.walk.sections.find((s) => s.id === 'exceptions')).toMatchObject({ skipped: 2, stale: 1 })
  })
})
