import type { Rulebook } from './generated/rulebook.ts'

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2026-01-15` → `15 January 2026`, without a clock or a locale, so the line is the same everywhere. */
export function dayInWords(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  const name = months[(month ?? 0) - 1]
  return name && year && day ? `${day} ${name} ${year}` : date
}

function names(authors: readonly { name: string }[]): string {
  const all = authors.map((a) => a.name)
  return all.length <= 2 ? all.join(' and ') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`
}

/** What a citation line is made from: a rulebook's metadata, without its content. */
export type CitableRulebook = Pick<Rulebook, 'title' | 'version' | 'licence' | 'updated' | 'citeAs'> & {
  authors: readonly { name: string }[]
}

/**
 * How to cite a rulebook, or one of its scenarios, as one line of plain text: the author's own
 * `citeAs` if given, otherwise built from the authors, title, version, `updated` date and licence.
 * A scenario's line is the rulebook's followed by the scenario's title and id.
 */
export function citeAs(rulebook: CitableRulebook, scenario?: { id: string; title: string }): string {
  const base =
    rulebook.citeAs?.trim() ||
    [
      `${names(rulebook.authors)}, “${rulebook.title}”`,
      `Casework rulebook, version ${rulebook.version}${rulebook.updated ? ` (updated ${dayInWords(rulebook.updated)})` : ''}`,
      `licence ${rulebook.licence}`,
    ].join(', ')
  const stem = base.replace(/[.\s]+$/, '')
  return scenario ? citeScenario(stem, scenario) : `${stem}.`
}

/** A scenario's citation line from its rulebook's: the rulebook's line, then the scenario's title and id. */
export function citeScenario(rulebookLine: string, scenario: { id: string; title: string }): string {
  return `${rulebookLine.replace(/[.\s]+$/, '')}, scenario “${scenario.title}” (${scenario.id}).`
}
