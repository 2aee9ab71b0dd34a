import type { ConditionNode } from '../conditions/ast.ts'
import { maskRange, notAskedBit } from './layout.ts'
import type { Sums } from './sums.ts'
import type { Cube, Terms } from './terms.ts'

/** Steps a proof may take before it gives up (and the explorer searches instead). */
const maxSteps = 20_000
/** Conclusion references followed in one look-ahead before it answers "maybe". */
const maxDepth = 64

/**
 * Whether two conclusions provably never hold on the same walk, shown by following what their
 * holding implies, without multiplying their sums out. `true` is a proof; `false` only means
 * none was found, and the explorer then searches as before.
 *
 * Holding the pair is assumed, and its consequences followed as evaluation defines them
 * (three-valued: a condition holds, fails, or is neither, while a question is open):
 * - `a and b` holds: both hold; it fails: one of them fails (a choice, settled once every other
 *   side is ruled out). `or` is the mirror image, `not` swaps holding and failing;
 * - a conclusion named holds (fails) when its condition does;
 * - a test on a question holds on the answers the explorer's own split allows, and those narrow
 *   the question's possible answers; two tests that leave a question no answer contradict;
 * - a question that must be answered must be asked, so its condition holds (fails, when it can
 *   only be unasked), as the explorer's expansion requires of every walk it lists.
 * Each rule is one the explorer's sums obey, so a contradiction here is one there: the pair's
 * intersection would be empty after expansion. Rulebooks written with `not wrongful-act` or
 * `us-act and not ...` beside the conclusions they exclude are proved apart at once.
 */
export function provablyApart(sums: Sums, first: number, second: number, scenario?: Cube): boolean {
  const { compiled, layout } = sums
  const questionCount = layout.questionCount
  const masks = new Map<number, bigint>()
  const facts = new Map<number, boolean>()
  const askingFollowed = new Set<number>()
  /** Open choices: at least one of these must come out as given. */
  const choices: [ConditionNode, boolean][][] = []
  /** Tests that allow more than one cube: the walk lies in one of each. */
  const someCube: Cube[][] = []
  const pending: [ConditionNode, boolean][] = []
  let steps = 0

  const fullMask = (v: number): bigint => {
    if (v < questionCount) return maskRange(0, layout.values[v]!.length)
    if (v === layout.scenarioVar) return maskRange(0, layout.scenarios.length)
    return 3n // an option of a multiple choice: unticked or ticked
  }
  const maskOf = (v: number) => masks.get(v) ?? fullMask(v)

  /** Narrows a variable; false when no value is left. */
  function narrow(v: number, mask: bigint): boolean {
    const before = maskOf(v)
    const after = before & mask
    if (after === 0n) return false
    if (after === before) return true
    masks.set(v, after)
    if (v < questionCount) {
      const unasked = notAskedBit(layout, v)
      const when = compiled.questions[v]!.when
      if ((after & unasked) === 0n && !askingFollowed.has(v * 2)) {
        askingFollowed.add(v * 2)
        if (when) pending.push([when, true])
      } else if (after === unasked && !askingFollowed.has(v * 2 + 1)) {
        askingFollowed.add(v * 2 + 1)
        // A question without a condition is always asked.
        if (!when) return false
        pending.push([when, false])
      }
    }
    return true
  }

  const consistent = (cube: Cube) => cube.vars.every((v, i) => (maskOf(v) & cube.masks[i]!) !== 0n)

  /** The conclusion a reference names, if it names one. */
  const conclusionOf = (node: ConditionNode) =>
    node.type === 'reference' ? compiled.conclusionIndex.get(node.subject.name) : undefined

  const testOf = (node: ConditionNode, holds: boolean): Terms => {
    const split = sums.test(node)
    return holds ? split.yes : split.no
  }

  /** Records one consequence; false on a contradiction. */
  function assume(node: ConditionNode, holds: boolean): boolean {
    switch (node.type) {
      case 'not':
        pending.push([node.operand, !holds])
        return true
      case 'and':
      case 'or':
        // `and` holding and `or` failing bind every side; the other two leave a choice.
        if ((node.type === 'and') === holds) for (const operand of node.operands) pending.push([operand, holds])
        else choices.push(node.operands.map((operand) => [operand, holds]))
        return true
      default: {
        const c = conclusionOf(node)
        if (c !== undefined) {
          return assumeConclusion(c, holds)
        }
        const terms = testOf(node, holds)
        // A cut sum (never the case for a single test) may have lost cubes: nothing follows.
        if (terms.cut) return true
        if (terms.cubes.length === 0) return false
        if (terms.cubes.length > 1) {
          someCube.push([...terms.cubes])
          return true
        }
        const cube = terms.cubes[0]!
        return cube.vars.every((v, i) => narrow(v, cube.masks[i]!))
      }
    }
  }

  function assumeConclusion(c: number, holds: boolean): boolean {
    const known = facts.get(c)
    if (known !== undefined) return known === holds
    facts.set(c, holds)
    const when = compiled.conclusions[c]!.when
    if (!when) return holds // no condition: it always holds
    pending.push([when, holds])
    return true
  }

  /** Whether the node might still come out as given (false only when it provably cannot). */
  function possible(node: ConditionNode, holds: boolean, depth: number): boolean {
    steps++
    switch (node.type) {
      case 'not':
        return possible(node.operand, !holds, depth)
      case 'and':
      case 'or':
        return (node.type === 'and') === holds
          ? node.operands.every((operand) => possible(operand, holds, depth))
          : node.operands.some((operand) => possible(operand, holds, depth))
      default: {
        const c = conclusionOf(node)
        if (c !== undefined) {
          const known = facts.get(c)
          if (known !== undefined) return known === holds
          const when = compiled.conclusions[c]!.when
          if (!when) return holds
          return depth >= maxDepth || steps > maxSteps || possible(when, holds, depth + 1)
        }
        const terms = testOf(node, holds)
        return terms.cut || terms.cubes.some(consistent)
      }
    }
  }

  /** Follows every consequence until none is new; false on a contradiction. */
  function settle(): boolean {
    for (let changed = true; changed; ) {
      while (pending.length > 0) {
        if (++steps > maxSteps) return true
        const [node, holds] = pending.pop()!
        if (!assume(node, holds)) return false
      }
      changed = false
      for (let k = someCube.length - 1; k >= 0; k--) {
        const left = someCube[k]!.filter(consistent)
        if (left.length === 0) return false
        if (left.length === 1) {
          someCube.splice(k, 1)
          const cube = left[0]!
          if (!cube.vars.every((v, i) => narrow(v, cube.masks[i]!))) return false
          changed = true
        }
      }
      for (let k = choices.length - 1; k >= 0; k--) {
        const open = choices[k]!.filter(([node, holds]) => possible(node, holds, 0))
        if (steps > maxSteps) return true
        if (open.length === 0) return false
        if (open.length === 1) {
          choices.splice(k, 1)
          pending.push(open[0]!)
          changed = true
        }
      }
      if (pending.length > 0) changed = true
    }
    return true
  }

  if (scenario && !scenario.vars.every((v, i) => narrow(v, scenario.masks[i]!))) return true
  // Every conclusion derived here was assumed or follows: a contradiction is a proof, and a
  // step limit reached only stops the search for one.
  return !(assumeConclusion(first, true) && assumeConclusion(second, true) && settle())
}
