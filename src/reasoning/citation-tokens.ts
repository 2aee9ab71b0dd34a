/**
 * Fact citations as the student edits them. Reasoning is stored as Markdown, where a citation is a
 * link (`[¶5](#fact-dock-destroyed)`); in the text area the student sees and types only the token
 * `[¶5]`, which is shown as a chip and is never cut in half: an edit that would remove part of a
 * token removes all of it, and text typed inside a token goes after it. Pure, so every rule here is
 * tested without a browser.
 */

/** A citation as stored: the paragraph number and the fact's id. */
const storedCitation = /\[¶(\d+)\]\(#fact-([A-Za-z0-9_-]+)\)/g
/** A citation as edited: the paragraph number alone, not already followed by a link destination. */
const editableCitation = /\[¶(\d+)\](?!\()/g

/** The paragraph numbers of the facts of the scenario being worked on, both ways. */
export interface FactNumbers {
  numberOf(factId: string): number | undefined
  factOf(number: number): string | undefined
}

/** Stored Markdown to the text the student edits: each citation of a fact of this scenario becomes `[¶n]`. */
export function toEditable(stored: string, facts: FactNumbers): string {
  return stored.replace(storedCitation, (whole, number: string, factId: string, offset: number) =>
    // A token right before `(` would read back as the start of a link: that one stays a link.
    facts.numberOf(factId) === Number(number) && stored[offset + whole.length] !== '(' ? `[¶${number}]` : whole,
  )
}

/** The edited text back to Markdown: each `[¶n]` naming a paragraph of this scenario becomes its link. */
export function toStored(editable: string, facts: FactNumbers): string {
  return editable.replace(editableCitation, (whole, number: string) => {
    const factId = facts.factOf(Number(number))
    return factId ? `[¶${number}](#fact-${factId})` : whole
  })
}

/** Where the tokens are in edited text, as `[from, to)` offsets, in order. */
export function tokenRanges(editable: string, facts: FactNumbers): [number, number][] {
  const ranges: [number, number][] = []
  for (const match of editable.matchAll(editableCitation)) {
    if (facts.factOf(Number(match[1])) !== undefined) ranges.push([match.index, match.index + match[0].length])
  }
  return ranges
}

/** The text split into plain runs and tokens, for drawing the chips behind the text area. */
export function segments(editable: string, facts: FactNumbers): { text: string; token: boolean }[] {
  const parts: { text: string; token: boolean }[] = []
  let at = 0
  for (const [from, to] of tokenRanges(editable, facts)) {
    if (from > at) parts.push({ text: editable.slice(at, from), token: false })
    parts.push({ text: editable.slice(from, to), token: true })
    at = to
  }
  if (at < editable.length) parts.push({ text: editable.slice(at), token: false })
  return parts
}

/**
 * An edit the browser made (`before` → `after`), made whole: when it removed part of a token the
 * whole token goes, and text put inside a token goes after it. Returns the text to keep and where
 * the caret belongs, or undefined when the edit left every token whole.
 */
export function repairEdit(before: string, after: string, facts: FactNumbers): { text: string; caret: number } | undefined {
  // The edit as one replacement: what lies between the common start and the common end.
  let start = 0
  const shortest = Math.min(before.length, after.length)
  while (start < shortest && before[start] === after[start]) start++
  let end = 0
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
  let from = start
  let to = before.length - end
  const inserted = after.slice(start, after.length - end)

  let changed = false
  for (const [tokenFrom, tokenTo] of tokenRanges(before, facts)) {
    const cutsInto = from < to && from < tokenTo && to > tokenFrom && (from > tokenFrom || to < tokenTo)
    const insideOnly = from === to && from > tokenFrom && from < tokenTo
    if (cutsInto) {
      from = Math.min(from, tokenFrom)
      to = Math.max(to, tokenTo)
      changed = true
    } else if (insideOnly) {
      from = to = tokenTo
      changed = true
    }
  }
  if (!changed) return undefined
  if (from === to && inserted === '') return undefined
  return { text: before.slice(0, from) + inserted + before.slice(to), caret: from + inserted.length }
}
