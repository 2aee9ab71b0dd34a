/** A shipped rulebook (validated JSON) written back as YAML, to start a draft from. Pure. */
import { stringify } from 'yaml'
import type { Rulebook } from '@/engine/generated/rulebook'

const modeline = '# yaml-language-server: $schema=../schemas/rulebook.schema.json\n'

/** How rulebooks are written back as YAML. */
export const yamlStyle = { lineWidth: 0, blockQuote: 'literal' } as const

/**
 * The rulebook as YAML text. `asNew` makes it a new rulebook (new id, title and version), so
 * workbooks on the original are not affected; otherwise it is the next version of the same one.
 */
export function rulebookToYaml(rulebook: Rulebook, asNew: boolean): string {
  const copy: Rulebook = asNew
    ? { ...rulebook, id: `${rulebook.id}-copy`.slice(0, 80), title: `${rulebook.title} (copy)`, version: '0.1.0' }
    : rulebook
  // Multi-line prose stays a literal block, as authors write it, and no line is refolded: folding
  // would scatter blank lines through sentences that the author wrote on two lines.
  return modeline + stringify(copy, yamlStyle)
}
