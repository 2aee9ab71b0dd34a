/**
 * The path explorer's findings on a draft, as plain data the Paths panel and the map show: each
 * conclusion's minimal answer sets (holding and failing) in words, its warnings, and the
 * conclusions that hold together though they must not. Runs in the studio's worker. Pure.
 */
import type { Rulebook } from '@/engine/generated/rulebook'
import { compileRulebook } from '@/engine/compile'
import { plainText } from '@/engine/explain'
import { explore, type ConclusionWarning } from '@/engine/explore/explore'
import { describeAnswerSet } from '@/engine/explore/describe'

export interface DraftConclusionPaths {
  id: string
  statement: string
  holds: string[]
  fails: string[]
  warnings: ConclusionWarning[]
  complete: boolean
}

export interface DraftClash {
  first: string
  second: string
  reason: 'contradicts' | 'lawful-unlawful'
  sets: string[]
}

export interface DraftPaths {
  conclusions: DraftConclusionPaths[]
  clashes: DraftClash[]
  /** Whether a budget cut the search short somewhere. */
  cut: boolean
}

/** Explores every walk of a rulebook without errors. */
export function draftPaths(rulebook: Rulebook): DraftPaths {
  const compiled = compileRulebook(rulebook)
  const exploration = explore(compiled)
  const id = (index: number) => compiled.conclusions[index]!.conclusion.id
  return {
    conclusions: exploration.conclusions.map((paths) => ({
      id: paths.id,
      statement: plainText(compiled.conclusions[paths.index]!.conclusion.statement),
      holds: paths.holds.map((set) => describeAnswerSet(compiled, set)),
      fails: paths.fails.map((set) => describeAnswerSet(compiled, set)),
      warnings: paths.warnings,
      complete: paths.complete,
    })),
    clashes: exploration.clashes.map((clash) => ({
      first: id(clash.first),
      second: id(clash.second),
      reason: clash.reason,
      sets: clash.sets.map((set) => describeAnswerSet(compiled, set)),
    })),
    cut: exploration.explored.cut,
  }
}
