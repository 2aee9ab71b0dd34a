/**
 * What Casework refuses to read, checked before the work that a larger file would make slow or
 * unsafe. Each is far above any honest file (the flagship rulebook is about 270 kB, nests 9 deep
 * and has under 200 questions) and is stated for authors in rules/README.md ("Limits").
 */
export const limits = {
  /** Characters in a rulebook file. */
  rulebookCharacters: 5 * 1024 * 1024,
  /** Characters in a session (workbook) file. */
  sessionCharacters: 20 * 1024 * 1024,
  /** Lists and groups inside one another. */
  nesting: 64,
  /** Entries in each of a rulebook's lists: questions, conclusions, sections, scenarios, authorities. */
  listEntries: 10_000,
  /** Characters of a problem's quotation of the file. */
  excerpt: 40,
} as const

/** File sizes in words: `5 MB`, `12.3 MB`, `900 kB`. */
export function sizeInWords(characters: number): string {
  if (characters >= 1024 * 1024) return `${(characters / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  return `${Math.ceil(characters / 1024)} kB`
}

/**
 * A short, single-line quotation of untrusted text for a problem message: line breaks and other
 * control characters become spaces, and anything past `max` characters is cut with an ellipsis.
 */
export function excerpt(text: string, max: number = limits.excerpt): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}

/** A problem whose message and hint are single lines of bounded length, whatever text they quote. */
export function tidyProblem<T extends { message: string; hint?: string }>(problem: T): T {
  const tidy = (text: string) => excerpt(text, 400)
  const message = tidy(problem.message)
  const hint = problem.hint === undefined ? undefined : tidy(problem.hint)
  if (message === problem.message && hint === problem.hint) return problem
  return { ...problem, message, ...(hint === undefined ? {} : { hint }) }
}
