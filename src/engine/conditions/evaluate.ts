import type { AnswerValue } from '../generated/session.ts'
import { assertNever, type ComparisonOperator, type ConditionNode } from './ast.ts'

/** Three-valued truth: false, true, or undetermined (it depends on an answer not yet given). */
export type Truth = false | true | undefined

/** A condition's value and the answers that decided it. */
export interface Outcome {
  truth: Truth
  /** Questions whose answers (or whose not being asked) decided the value. */
  decided: readonly string[]
  /** Questions whose missing answers leave the value undetermined. */
  missing: readonly string[]
  /** Conclusions the value relied on directly (each one's own trace says what it relied on). */
  conclusions: readonly string[]
}

/** Where a question stands, as far as conditions on it are concerned. */
export type AnswerState =
  | { state: 'given'; value: AnswerValue }
  /** Not asked (its own condition failed): it has no answer, whatever work is kept on it. */
  | { state: 'not-asked' }
  /** Asked, not answered yet. */
  | { state: 'to-answer' }
  /** Whether it is asked is itself undetermined. */
  | { state: 'waiting' }

/** What conditions are evaluated against. Ids resolve only through the rulebook's own maps. */
export interface EvaluationScope {
  answer(questionId: string): AnswerState
  conclusion(conclusionId: string): Outcome
  isConclusion(id: string): boolean
  scenario: string
}

const none: readonly string[] = Object.freeze([])

function leaf(truth: Truth, question: string): Outcome {
  return truth === undefined
    ? { truth, decided: none, missing: [question], conclusions: none }
    : { truth, decided: [question], missing: none, conclusions: none }
}

function compare(value: number, operator: ComparisonOperator, bound: number): boolean {
  switch (operator) {
    case '<':
      return value < bound
    case '<=':
      return value <= bound
    case '>':
      return value > bound
    case '>=':
      return value >= bound
    case '=':
      return value === bound
    case '!=':
      return value !== bound
    default:
      return assertNever(operator)
  }
}

/** Tests an answer that was given; `undefined` answer means the question has no answer at all. */
function test(node: ConditionNode, value: AnswerValue | undefined): boolean {
  switch (node.type) {
    case 'reference':
      return value === 'yes'
    case 'is': {
      const matches = typeof value === 'string' && node.options.some((o) => o.name === value)
      return matches !== node.negated
    }
    case 'answered':
      return (value !== undefined) !== node.negated
    case 'contains': {
      if (!Array.isArray(value)) return false
      return node.mode === 'all'
        ? node.options.every((o) => value.includes(o.name))
        : node.options.some((o) => value.includes(o.name))
    }
    case 'compare':
      // With no answer, `!=` holds, as `is not` does: nothing was chosen that equals the bound.
      if (typeof value !== 'number') return node.operator === '!='
      return compare(value, node.operator, node.value)
    case 'and':
    case 'or':
    case 'not':
    case 'scenario':
      throw new Error(`test() called on a ${node.type} node`)
    default:
      return assertNever(node)
  }
}

function merge(outcomes: readonly Outcome[], pick: (outcome: Outcome) => boolean, truth: Truth): Outcome {
  const chosen = outcomes.filter(pick)
  if (chosen.length === 1) return { ...chosen[0]!, truth }
  const decided = new Set<string>()
  const missing = new Set<string>()
  const conclusions = new Set<string>()
  for (const outcome of chosen) {
    outcome.decided.forEach((id) => decided.add(id))
    outcome.missing.forEach((id) => missing.add(id))
    outcome.conclusions.forEach((id) => conclusions.add(id))
  }
  return { truth, decided: [...decided], missing: [...missing], conclusions: [...conclusions] }
}

/** Evaluates a condition with Kleene's three-valued logic, recording what decided it. */
export function evaluateCondition(node: ConditionNode, scope: EvaluationScope): Outcome {
  switch (node.type) {
    case 'and':
    case 'or': {
      const outcomes = node.operands.map((operand) => evaluateCondition(operand, scope))
      // `and` is decided by any false operand, `or` by any true one.
      const decisive: Truth = node.type === 'or'
      // One decisive operand is reason enough: the first is named, to keep the trace short.
      const first = outcomes.find((o) => o.truth === decisive)
      if (first) return first
      if (outcomes.some((o) => o.truth === undefined)) {
        return merge(outcomes, (o) => o.truth === undefined, undefined)
      }
      return merge(outcomes, () => true, !decisive)
    }
    case 'not': {
      const inner = evaluateCondition(node.operand, scope)
      return { ...inner, truth: inner.truth === undefined ? undefined : !inner.truth }
    }
    case 'scenario': {
      const matches = node.scenario.name === scope.scenario
      return { truth: matches !== node.negated, decided: none, missing: none, conclusions: none }
    }
    case 'reference':
      if (scope.isConclusion(node.subject.name)) {
        const outcome = scope.conclusion(node.subject.name)
        // Only the conclusion named here: its own trace names what it relied on in turn, and a
        // chain of conclusions must not copy ever longer lists (issue 17: 50,000 links).
        return { ...outcome, conclusions: [node.subject.name] }
      }
      return questionTest(node, scope)
    case 'is':
    case 'answered':
    case 'contains':
    case 'compare':
      return questionTest(node, scope)
    default:
      return assertNever(node)
  }
}

function questionTest(
  node: Extract<ConditionNode, { subject: unknown }>,
  scope: EvaluationScope,
): Outcome {
  const id = node.subject.name
  const answer = scope.answer(id)
  switch (answer.state) {
    case 'given':
      return leaf(test(node, answer.value), id)
    case 'not-asked':
      return leaf(test(node, undefined), id)
    case 'to-answer':
      // "Is it answered?" has a present answer even while the question waits for one.
      return leaf(node.type === 'answered' ? test(node, undefined) : undefined, id)
    case 'waiting':
      return leaf(undefined, id)
    default:
      return assertNever(answer)
  }
}
