/** Words and escapes every report format shares, so that the formats say the same thing. */
import type { AuthorityKind, Certainty, ConclusionKind } from '../engine/generated/rulebook.ts'
import type { Confidence } from '../engine/generated/session.ts'
import type { ConclusionStatus } from '../engine/walk.ts'
import { dayInWords } from '../engine/cite.ts'

/**
 * The calendar date of an ISO timestamp in words (`24 November 2025`), as the writer's clock
 * read it: no time zone conversion, so the same file gives the same report everywhere.
 */
export function dateInWords(iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0]
  return day ? dayInWords(day) : iso
}

export const confidenceLabel: Record<Confidence, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
}

export const certaintyLabel: Record<Certainty, string> = {
  confirmed: 'confirmed',
  reported: 'reported',
  disputed: 'disputed',
  unknown: 'unknown',
}

export const conclusionKindLabel: Record<ConclusionKind, string> = {
  lawful: 'Lawful',
  unlawful: 'Unlawful',
  'open-question': 'Open question',
  finding: 'Finding',
}

/** Headings of the report's conclusion groups, in the order they are shown. */
export const conclusionGroups: { status: ConclusionStatus; heading: string }[] = [
  { status: 'holds', heading: 'Conclusions that follow from the answers' },
  { status: 'undetermined', heading: 'Conclusions still undetermined' },
  { status: 'fails', heading: 'Conclusions that do not follow' },
]

/** The kinds of authority in the order a brief's table lists them, with their headings. */
export const authorityGroups: { kind: AuthorityKind; heading: string }[] = [
  { kind: 'treaty', heading: 'Treaties and conventions' },
  { kind: 'case', heading: 'Cases' },
  { kind: 'statute', heading: 'Statutes and legislation' },
  { kind: 'resolution', heading: 'Resolutions' },
  { kind: 'commentary', heading: 'Commentary' },
  { kind: 'other', heading: 'Other authorities' },
]

/** The four parts of the IRAC reasoning, in order, with their headings. */
export const reasoningParts = [
  { part: 'issue', heading: 'Issue' },
  { part: 'rule', heading: 'Rule' },
  { part: 'application', heading: 'Application' },
  { part: 'conclusion', heading: 'Conclusion' },
] as const

/** `¶3`, or the fact's id when the rulebook does not have it. */
export function factLabel(fact: { id: string; number: number | undefined }): string {
  return fact.number === undefined ? fact.id : `¶${fact.number}`
}

/** How a fact is qualified after its number: `reported; reported by US officials`. */
export function factQualifier(fact: {
  certainty: Certainty | undefined
  source: string | undefined
  otherScenario: string | undefined
}): string {
  const parts: string[] = []
  if (fact.certainty) parts.push(certaintyLabel[fact.certainty])
  // `unknown; unknown` says nothing twice.
  if (fact.source && fact.source !== fact.certainty) parts.push(fact.source)
  if (fact.otherScenario) parts.push(`from the scenario ${fact.otherScenario}`)
  return parts.join('; ')
}

/** `Q3 (art. 2(4))`, or `Q3` without a pinpoint: where a brief would put the page. */
export function citedAt(entry: { number: number; pinpoints: string[] }): string {
  return entry.pinpoints.length > 0
    ? `Q${entry.number} (${entry.pinpoints.join('; ')})`
    : `Q${entry.number}`
}

/** Text for an HTML element or attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * Plain text placed in Markdown: every character Markdown could read as syntax is escaped, so a
 * name like `<script>` or `*Smith*` shows as written. `<`, `>` and `&` become entities, since a
 * backslash before them can be swallowed by an autolink in some viewers.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~!#]/g, '\\$&')
    .replace(/\r?\n|\r/g, ' ')
}
