import type { Author, Rulebook } from './generated/rulebook.ts'

/** What the start page shows of a rulebook, without its questions, facts and authorities. */
export interface RulebookMeta {
  id: string
  version: string
  title: string
  summary: string
  authors: Author[]
  licence: string
  updated?: string
  scenarios: { id: string; title: string; summary: string; factCount: number }[]
  questionCount: number
}

/** A rulebook's metadata: what lists show before its content is loaded. */
export function rulebookMeta(rulebook: Rulebook): RulebookMeta {
  return {
    id: rulebook.id,
    version: rulebook.version,
    title: rulebook.title,
    summary: rulebook.summary,
    authors: rulebook.authors,
    licence: rulebook.licence,
    ...(rulebook.updated ? { updated: rulebook.updated } : {}),
    scenarios: rulebook.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      summary: s.summary,
      factCount: s.facts.length,
    })),
    questionCount: rulebook.questions.length,
  }
}
