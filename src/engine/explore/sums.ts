import type { CompiledRulebook } from '../compile.ts'
import { assertNever, type ConditionNode } from '../conditions/ast.ts'
import { subjectsOf } from '../conditions/dependencies.ts'
import { answerBits, compareNumbers, layoutOf, maskRange, notAskedBit, unansweredBit, type Layout } from './layout.ts'
import { absorb, always, createBudget, intersection, literal, meet, never, union, type Budget, type Cube, type Terms } from './terms.ts'

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
  /** Steps spent adding the answers that make questions asked, per sum expanded (default 200,000). */
  maxExpand?: number
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
  /** Walks on which a test of a question or of the scenario (not a conclusion's name) is true, and false. */
  test(node: ConditionNode): Split
  /** The same walks, each cube with the answers that make its questions asked or not: only walks that exist. */
  expand(terms: Terms, options?: { first?: boolean; accept?: (cube: Cube) => boolean }): Terms
}

const alwaysAsked: Split = { yes: always, no: never }

export function createSums(compiled: CompiledRulebook, limits: ExploreLimits = {}): Sums {
  const layout = layoutOf(compiled)
  const budget = createBudget(limits.maxCubes ?? 2000, limits.maxWork ?? 3_000_000, limits.maxExpand ?? 200_000)
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
        // `scenario is dock-strike` also holds in the variations that extend it.
        let match = 0n
        layout.scenarios.forEach((id, position) => {
          const lineage = compiled.scenarios.get(id)?.lineage ?? [id]
          if (lineage.includes(node.scenario.name)) match |= 1n << BigInt(position)
        })
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

  /**
   * A test on a question, as values of its variable: the answers that make it true or false when
   * asked, and "not asked" on the side an unasked question counts as (it has no answer). A
   * question whose asking is still open (waiting) makes the test undetermined: in neither sum.
   */
  function questionTest(node: Extract<ConditionNode, { subject: unknown }>): Split {
    const q = questionIndex.get(node.subject.name)
    if (q === undefined) return none
    const given = givenSplit(node, q)
    const unasked = notAskedBit(layout, q)
    // "Not asked" joins the side it counts for; a one-literal cube on this question takes it
    // into its own values, so each test stays one cube a side.
    const add = (terms: Terms): Terms => {
      const single = terms.cubes.length === 1 && terms.cubes[0]!.vars.length === 1 && terms.cubes[0]!.vars[0] === q
      if (single) return { cubes: [literal(q, terms.cubes[0]!.masks[0]! | unasked)], cut: terms.cut }
      return union([terms, { cubes: [literal(q, unasked)], cut: false }], budget)
    }
    return whenNotAsked(node) ? { yes: add(given.yes), no: given.no } : { yes: given.yes, no: add(given.no) }
  }

  /** How the test comes out on an asked question, by its answer state (unanswered included). */
  function givenSplit(node: Extract<ConditionNode, { subject: unknown }>, q: number): Split {
    const labels = layout.values[q]!
    const answers = answerBits(layout, q)
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

  const keyOf = (cube: Cube, below: number) => {
    let key = `${below}`
    for (let i = 0; i < cube.vars.length; i++) {
      const v = cube.vars[i]!
      if (v < below || v >= questionCount) key += `|${v}:${cube.masks[i]!.toString(36)}`
    }
    return key
  }

  /**
   * Supported walks on which a question is asked (side 0) or not asked (side 1): its asking
   * condition's cubes, each with the earlier answers that make the questions it names asked or
   * not as it says. Worked out once per question and side, smallest question first, and shared
   * by every expansion of these sums.
   */
  const supportMemo: (Terms | undefined)[] = new Array(questionCount * 2)
  const sidesOf = (q: number, mask: bigint): number[] => {
    const unasked = notAskedBit(layout, q)
    const sides: number[] = []
    if ((mask & ~unasked) !== 0n) sides.push(0)
    if ((mask & unasked) !== 0n) sides.push(1)
    return sides
  }

  /** Makes sure the supports a sum needs are known, computing the missing ones bottom up. */
  function prepareSupports(terms: Terms, work: Budget): void {
    const needed = new Set<number>()
    const pending: number[] = []
    const need = (cubes: readonly Cube[]) => {
      for (const cube of cubes) {
        for (let i = 0; i < cube.vars.length; i++) {
          const v = cube.vars[i]!
          if (v >= questionCount) continue
          for (const side of sidesOf(v, cube.masks[i]!)) {
            const slot = v * 2 + side
            if (supportMemo[slot] || needed.has(slot)) continue
            needed.add(slot)
            pending.push(slot)
          }
        }
      }
    }
    need(terms.cubes)
    while (pending.length > 0) {
      const slot = pending.pop()!
      const asking = ensure(slot >> 1)
      need((slot & 1 ? asking.no : asking.yes).cubes)
    }
    // A support names only earlier questions: in increasing order, each finds its own ready.
    for (const slot of [...needed].sort((a, b) => a - b)) {
      const asking = ensure(slot >> 1)
      supportMemo[slot] = supportTerms(slot & 1 ? asking.no : asking.yes, work)
    }
  }

  /** The walks of a sum with every question it names supported (its supports already known). */
  function supportTerms(terms: Terms, work: Budget): Terms {
    const parts: Terms[] = []
    for (const cube of terms.cubes) {
      parts.push(supportCube(cube, work))
      if (work.work >= work.maxWork) break
    }
    const result = union(parts, work)
    return terms.cut && !result.cut ? { cubes: result.cubes, cut: true } : result
  }

  /**
   * One cube with each question it names supported: the cube times each question's support (for
   * the side, asked or not, that the cube allows), latest question first. Starting from the whole
   * cube prunes at once every support that clashes with another of its answers.
   */
  function supportCube(cube: Cube, work: Budget): Terms {
    const factors: Terms[] = [{ cubes: [cube], cut: false }]
    for (let i = cube.vars.length - 1; i >= 0; i--) {
      const v = cube.vars[i]!
      if (v >= questionCount) continue
      const mask = cube.masks[i]!
      const unasked = notAskedBit(layout, v)
      const ways: Terms[] = []
      for (const side of sidesOf(v, mask)) {
        const support = supportMemo[v * 2 + side]!
        const own: Terms = { cubes: [literal(v, side === 0 ? mask & ~unasked : mask & unasked)], cut: false }
        ways.push(intersection([own, support], work))
      }
      factors.push(union(ways, work))
    }
    return intersection(factors, work)
  }

  /**
   * Adds to each cube the earlier answers that make its questions asked (or not asked) as it
   * says, so that every cube left describes walks that exist: each question's support (its
   * asking condition's walks, themselves supported) is worked out once, and a cube's walks are
   * the product of its own literals with the supports of the questions it names, absorbed at
   * each step. `accept` filters finished cubes; `first` stops at the first accepted one (by a
   * search, see `expandFirst`). Work is bounded per call (at most `maxExpand` meetings), and a
   * cut result says so.
   */
  function expand(terms: Terms, options: { first?: boolean; accept?: (cube: Cube) => boolean } = {}): Terms {
    if (options.first) return expandFirst(terms, options.accept)
    // Expansion has its own allowance per call (`maxExpand` meetings), as a search would, so
    // that sums reused across many calls (a panel asking about one conclusion after another)
    // never run out of it.
    const work = createBudget(budget.maxCubes, budget.maxExpand)
    prepareSupports(terms, work)
    const supported = supportTerms(terms, work)
    const cut = supported.cut || work.cut || terms.cut
    if (cut) budget.cut = true
    const cubes = options.accept ? supported.cubes.filter(options.accept) : [...supported.cubes]
    return { cubes: absorb(cubes), cut }
  }

  /**
   * The first supported cube that `accept` takes, by a depth-first search that remembers the
   * states it searched in vain: reachability needs one walk, not all of them, and the first is
   * usually found at once where listing every way a question can be skipped would cost far more.
   */
  function expandFirst(terms: Terms, accept: ((cube: Cube) => boolean) | undefined): Terms {
    const found: Cube[] = []
    let cut = terms.cut
    let steps = 0
    const limit = budget.maxExpand
    const failed = new Set<string>()
    const visit = (cube: Cube, below: number): boolean => {
      if (++steps > limit) {
        cut = true
        return true
      }
      const key = below === Infinity ? undefined : keyOf(cube, below)
      if (key !== undefined && failed.has(key)) return false
      const done = search(cube, below)
      if (!done && key !== undefined) failed.add(key)
      return done
    }
    const search = (cube: Cube, below: number): boolean => {
      // The latest question the cube names that is not yet supported.
      let position = -1
      for (let i = cube.vars.length - 1; i >= 0; i--) {
        const v = cube.vars[i]!
        if (v < questionCount && v < below) {
          position = i
          break
        }
      }
      if (position < 0) {
        if (accept && !accept(cube)) return false
        found.push(cube)
        return true
      }
      const q = cube.vars[position]!
      const mask = cube.masks[position]!
      const unasked = notAskedBit(layout, q)
      const asking = ensure(q)
      for (const [part, support] of [
        [mask & ~unasked, asking.yes],
        [mask & unasked, asking.no],
      ] as const) {
        if (part === 0n) continue
        cut ||= support.cut
        const masks = [...cube.masks]
        masks[position] = part
        const narrowed: Cube = { vars: cube.vars, masks }
        const extras = support.cubes
        for (let k = 0; k < extras.length; k++) {
          const met = meet(narrowed, extras[k]!)
          if (met && visit(met, q)) return true
        }
      }
      return false
    }
    for (const cube of terms.cubes) if (visit(cube, Infinity)) break
    if (cut) budget.cut = true
    return { cubes: found, cut }
  }

  return {
    compiled,
    layout,
    budget,
    question: (index) => ensure(index),
    conclusion: (index) => ensure(questionCount + index),
    test: (node) => (node.type === 'scenario' ? split(node) : 'subject' in node ? questionTest(node) : none),
    expand,
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
