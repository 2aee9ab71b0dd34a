import type { Author, Rulebook } from './generated/rulebook.ts'
import { citeAs } from './cite.ts'
import { resolveScenarios } from './scenarios.ts'

/** What the start page shows of a rulebook, without its questions, facts and authorities. */
export interface RulebookMeta {
  id: string
  version: string
  title: string
  summary: string
  authors: Author[]
  licence: string
  updated?: string
  scenarios: {
    id: string
    title: string
    summary: string
    factCount: number
    /** The scenario this one varies, and what changes (Markdown), for variations. */
    extends?: string
    variation?: string
  }[]
  questionCount: number
  /** How to cite the rulebook (one line of plain text). */
  citeAs?: string
  /** Whether the rulebook has an instructor apparatus (plan, readings, rubric) or a glossary. */
  forInstructors?: boolean
}

/** A rulebook's metadata: what lists show before its content is loaded. */
export function rulebookMeta(rulebook: Rulebook): RulebookMeta {
  const instructor = rulebook.instructor
  const forInstructors = Boolean(
    instructor?.plan?.length || instructor?.readings?.length || instructor?.rubric?.length || rulebook.glossary?.length,
  )
  return {
    id: rulebook.id,
    version: rulebook.version,
    title: rulebook.title,
    summary: rulebook.summary,
    authors: rulebook.authors,
    licence: rulebook.licence,
    ...(rulebook.updated ? { updated: rulebook.updated } : {}),
    scenarios: resolveScenarios(rulebook).scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      summary: s.summary,
      factCount: s.paragraphs.length,
      ...(s.extends ? { extends: s.extends } : {}),
      ...(s.variation ? { variation: s.variation } : {}),
    })),
    questionCount: rulebook.questions.length,
    citeAs: citeAs(rulebook),
    ...(forInstructors ? { forInstructors } : {}),
  }
}
