/**
 * The rulebooks that ship with the app, as the start page lists them. Their content loads only
 * when a workbook needs it: the flagship alone is larger than the rest of the student's path.
 * Pure (no Vue, no Pinia).
 */
import type { Rulebook } from '@/engine/generated/rulebook'
import { rulebookMeta, type RulebookMeta } from '@/engine/meta'

export { rulebookMeta, type RulebookMeta }

/** A shipped rulebook: listed from its metadata, its content loaded on demand. */
export interface ShippedRulebook {
  file: string
  contentHash: string
  meta: RulebookMeta
  load: () => Promise<Rulebook>
}

/**
 * What `virtual:shipped-rulebooks` gives for each rulebook: its metadata and the URL of its JSON
 * (so its content is fetched only when needed, and is not JavaScript on the student's path); tests
 * may give the whole rulebook instead.
 */
export interface ShippedRulebookSource {
  file: string
  contentHash: string
  rulebook?: Rulebook
  meta?: RulebookMeta
  url?: string
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
