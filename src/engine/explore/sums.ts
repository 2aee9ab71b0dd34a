import type { CompiledRulebook } from '../compile.ts'
import { assertNever, type ConditionNode } from '../conditions/ast.ts'
import { subjectsOf } from '../conditions/dependencies.ts'
import { compareNumbers, layoutOf, maskRange, unansweredBit, type Layout } from './layout.ts'
import { always, createBudget, intersection, literal, never, union, type Budget, type Terms } from './terms.ts'

/** A condition's walks, split three ways as evaluation does: where it is true, where false. */
export interface Split {
  /** Partial walks on which it is true (holds, or the question is asked). */
  yes: Terms
  /** Partial walks on which it is false (fails, or the question is skipped). */
  no: Terms
}

/** The explorer's limits; past them, sums are cut and say so. */
export interface ExploreLimits {
  /** Cubes kept for one condition (default 2,000). */
  maxCubes?: number
  /** Cube meetings in all (default 3,000,000). */
  maxWork?: number
}

/**
 * The sums of every question's asking and every conclusion's holding, computed on demand in
 * dependency order (without recursion, so a chain of 50,000 conclusions costs 50,000 steps), each
 * once.
 */
export interface Sums {
  compiled: CompiledRulebook
  layout: Layout
  budget: Budget
  /** Walks on which the question is asked, and on which it is not. */
  question(index: number): Split
  /** Walks on which the conclusion holds, and on which it fails. */
  conclusion(index: number): Split
}

const alwaysAsked: Split = { yes: always, no: never }

export function createSums(compiled: CompiledRulebook, limits: ExploreLimits = {}): Sums {
  const layout = layoutOf(compiled)
  const budget = createBudget(limits.maxCubes ?? 2000, limits.maxWork ?? 3_000_000)
  const { questionIndex, conclusionIndex } = compiled
  const questionCount = compiled.questions.length
  const memo: (Split | undefined)[] = new Array(questionCount + compiled.conclusions.length)

  const whenOf = (node: number) =>
    node < questionCount ? compiled.questions[node]!.when : compiled.conclusions[node - questionCount]!.when

  /** Nodes a node's condition needs first: questions tested (for their asking) and conclusions. */
  const dependencies = (node: number): number[] => {
    const when = whenOf(node)
    if (!when) return []
    const found: number[] = []
    for (const subject of subjectsOf(when)) {
      const q = questionIndex.get(subject.name)
      const c = conclusionIndex.get(subject.name)
      if (q !== undefined) found.push(q)
      else if (c !== undefined) found.push(questionCount + c)
    }
    return found
  }

  /** Computes a node after every node it depends on, with an explicit stack. */
  function ensure(root: number): Split {
    const known = memo[root]
    if (known) return known
    const stack: { node: number; deps: number[]; next: number }[] = [{ node: root, deps: dependencies(root), next: 0 }]
    const onStack = new Set<number>([root])
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      if (top.next < top.deps.length) {
        const dep = top.deps[top.next++]!
        // A cycle cannot occur in a rulebook without errors; guard anyway.
        if (memo[dep] || onStack.has(dep)) continue
        onStack.add(dep)
        stack.push({ node: dep, deps: dependencies(dep), next: 0 })
        continue
      }
      stack.pop()
      onStack.delete(top.node)
      memo[top.node] = compute(top.node)
    }
    return memo[root]!
  }

  function compute(node: number): Split {
    const when = whenOf(node)
    if (!when) return alwaysAsked
    return split(when)
  }

  const none: Split = { yes: never, no: never }
  const get = (node: number): Split => memo[node] ?? none

  function split(node: ConditionNode): Split {
    switch (node.type) {
      case 'and': {
        const parts = node.operands.map(split)
        return { yes: intersection(parts.map((p) => p.yes), budget), no: union(parts.map((p) => p.no), budget) }
      }
      case 'or': {
        const parts = node.operands.map(split)
        return { yes: union(parts.map((p) => p.yes), budget), no: intersection(parts.map((p) => p.no), budget) }
      }
      case 'not': {
        const inner = split(node.operand)
        return { yes: inner.no, no: inner.yes }
      }
      case 'scenario': {
        const position = layout.scenarios.indexOf(node.scenario.name)
        const match = position < 0 ? 0n : 1n << BigInt(position)
        const all = maskRange(0, layout.scenarios.length)
        const yesMask = node.negated ? all & ~match : match
        const noMask = all & ~yesMask
        return {
          yes: yesMask === 0n ? never : { cubes: [literal(layout.scenarioVar, yesMask)], cut: false },
          no: noMask === 0n ? never : { cubes: [literal(layout.scenarioVar, noMask)], cut: false },
        }
      }
      case 'reference': {
        const c = conclusionIndex.get(node.subject.name)
        if (c !== undefined) return get(questionCount + c)
        return questionTest(node)
      }
      case 'is':
      case 'answered':
      case 'contains':
      case 'compare':
        return questionTest(node)
      default:
        return assertNever(node)
    }
  }

  /** A test on a question: its answer when asked, or what an unasked question counts as. */
  function questionTest(node: Extract<ConditionNode, { subject: unknown }>): Split {
    const q = questionIndex.get(node.subject.name)
    if (q === undefined) return none
    const given = givenSplit(node, q)
    const asking = get(q)
    const unaskedTrue = whenNotAsked(node)
    const yes = union([intersection([asking.yes, given.yes], budget), unaskedTrue ? asking.no : never], budget)
    const no = union([intersection([asking.yes, given.no], budget), unaskedTrue ? never : asking.no], budget)
    return { yes, no }
  }

  /** How the test comes out on an asked question, by its answer state (unanswered included). */
  function givenSplit(node: Extract<ConditionNode, { subject: unknown }>, q: number): Split {
    const labels = layout.values[q]!
    const answers = maskRange(1, labels.length)
    const sum = (mask: bigint): Terms => (mask === 0n ? never : { cubes: [literal(q, mask)], cut: false })
    const byMask = (yesMask: bigint, noMask: bigint): Split => ({ yes: sum(yesMask), no: sum(noMask) })
    switch (node.type) {
      case 'reference':
        return byMask(bitOf(labels, 'yes'), bitOf(labels, 'no'))
      case 'is': {
        let match = 0n
        for (const option of node.options) match |= bitOf(labels, option.name)
        const yesMask = node.negated ? answers & ~match : match
        return byMask(yesMask, answers & ~yesMask)
      }
      case 'answered':
        return node.negated ? byMask(unansweredBit, answers) : byMask(answers, unansweredBit)
      case 'compare': {
        let yesMask = 0n
        const ranges = layout.ranges[q]!
        for (let k = 1; k < labels.length; k++) {
          const range = ranges[k]
          if (range && compareNumbers(range[0], node.operator, node.value)) yesMask |= 1n << BigInt(k)
        }
        return byMask(yesMask, answers & ~yesMask)
      }
      case 'contains': {
        const vars = layout.optionVars[q]
        if (!vars) return none
        const options = compiled.questions[q]!.options
        const answered = literal(q, 2n)
        const optionCube = (name: string, ticked: boolean) => {
          const k = options.indexOf(name)
          return k < 0 ? undefined : literal(vars[k]!, ticked ? 2n : 1n)
        }
        const each = (ticked: boolean): Terms => ({
          cubes: node.options.flatMap((o) => {
            const cube = optionCube(o.name, ticked)
            return cube ? [cube] : []
          }).map((cube) => ({ vars: [q, ...cube.vars], masks: [2n, ...cube.masks] })),
          cut: false,
        })
        const all = (ticked: boolean): Terms =>
          intersection([{ cubes: [answered], cut: false }, ...node.options.map((o) => {
            const cube = optionCube(o.name, ticked)
            return cube ? { cubes: [cube], cut: false } : never
          })], budget)
        return node.mode === 'all' ? { yes: all(true), no: each(false) } : { yes: each(true), no: all(false) }
      }
      default:
        return assertNever(node)
    }
  }

  return {
    compiled,
    layout,
    budget,
    question: (index) => ensure(index),
    conclusion: (index) => ensure(questionCount + index),
  }
}

function bitOf(labels: readonly string[], value: string): bigint {
  const position = labels.indexOf(value)
  return position < 1 ? 0n : 1n << BigInt(position)
}

/** What a test on a question that is not asked comes to: it has no answer at all. */
function whenNotAsked(node: Extract<ConditionNode, { subject: unknown }>): boolean {
  switch (node.type) {
    case 'reference':
    case 'contains':
      return false
    case 'is':
    case 'answered':
      return node.negated
    case 'compare':
      return node.operator === '!='
    default:
      return assertNever(node)
  }
}
