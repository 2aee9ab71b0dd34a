import type { Fact, Rulebook, Scenario, Source } from './generated/rulebook.ts'

/** How many `extends` links a variation may sit below a scenario that has its own facts. */
export const MAX_EXTENDS_DEPTH = 3

/** A fact as a scenario states it: its paragraph number and where it comes from. */
export interface FactParagraph {
  /** The paragraph number students cite (¶n); stable between a base and its variations. */
  number: number
  fact: Fact
  /** `own`: stated by this scenario; `inherited`: from its base; `override`: replaces the base's. */
  origin: 'own' | 'inherited' | 'override'
}

/** A scenario with what it inherits resolved: what every part of the app and the reports see. */
export interface ResolvedScenario {
  id: string
  title: string
  summary: string
  sources: Source[] | undefined
  /** What changes in this variation (Markdown); only a variation's own text, never inherited. */
  variation: string | undefined
  /** The model memo (Markdown); only the scenario's own, never inherited. */
  memo: string | undefined
  /** The scenario it extends, if it is a variation. */
  extends: string | undefined
  /** This scenario's id, then its base's, and so on: `scenario is x` holds for every id here. */
  lineage: readonly string[]
  /** The facts that hold in the scenario, in paragraph order. */
  paragraphs: readonly FactParagraph[]
  /** The base's paragraphs this variation removes (their numbers are not reused). */
  removed: readonly FactParagraph[]
  /** The scenario's facts by id. */
  facts: ReadonlyMap<string, FactParagraph>
  /** The scenario as written. */
  source: Scenario
}

/** Why a scenario could not be resolved as written; lint turns these into located problems. */
export type ScenarioIssue =
  | { kind: 'unknown-base'; scenario: number; base: string }
  | { kind: 'cycle'; scenario: number; ids: string[] }
  | { kind: 'too-deep'; scenario: number; ids: string[] }
  | { kind: 'unknown-removal'; scenario: number; item: number; fact: string }
  | { kind: 'removed-and-restated'; scenario: number; fact: string; item: number }
  | { kind: 'no-facts'; scenario: number }

/**
 * Resolves every scenario of a rulebook: a variation inherits its base's title, summary, sources
 * and facts; a fact with a base fact's id replaces it in place (keeping its paragraph number), a
 * removed fact leaves its number unused, and new facts are numbered on after the base's last.
 * Never throws: scenarios with an unknown base, a cycle or too deep a chain resolve as if they
 * extended nothing, and the reasons are listed as issues.
 */
export function resolveScenarios(rulebook: Pick<Rulebook, 'scenarios'>): {
  scenarios: ResolvedScenario[]
  issues: ScenarioIssue[]
} {
  const issues: ScenarioIssue[] = []
  const indexById = new Map<string, number>()
  rulebook.scenarios.forEach((s, i) => indexById.has(s.id) || indexById.set(s.id, i))
  const resolved = new Map<number, ResolvedScenario>()
  const visiting: number[] = []

  const resolve = (index: number): ResolvedScenario => {
    const known = resolved.get(index)
    if (known) return known
    const scenario = rulebook.scenarios[index]!
    let base: ResolvedScenario | undefined
    if (scenario.extends !== undefined) {
      const baseIndex = indexById.get(scenario.extends)
      if (baseIndex === undefined) {
        issues.push({ kind: 'unknown-base', scenario: index, base: scenario.extends })
      } else if (baseIndex === index || visiting.includes(baseIndex)) {
        const around = baseIndex === index ? [] : visiting.slice(visiting.indexOf(baseIndex))
        const ids = [...around, index].map((i) => rulebook.scenarios[i]!.id)
        // Reported once, at the scenario where the circle closes.
        issues.push({ kind: 'cycle', scenario: index, ids: [...ids, scenario.extends] })
      } else {
        visiting.push(index)
        base = resolve(baseIndex)
        visiting.pop()
        if (base.lineage.length > MAX_EXTENDS_DEPTH) {
          issues.push({ kind: 'too-deep', scenario: index, ids: [scenario.id, ...base.lineage] })
          base = undefined
        }
      }
    }
    const result = combine(scenario, index, base, issues)
    resolved.set(index, result)
    return result
  }

  const scenarios = rulebook.scenarios.map((_, i) => resolve(i))
  return { scenarios, issues }
}

function combine(
  scenario: Scenario,
  index: number,
  base: ResolvedScenario | undefined,
  issues: ScenarioIssue[],
): ResolvedScenario {
  const own = scenario.facts ?? []
  const ownById = new Map(own.map((fact, item) => [fact.id, { fact, item }]))
  const removals = new Set(scenario.removeFacts ?? [])
  const paragraphs: FactParagraph[] = []
  const removed: FactParagraph[] = []
  let last = 0
  if (base) {
    for (const paragraph of [...base.paragraphs, ...base.removed]) last = Math.max(last, paragraph.number)
    for (const paragraph of base.paragraphs) {
      const replacement = ownById.get(paragraph.fact.id)
      if (removals.has(paragraph.fact.id)) {
        removed.push(paragraph)
        if (replacement) {
          issues.push({ kind: 'removed-and-restated', scenario: index, fact: paragraph.fact.id, item: replacement.item })
        }
      } else if (replacement) {
        paragraphs.push({ number: paragraph.number, fact: replacement.fact, origin: 'override' })
      } else {
        paragraphs.push({ ...paragraph, origin: 'inherited' })
      }
    }
  }
  const baseIds = new Set(base ? [...base.facts.keys()] : [])
  for (const fact of own) {
    if (!baseIds.has(fact.id)) paragraphs.push({ number: ++last, fact, origin: 'own' })
  }
  // Removals are checked only against a base that resolved: otherwise the base is the problem.
  if (base) {
    scenario.removeFacts?.forEach((id, item) => {
      if (!baseIds.has(id)) issues.push({ kind: 'unknown-removal', scenario: index, item, fact: id })
    })
  }
  if (paragraphs.length === 0 && (scenario.extends === undefined || base)) {
    issues.push({ kind: 'no-facts', scenario: index })
  }
  return {
    id: scenario.id,
    title: scenario.title ?? base?.title ?? scenario.id,
    summary: scenario.summary ?? base?.summary ?? '',
    sources: scenario.sources ?? base?.sources,
    variation: scenario.variation,
    memo: scenario.memo,
    extends: base ? scenario.extends : undefined,
    lineage: [scenario.id, ...(base?.lineage ?? [])],
    paragraphs,
    removed,
    facts: new Map(paragraphs.map((p) => [p.fact.id, p])),
    source: scenario,
  }
}

/**
 * A question's guidance for a scenario: its own, or else that of the nearest scenario it varies,
 * since a variation's analysis follows its base's unless the author says otherwise.
 */
export function guidanceFor<G extends { scenario: string }>(
  guidance: readonly G[] | undefined,
  scenario: Pick<ResolvedScenario, 'lineage'>,
): G[] {
  for (const id of scenario.lineage) {
    const found = (guidance ?? []).filter((g) => g.scenario === id)
    if (found.length > 0) return found
  }
  return []
}
