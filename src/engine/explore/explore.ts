import type { CompiledRulebook } from '../compile.ts'
import type { ConclusionKind } from '../generated/rulebook.ts'
import { createSums, type ExploreLimits, type Sums } from './sums.ts'
import { intersection, literal, meet, simplify, type Cube, type Terms } from './terms.ts'
import { answerSetOf, completeFeasible, feasible, type AnswerSet } from './answer-sets.ts'

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
function usable(sums: Sums, terms: Terms, scenarioCube: Cube | undefined): Cube[] {
  const cubes = scenarioCube ? intersection([terms, { cubes: [scenarioCube], cut: false }], sums.budget).cubes : terms.cubes
  return cubes.filter((cube) => feasible(sums.layout, cube))
}

/** Orders answer sets: fewest answers first, then by the questions they name. */
function bySize(a: AnswerSet, b: AnswerSet): number {
  return (
    a.answers.length - b.answers.length ||
    a.answers.map((x) => x.number).join(',').localeCompare(b.answers.map((x) => x.number).join(','), 'en', { numeric: true })
  )
}

/** Readable, deduplicated sets from cubes, smallest first; the scenario is left out when fixed. */
function setsOf(sums: Sums, cubes: Cube[], scenario: string | undefined): AnswerSet[] {
  return simplify(cubes)
    .map((cube) => answerSetOf(sums, cube))
    .map((set) => (scenario ? { answers: set.answers } : set))
    .sort(bySize)
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
    const terms = sums.question(index).yes
    const asked = usable(sums, terms, scenarioCube).length > 0 ? 'yes' : terms.cut ? 'unknown' : 'never'
    return { index, asked }
  })

  const conclusions: ConclusionPaths[] = compiled.conclusions.map(({ conclusion, index }) => {
    const split = sums.conclusion(index)
    const yes = usable(sums, split.yes, scenarioCube)
    const no = usable(sums, split.no, scenarioCube)
    const warnings: ConclusionWarning[] = []
    if (yes.length === 0 && !split.yes.cut) warnings.push('never-holds')
    if (no.length === 0 && !split.no.cut) warnings.push('never-fails')
    else if (!split.no.cut && yes.length > 0 && !no.some((cube) => completeFeasible(layout, cube))) warnings.push('always-holds')
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
      complete: !split.yes.cut && !split.no.cut,
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
  const a = sums.conclusion(first).yes
  const b = sums.conclusion(second).yes
  if (options.firstOnly) {
    // Smallest cubes first, so that the one example found is a short one.
    const small = (cubes: readonly Cube[]) => [...cubes].sort((p, q) => p.vars.length - q.vars.length)
    for (const x of small(a.cubes)) {
      for (const y of small(b.cubes)) {
        let met = meet(x, y)
        if (met && scenarioCube) met = meet(met, scenarioCube)
        if (met && feasible(layout, met)) {
          return { first, second, reason, sets: setsOf(sums, [met], options.scenario), complete: false }
        }
      }
    }
    return a.cut || b.cut ? { first, second, reason, sets: [], complete: false } : undefined
  }
  const both = intersection([a, b, ...(scenarioCube ? [{ cubes: [scenarioCube], cut: false }] : [])], sums.budget)
  const cubes = both.cubes.filter((cube) => feasible(layout, cube))
  if (cubes.length === 0 && !both.cut) return undefined
  return { first, second, reason, sets: setsOf(sums, cubes, options.scenario), complete: !both.cut }
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
