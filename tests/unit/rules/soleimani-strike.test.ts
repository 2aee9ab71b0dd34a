import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { compileRulebook, type CompiledRulebook } from '../../../src/engine/compile.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'
import { parseCondition } from '../../../src/engine/conditions/parse.ts'
import type { ConditionNode } from '../../../src/engine/conditions/ast.ts'
import type { Rulebook } from '../../../src/engine/generated/rulebook.ts'
import type { AnswerValue } from '../../../src/engine/generated/session.ts'
import type { ConclusionStatus, QuestionStatus } from '../../../src/engine/walk.ts'
import { runAuthorTests, testCoverage } from '../../../src/engine/author-tests.ts'

const file = 'rules/soleimani-strike.yaml'
const { rulebook, problems } = loadRulebook(readFileSync(file, 'utf8'), file)

function loaded(): Rulebook {
  if (!rulebook) throw new Error(`${file} did not load`)
  return rulebook
}

const compiled: CompiledRulebook | undefined = rulebook && compileRulebook(rulebook)

function walk(scenario: string, values: Record<string, AnswerValue>) {
  if (!compiled) throw new Error(`${file} did not load`)
  const answers = Object.fromEntries(
    Object.entries(values).map(([id, value]) => [id, { value, updatedAt: '2026-01-01T00:00:00Z' }]),
  )
  return evaluate(compiled, { scenario, answers })
}

function conclusionStatuses(result: ReturnType<typeof walk>): Record<string, ConclusionStatus> {
  return Object.fromEntries(result.conclusions.map((c) => [c.id, c.status]))
}

function questionStatuses(result: ReturnType<typeof walk>): Record<string, QuestionStatus> {
  return Object.fromEntries(result.questions.map((q) => [q.id, q.status]))
}

/** The features of the condition language a condition uses, named as in rules/README.md. */
function features(node: ConditionNode, conclusions: ReadonlySet<string>, found: Set<string>): void {
  switch (node.type) {
    case 'and':
    case 'or':
      found.add(node.type)
      node.operands.forEach((operand) => features(operand, conclusions, found))
      return
    case 'not':
      found.add('not')
      features(node.operand, conclusions, found)
      return
    case 'reference':
      found.add(conclusions.has(node.subject.name) ? 'conclusion reference' : 'bare yes/no')
      return
    case 'is':
      found.add(node.options.length > 1 ? 'is one of' : node.negated ? 'is not' : 'is')
      return
    case 'answered':
      found.add(node.negated ? 'is unanswered' : 'is answered')
      return
    case 'contains':
      found.add(node.options.length > 1 ? `contains ${node.mode} of` : 'contains')
      return
    case 'compare':
      found.add('scale comparison')
      return
    case 'scenario':
      found.add('scenario is')
      return
  }
}

describe('rules/soleimani-strike.yaml', () => {
  it('loads with no errors and no warnings', () => {
    expect(problems).toEqual([])
    expect(rulebook).toBeDefined()
  })

  it('keeps to the size of a short rulebook', () => {
    const book = loaded()
    expect(book.sections).toHaveLength(5)
    expect(book.questions.length).toBeGreaterThanOrEqual(10)
    expect(book.questions.length).toBeLessThanOrEqual(14)
    expect(book.conclusions.length).toBeGreaterThanOrEqual(6)
    expect(book.conclusions.length).toBeLessThanOrEqual(10)
    expect(book.authorities.length).toBeGreaterThanOrEqual(15)
    expect(book.authorities.length).toBeLessThanOrEqual(25)
  })

  it('uses every answer kind, conclusion kind, certainty and reveal policy of the format', () => {
    const book = loaded()
    expect(new Set(book.questions.map((q) => q.answer.kind))).toEqual(
      new Set(['yes-no', 'single-choice', 'multiple-choice', 'scale', 'free-text']),
    )
    expect(new Set(book.conclusions.map((c) => c.kind))).toEqual(
      new Set(['lawful', 'unlawful', 'open-question', 'finding']),
    )
    const certainties = new Set(book.scenarios.flatMap((s) => (s.facts ?? []).map((f) => f.certainty)))
    expect(certainties).toEqual(new Set(['confirmed', 'reported', 'disputed', 'unknown']))
    const reveals = new Set(book.questions.map((q) => q.modelAnswer?.reveal ?? 'after-commit'))
    expect(reveals).toEqual(new Set(['after-commit', 'always', 'never']))
    expect(book.scenarios.length).toBe(2)
  })

  it('gives every question the full guidance: rule, authorities, facts, arguments, mistakes, model answer, template', () => {
    for (const question of loaded().questions) {
      expect(question.authorities?.length, question.id).toBeGreaterThan(0)
      expect(question.facts?.length, question.id).toBeGreaterThan(0)
      expect(question.arguments?.length, question.id).toBeGreaterThanOrEqual(2)
      expect(question.mistakes?.length, question.id).toBeGreaterThan(0)
      expect(question.modelAnswer?.text, question.id).toBeTruthy()
      expect(Object.keys(question.template ?? {}).sort(), question.id).toEqual([
        'application',
        'conclusion',
        'issue',
        'rule',
      ])
    }
  })

  it('uses every construction of the condition language', () => {
    const book = loaded()
    const conclusions = new Set(book.conclusions.map((c) => c.id))
    const found = new Set<string>()
    for (const when of [
      ...book.questions.map((q) => q.when),
      ...book.conclusions.map((c) => c.when),
    ]) {
      if (when === undefined) continue
      const parsed = parseCondition(when)
      if (!parsed.ok) throw new Error(`cannot parse ${when}`)
      features(parsed.node, conclusions, found)
    }
    expect([...found].sort()).toEqual(
      [
        'and',
        'bare yes/no',
        'conclusion reference',
        'contains',
        'contains all of',
        'contains any of',
        'is',
        'is answered',
        'is not',
        'is one of',
        'is unanswered',
        'not',
        'or',
        'scale comparison',
        'scenario is',
      ].sort(),
    )
  })

  it('reaches the critical conclusions on the Special Rapporteur’s reading of the airport strike', () => {
    const result = walk('airport-strike', {
      'use-of-force': 'yes',
      'states-affected': ['iraq-territory', 'iraq-forces', 'iran'],
      'consent-scope': 'beyond-invitation',
      'later-resolution': 'Later, not binding, and only evidence of what Iraq had agreed to.',
      'armed-attack': 'no',
      'attribution-to-iran': 2,
      imminence: 'not-imminent',
      'conflict-classification': ['iac-us-iran', 'niac-us-militias'],
      'ihl-targeting': 'yes',
      'right-to-life': 'arbitrary',
      'domestic-authority': ['article-two'],
      'war-powers': 'no',
    })
    expect(conclusionStatuses(result)).toEqual({
      'force-against-iraq': 'holds',
      'force-against-iran': 'holds',
      'iraq-consented': 'fails',
      'self-defence-iran': 'fails',
      'attribution-pending': 'fails',
      'unlawful-force-iran': 'holds',
      'iraqi-sovereignty-violated': 'holds',
      'mixed-conflict': 'holds',
      'right-to-life-violated': 'holds',
      'article-two-alone': 'holds',
    })
    const statuses = questionStatuses(result)
    // With no armed attack and nothing imminent, necessity and the host-State question never arise.
    expect(statuses['necessity-proportionality']).toBe('skipped')
    expect(statuses['host-state']).toBe('skipped')
    expect(result.next).toBeUndefined()
    expect(result.progress).toEqual({ answered: 12, total: 12 })
  })

  it('reaches lawful self-defence on the United States’ reading of the airport strike', () => {
    const result = walk('airport-strike', {
      'use-of-force': 'yes',
      'states-affected': ['iraq-territory', 'iran'],
      'consent-scope': 'within-invitation',
      'later-resolution': 'It came afterwards and bound no one.',
      'armed-attack': 'yes',
      'attribution-to-iran': 5,
      imminence: 'imminent-contextual',
      'necessity-proportionality': 4,
      'conflict-classification': ['iac-us-iran'],
      'ihl-targeting': 'yes',
      'right-to-life': 'no-extraterritorial-duty',
      'domestic-authority': ['article-two', 'aumf-2002'],
      'war-powers': 'yes',
    })
    expect(conclusionStatuses(result)).toEqual({
      'force-against-iraq': 'holds',
      'force-against-iran': 'holds',
      'iraq-consented': 'holds',
      'self-defence-iran': 'holds',
      'attribution-pending': 'fails',
      'unlawful-force-iran': 'fails',
      'iraqi-sovereignty-violated': 'fails',
      'mixed-conflict': 'fails',
      'right-to-life-violated': 'fails',
      'article-two-alone': 'fails',
    })
    // Iraq consented, so whether its territory could be used without consent is never asked.
    expect(questionStatuses(result)['host-state']).toBe('skipped')
  })

  it('walks the December strikes without the airport-only question and leaves open what is unanswered', () => {
    const result = walk('december-strikes', {
      'use-of-force': 'yes',
      'states-affected': ['iraq-territory', 'iraq-forces'],
      'consent-scope': 'beyond-invitation',
      'armed-attack': 'yes',
      imminence: 'imminent-contextual',
      'necessity-proportionality': 3,
      'host-state': 'unwilling-unable',
      'conflict-classification': ['niac-us-militias'],
      'ihl-targeting': 'yes',
      'right-to-life': 'ihl-compliant',
    })
    const statuses = questionStatuses(result)
    expect(statuses['later-resolution']).toBe('skipped')
    expect(statuses['attribution-to-iran']).toBe('skipped')
    expect(statuses['host-state']).toBe('answered')
    expect(result.next).toBe('domestic-authority')
    expect(conclusionStatuses(result)).toEqual({
      'force-against-iraq': 'holds',
      'force-against-iran': 'fails',
      'iraq-consented': 'fails',
      'self-defence-iran': 'fails',
      'attribution-pending': 'fails',
      'unlawful-force-iran': 'fails',
      // Unwilling or unable, but necessity graded 3: the justification is not made out.
      'iraqi-sovereignty-violated': 'holds',
      'mixed-conflict': 'fails',
      'right-to-life-violated': 'fails',
      'article-two-alone': 'undetermined',
    })
    const open = result.conclusions.find((c) => c.id === 'article-two-alone')
    expect(open?.trace.missing).toEqual(['domestic-authority'])
  })

  it('holds the attribution reminder only while attribution to Iran is unanswered', () => {
    const early = walk('airport-strike', { 'use-of-force': 'yes', 'states-affected': ['iran'] })
    expect(questionStatuses(early)['consent-scope']).toBe('skipped')
    expect(questionStatuses(early)['armed-attack']).toBe('to-answer')
    expect(conclusionStatuses(early)['attribution-pending']).toBe('holds')
    expect(conclusionStatuses(early)['unlawful-force-iran']).toBe('undetermined')

    const later = walk('airport-strike', {
      'use-of-force': 'yes',
      'states-affected': ['iran'],
      'attribution-to-iran': 1,
    })
    expect(conclusionStatuses(later)['attribution-pending']).toBe('fails')
    // Attribution graded 1 decides self-defence against Iran, whatever the other answers.
    expect(conclusionStatuses(later)['self-defence-iran']).toBe('fails')
    expect(conclusionStatuses(later)['unlawful-force-iran']).toBe('holds')
  })

  it('keeps the host-State work as stale when a changed answer on consent makes it moot', () => {
    const before = {
      'use-of-force': 'yes',
      // The territorial ground alone: against Iraq's own forces, unwilling-or-unable excuses nothing.
      'states-affected': ['iraq-territory'],
      'consent-scope': 'beyond-invitation',
      'armed-attack': 'yes',
      imminence: 'imminent-strict',
      'necessity-proportionality': 5,
      'host-state': 'unwilling-unable',
    } satisfies Record<string, AnswerValue>
    const first = walk('december-strikes', before)
    expect(questionStatuses(first)['host-state']).toBe('answered')
    expect(conclusionStatuses(first)['iraqi-sovereignty-violated']).toBe('fails')

    const after = walk('december-strikes', { ...before, 'consent-scope': 'within-invitation' })
    expect(questionStatuses(after)['host-state']).toBe('stale')
    // Consent now covers the strike: armed attack and everything after it are no longer asked.
    expect(questionStatuses(after)['armed-attack']).toBe('stale')
    expect(conclusionStatuses(after)['iraq-consented']).toBe('holds')
    expect(conclusionStatuses(after)['iraqi-sovereignty-violated']).toBe('fails')
  })
})

describe('the author tests of the Soleimani rulebook', () => {
  it('pass, assert every conclusion both holding and failing, and pick every option', () => {
    const rulebookCompiled = compiled
    if (!rulebookCompiled) throw new Error(`${file} did not compile`)
    const results = runAuthorTests(rulebookCompiled)
    expect(results.length).toBeGreaterThan(0)
    expect(results.filter((result) => !result.passed).map((result) => result.name)).toEqual([])
    expect(testCoverage(rulebookCompiled)).toEqual({ unasserted: [], neverHolds: [], neverFails: [], unpickedOptions: [] })
  })
})
