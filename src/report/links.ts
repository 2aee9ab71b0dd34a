/**
 * Which links untrusted Markdown may keep, in the app and in every report: http(s), mailto, and the
 * workbook's own fact paragraphs. Anything else (javascript:, data:, file:) stops being a link.
 */

/** A link to a fact paragraph, as students write it: `[¶3](#fact-dock-destroyed)`. */
export const factLink = /^#fact-[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/** A link to a glossary term: `[armed attack](#term-armed-attack)`. */
export const termLink = /^#term-[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/** Whether a link target may stay a link: http(s), mailto, a fact paragraph or a glossary term. The app and every report share this policy. */
export function isSafeLink(url: string): boolean {
  const target = url.trim()
  return /^(?:https?:\/\/|mailto:)/i.test(target) || factLink.test(target) || termLink.test(target)
}
