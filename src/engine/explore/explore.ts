import type { CompiledRulebook } from '../compile.ts'
import type { ConclusionKind } from '../generated/rulebook.ts'
import { createSums, type ExploreLimits, type Sums } from './sums.ts'
import { intersection, literal, simplify, type Cube, type Terms } from './terms.ts'
import { answerSetOf, completeFeasible, feasible, type AnswerSet } from './answer-sets.ts'
import { notAskedBit } from './layout.ts'
import { provablyApart } from './apart.ts'

/** Likely mistakes the explorer finds in one conclusion. */
export type ConclusionWarning =
  /** No walk makes it hold. */
  | 'never-holds'
  /** No walk makes it fail. */
  | 'never-fails'
  /** It fails only while questions are left unanswered: every complete walk makes it hold. */
  | 'always-holds'

/** Where one conclusion can go: minimal answer sets for holding and for failing. */
export interface ConclusionPaths {
  id: string
  index: number
  kind: ConclusionKind
  /** Scenarios in which some walk makes it hold. */
  scenarios: string[]
  holds: AnswerSet[]
  fails: AnswerSet[]
  /** It holds on some partial walk, but on no complete one (a reminder, such as `q is unanswered`). */
  holdsOnlyWhileUnanswered: boolean
  warnings: ConclusionWarning[]
  /** False when a budget cut the search: the sets listed are right, but there may be more. */
  complete: boolean
}

/** Two conclusions that hold together, and the minimal answer sets on which they do. */
export interface Clash {
  /** Index of the conclusion that declares `contradicts` (or the lawful one). */
  first: number
  second: number
  /** `contradicts`: declared by the author; `lawful-unlawful`: a lawful and an unlawful conclusion. */
  reason: 'contradicts' | 'lawful-unlawful'
  sets: AnswerSet[]
  complete: boolean
}

/** A question's reach: whether some walk asks it. */
export interface QuestionReach {
  index: number
  /** `unknown` only when the budget cut the search before an answer. */
  asked: 'yes' | 'never' | 'unknown'
}

export interface Exploration {
  conclusions: ConclusionPaths[]
  clashes: Clash[]
  questions: QuestionReach[]
  /** How much was explored, and whether any search was cut short. */
  explored: { work: number; maxWork: number; maxCubes: number; cut: boolean }
}

export interface ExploreOptions extends ExploreLimits {
  /** Only walks on this scenario. */
  scenario?: string
  /** Skip contradictions and lawful/unlawful pairs (reachability only). */
  skipClashes?: boolean
  /** Skip minimal sets (only what reachability needs). */
  reachabilityOnly?: boolean
}

/** The cubes of a sum that some walk can take, restricted to a scenario if asked. */
function usable(sums: Sums, terms: Terms, scenarioCube: Cube | undefined, first = false): { cubes: Cube[]; cut: boolean } {
  const scoped = scenarioCube ? intersection([terms, { cubes: [scenarioCube], cut: false }], sums.budget) : terms
  const expanded = sums.expand(scoped, { first, accept: (cube) => feasible(sums.layout, cube) })
  return { cubes: [...expanded.cubes], cut: expanded.cut || scoped.cut }
}

/** Orders answer sets: fewest answers first, then by the questions they name. */
function sortBySize(sets: AnswerSet[]): AnswerSet[] {
  const keyed = sets.map((set) => ({ set, size: set.answers.length, numbers: set.answers.map((x) => x.number) }))
  keyed.sort((a, b) => {
    if (a.size !== b.size) return a.size - b.size
    for (let i = 0; i < a.numbers.length; i++) if (a.numbers[i] !== b.numbers[i]) return a.numbers[i]! - b.numbers[i]!
    return 0
  })
  return keyed.map((entry) => entry.set)
}

/**
 * A fully expanded cube without its "not asked" constraints. Expansion supported each of them
 * with earlier answers the cube names, so they add nothing to the walks it stands for, and a set
 * does not show them: kept, two cubes reaching the same answers through different unasked
 * questions would be listed as the same set twice, and a set would hide that another covers it.
 */
function withoutUnasked(layout: Sums['layout'], cube: Cube): Cube {
  let hidden = 0
  for (let i = 0; i < cube.vars.length; i++) {
    const v = cube.vars[i]!
    if (v < layout.questionCount && cube.masks[i] === notAskedBit(layout, v)) hidden++
  }
  if (hidden === 0) return cube
  const vars: number[] = []
  const masks: bigint[] = []
  for (let i = 0; i < cube.vars.length; i++) {
    const v = cube.vars[i]!
    if (v < layout.questionCount && cube.masks[i] === notAskedBit(layout, v)) continue
    vars.push(v)
    masks.push(cube.masks[i]!)
  }
  return { vars, masks }
}

/** Readable sets from expanded cubes, each once, smallest first; the scenario is left out when fixed. */
function setsOf(sums: Sums, cubes: Cube[], scenario: string | undefined): AnswerSet[] {
  const sets = simplify(cubes.map((cube) => withoutUnasked(sums.layout, cube)))
    .map((cube) => answerSetOf(sums, cube))
    .map((set) => (scenario ? { answers: set.answers } : set))
  return sortBySize(sets)
}

/**
 * Explores every walk of a rulebook symbolically: for each conclusion, the scenarios where it can
 * hold and the minimal sets of answers on which it holds and on which it fails; which questions
 * can be asked; and conclusions that hold together though they must not (declared contradictions,
 * and lawful with unlawful). The rulebook must be free of errors.
 */
export function explore(compiled: CompiledRulebook, options: ExploreOptions = {}): Exploration {
  const sums = createSums(compiled, options)
  const { layout } = sums
  const scenarioBit = options.scenario === undefined ? -1 : layout.scenarios.indexOf(options.scenario)
  const scenarioCube = scenarioBit >= 0 ? literal(layout.scenarioVar, 1n << BigInt(scenarioBit)) : undefined

  const questions: QuestionReach[] = compiled.questions.map(({ index }) => {
    const reach = usable(sums, sums.question(index).yes, scenarioCube, true)
    const asked = reach.cubes.length > 0 ? 'yes' : reach.cut ? 'unknown' : 'never'
    return { index, asked }
  })

  const conclusions: ConclusionPaths[] = compiled.conclusions.map(({ conclusion, index }) => {
    const split = sums.conclusion(index)
    const yesTerms = usable(sums, split.yes, scenarioCube, options.reachabilityOnly)
    const noTerms = usable(sums, split.no, scenarioCube, options.reachabilityOnly)
    const [yes, no] = [yesTerms.cubes, noTerms.cubes]
    const warnings: ConclusionWarning[] = []
    if (yes.length === 0 && !yesTerms.cut) warnings.push('never-holds')
    if (no.length === 0 && !noTerms.cut) warnings.push('never-fails')
    else if (!noTerms.cut && yes.length > 0 && !no.some((cube) => completeFeasible(layout, cube))) warnings.push('always-holds')
    const scenarios = layout.scenarios.filter((_, k) =>
      yes.some((cube) => {
        const at = cube.vars.indexOf(layout.scenarioVar)
        return at < 0 || (cube.masks[at]! & (1n << BigInt(k))) !== 0n
      }),
    )
    return {
      id: conclusion.id,
      index,
      kind: conclusion.kind,
      scenarios,
      holds: options.reachabilityOnly ? [] : setsOf(sums, yes, options.scenario),
      fails: options.reachabilityOnly ? [] : setsOf(sums, no, options.scenario),
      holdsOnlyWhileUnanswered: yes.length > 0 && !yes.some((cube) => completeFeasible(layout, cube)),
      warnings,
      complete: !yesTerms.cut && !noTerms.cut,
    }
  })

  const clashes: Clash[] = []
  if (!options.skipClashes) {
    for (const [first, second, reason] of clashPairs(compiled)) {
      const clash = findClash(sums, first, second, reason, { scenario: options.scenario })
      if (clash) clashes.push(clash)
    }
  }

  const { budget } = sums
  return {
    conclusions,
    clashes,
    questions,
    explored: { work: budget.work, maxWork: budget.maxWork, maxCubes: budget.maxCubes, cut: budget.cut },
  }
}

/**
 * The minimal answer sets on which two conclusions hold together, or undefined when there are
 * none. With `firstOnly`, stops at the first set found (enough to warn, and cheap).
 */
export function findClash(
  sums: Sums,
  first: number,
  second: number,
  reason: Clash['reason'],
  options: { scenario?: string; firstOnly?: boolean } = {},
): Clash | undefined {
  const { layout } = sums
  const scenarioBit = options.scenario === undefined ? -1 : layout.scenarios.indexOf(options.scenario)
  const scenarioCube = scenarioBit >= 0 ? literal(layout.scenarioVar, 1n << BigInt(scenarioBit)) : undefined
  // Most pairs never hold together, and a short proof usually shows it: the product of their
  // sums, often thousands of meetings, is then never built.
  if (provablyApart(sums, first, second, scenarioCube)) return undefined
  const a = sums.conclusion(first).yes
  const b = sums.conclusion(second).yes
  const both = intersection([a, b, ...(scenarioCube ? [{ cubes: [scenarioCube], cut: false }] : [])], sums.budget)
  // Smallest cubes first, so that a single example found is a short one.
  const sorted = { cubes: [...both.cubes].sort((p, q) => p.vars.length - q.vars.length), cut: both.cut }
  const expanded = sums.expand(sorted, { first: options.firstOnly === true, accept: (cube) => feasible(layout, cube) })
  if (expanded.cubes.length === 0 && !expanded.cut) return undefined
  return {
    first,
    second,
    reason,
    sets: setsOf(sums, [...expanded.cubes], options.scenario),
    complete: !expanded.cut && options.firstOnly !== true,
  }
}

/**
 * The pairs to check: every declared `contradicts` (once per pair, whichever side declares it),
 * and every lawful conclusion with every unlawful one unless either lists the other as `compatible`.
 */
export function clashPairs(compiled: CompiledRulebook): [number, number, Clash['reason']][] {
  const { conclusionIndex } = compiled
  const seen = new Set<string>()
  const key = (a: number, b: number) => (a < b ? `${a} ${b}` : `${b} ${a}`)
  const pairs: [number, number, Clash['reason']][] = []
  for (const { conclusion, index } of compiled.conclusions) {
    for (const id of conclusion.contradicts ?? []) {
      const other = conclusionIndex.get(id)
      if (other === undefined || other === index || seen.has(key(index, other))) continue
      seen.add(key(index, other))
      pairs.push([index, other, 'contradicts'])
    }
  }
  const compatible = new Set<string>()
  for (const { conclusion, index } of compiled.conclusions) {
    for (const id of conclusion.compatible ?? []) {
      const other = conclusionIndex.get(id)
      if (other !== undefined) compatible.add(key(index, other))
    }
  }
  const lawful = compiled.conclusions.filter((c) => c.conclusion.kind === 'lawful')
  const unlawful = compiled.conclusions.filter((c) => c.conclusion.kind === 'unlawful')
  for (const a of lawful) {
    for (const b of unlawful) {
      const pair = key(a.index, b.index)
      if (seen.has(pair) || compatible.has(pair)) continue
      pairs.push([a.index, b.index, 'lawful-unlawful'])
    }
  }
  return pairs
}
