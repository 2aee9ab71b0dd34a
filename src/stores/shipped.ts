/**
 * The rulebooks that ship with the app, as the start page lists them. Their content loads only
 * when a workbook needs it: the flagship alone is larger than the rest of the student's path.
 * Pure (no Vue, no Pinia), so the build plugin can use `rulebookMeta` too.
 */
import type { Author, Rulebook } from '@/engine/generated/rulebook'

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

/** A shipped rulebook: listed from its metadata, its content loaded on demand. */
export interface ShippedRulebook {
  file: string
  contentHash: string
  meta: RulebookMeta
  load: () => Promise<Rulebook>
}

/**
 * What `virtual:shipped-rulebooks` may give for each rulebook: the whole rulebook (as the build
 * plugin does today), or its metadata and the URL of its JSON (so its content is fetched only
 * when needed, and is not JavaScript on the student's path).
 */
export interface ShippedRulebookSource {
  file: string
  contentHash: string
  rulebook?: Rulebook
  meta?: RulebookMeta
  url?: string
}

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

export function toShipped(source: ShippedRulebookSource): ShippedRulebook {
  const { file, contentHash, rulebook, url } = source
  if (rulebook) {
    return { file, contentHash, meta: source.meta ?? rulebookMeta(rulebook), load: () => Promise.resolve(rulebook) }
  }
  if (!url || !source.meta) throw new Error(`shipped rulebook ${file} has neither its content nor a URL and metadata`)
  return {
    file,
    contentHash,
    meta: source.meta,
    async load() {
      const response = await fetch(url)
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
      return (await response.json()) as Rulebook
    },
  }
}
