import type { AnswerValue } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import type { ConditionNode } from './conditions/ast.ts'
import { subjectsOf } from './conditions/dependencies.ts'
import { evaluateCondition, type AnswerState, type EvaluationScope, type Outcome } from './conditions/evaluate.ts'

/** Above these sizes a condition is assumed reachable rather than searched exhaustively. */
const maxVariables = 10
const maxAssignments = 20_000

const undetermined: Outcome = { truth: undefined, decided: [], missing: [], conclusions: [] }

/**
 * Finds questions that can never be asked and conclusions that can never hold, by trying every
 * combination of answers to the questions they depend on (directly, through conclusions, and
 * through those questions' own conditions). Conditions that depend on too many questions to try
 * exhaustively are assumed reachable.
 */
export function findUnreachable(compiled: CompiledRulebook): { questions: number[]; conclusions: number[] } {
  const { questionIndex, conclusionIndex } = compiled
  const neverAsked = new Set<number>()
  const comparisonBounds = collectComparisonBounds(compiled)
  // `scenario is x` tests are satisfiable by choosing the scenario: each is tried.
  const scenarios = compiled.rulebook.scenarios.map((s) => s.id)

  /** The questions a condition depends on, transitively; undefined when there are too many. */
  function variablesOf(node: ConditionNode): number[] | undefined {
    const found = new Set<number>()
    const seenConclusions = new Set<number>()
    const pending: ConditionNode[] = [node]
    while (pending.length > 0) {
      for (const subject of subjectsOf(pending.pop()!)) {
        const q = questionIndex.get(subject.name)
        const c = conclusionIndex.get(subject.name)
        if (q !== undefined && !found.has(q)) {
          found.add(q)
          if (found.size > maxVariables) return undefined
          const when = compiled.questions[q]!.when
          if (when) pending.push(when)
        } else if (c !== undefined && !seenConclusions.has(c)) {
          seenConclusions.add(c)
          const when = compiled.conclusions[c]!.when
          if (when) pending.push(when)
        }
      }
    }
    return [...found].sort((a, b) => a - b)
  }

  function domainOf(index: number): (AnswerValue | undefined)[] {
    if (neverAsked.has(index)) return [undefined]
    const { question, options } = compiled.questions[index]!
    switch (question.answer.kind) {
      case 'yes-no':
      case 'single-choice':
        return [...options, undefined]
      case 'multiple-choice':
        return [...options.map((o) => [o]), [...options], undefined]
      case 'scale': {
        const { min = 0, max = 10 } = question.answer
        const values = new Set<number>([min, max])
        for (const bound of comparisonBounds.get(question.id) ?? []) {
          for (const v of [bound - 1, bound, bound + 1]) if (v >= min && v <= max) values.add(v)
        }
        return [...values, undefined]
      }
      case 'free-text':
        return ['an answer', undefined]
    }
  }

  /** Whether some combination of answers makes the condition true. */
  function satisfiable(node: ConditionNode): boolean {
    const variables = variablesOf(node)
    if (!variables) return true
    const domains = variables.map(domainOf)
    if (domains.reduce((n, d) => n * d.length, 1) > maxAssignments) return true
    const choice = variables.map(() => 0)
    for (;;) {
      if (scenarios.some((scenario) => holds(node, variables, domains, choice, scenario))) return true
      let position = 0
      while (position < choice.length && ++choice[position]! === domains[position]!.length) {
        choice[position] = 0
        position++
      }
      if (position === choice.length) return false
    }
  }

  function holds(
    node: ConditionNode,
    variables: number[],
    domains: (AnswerValue | undefined)[][],
    choice: number[],
    scenario: string,
  ): boolean {
    const states = new Map<number, AnswerState>()
    const conclusions = new Map<number, Outcome>()
    const scope: EvaluationScope = {
      scenario,
      lineage: compiled.scenarios.get(scenario)?.lineage,
      answer: (id) => states.get(questionIndex.get(id) ?? -1) ?? { state: 'waiting' },
      conclusion(id) {
        const index = conclusionIndex.get(id)
        if (index === undefined) return undefined as never
        const known = conclusions.get(index)
        if (known) return known
        conclusions.set(index, undetermined)
        const when = compiled.conclusions[index]!.when
        const outcome = when ? evaluateCondition(when, scope) : undetermined
        conclusions.set(index, outcome)
        return outcome
      },
      isConclusion: (id) => conclusionIndex.has(id),
    }
    variables.forEach((index, position) => {
      const when = compiled.questions[index]!.when
      const asked = when ? evaluateCondition(when, scope).truth : true
      const value = domains[position]![choice[position]!]
      states.set(
        index,
        asked === true
          ? value === undefined
            ? { state: 'to-answer' }
            : { state: 'given', value }
          : asked === false
            ? { state: 'not-asked' }
            : { state: 'waiting' },
      )
    })
    return evaluateCondition(node, scope).truth === true
  }

  const questions: number[] = []
  for (const { index, when } of compiled.questions) {
    if (when && !satisfiable(when)) {
      neverAsked.add(index)
      questions.push(index)
    }
  }
  const conclusions = compiled.conclusions
    .filter(({ when }) => when && !satisfiable(when))
    .map(({ index }) => index)
  return { questions, conclusions }
}

/** The numbers each scale question is compared with anywhere, to try values on both sides. */
function collectComparisonBounds(compiled: CompiledRulebook): Map<string, number[]> {
  const bounds = new Map<string, number[]>()
  const visit = (node: ConditionNode): void => {
    if (node.type === 'compare') {
      bounds.set(node.subject.name, [...(bounds.get(node.subject.name) ?? []), node.value])
    } else if (node.type === 'and' || node.type === 'or') {
      node.operands.forEach(visit)
    } else if (node.type === 'not') {
      visit(node.operand)
    }
  }
  compiled.questions.forEach((q) => q.when && visit(q.when))
  compiled.conclusions.forEach((c) => c.when && visit(c.when))
  return bounds
}
