import type { Term } from './generated/rulebook.ts'

/** A glossary term linked in prose: `[armed attack](#term-armed-attack)` (text, then id). */
export const termLinkPattern = /\[([^\]\n]+)\]\(#term-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\)/g

/** The fragment prose links a term by, and the glossary page's anchor for it. */
export function termAnchor(id: string): string {
  return `term-${id}`
}

/** The glossary in alphabetical order of its terms, as the glossary page and the appendix list it. */
export function sortedGlossary(glossary: readonly Term[] | undefined): Term[] {
  return [...(glossary ?? [])].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
}
