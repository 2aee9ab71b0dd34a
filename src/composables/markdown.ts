/**
 * Markdown from rulebooks and from students is untrusted. The app renders it with the same policy
 * as every report (report/markdown-policy.ts): raw HTML is shown as text, images are off (they
 * would fetch from elsewhere, which the Content-Security-Policy forbids), links go only to
 * http(s), mailto and the app's own fact paragraphs; here external links open in a new tab
 * without access to this one, and fact links carry the class the app styles.
 */
import { createMarkdown, plainTextOf, factLink as factLinkPattern, isSafeLink as isAllowedLink } from '@/report/markdown-policy'

export { factLinkPattern, isAllowedLink }

const md = createMarkdown({ externalLinksInNewTab: true, factLinkClass: 'fact-link', termButtons: true })

/** Markdown to HTML that is safe to put in the page. */
export function renderMarkdown(text: string | undefined): string {
  return text ? md.render(text) : ''
}

/** One line of Markdown (a label, a statement) to HTML without a surrounding paragraph. */
export function renderMarkdownInline(text: string | undefined): string {
  return text ? md.renderInline(text) : ''
}

/** Markdown reduced to plain text, for outlines and titles (linear in the text's length). */
export function markdownToPlainText(text: string): string {
  return plainTextOf(md, text)
}

/** A fact citation as students write it in their reasoning. */
export function factCitation(number: number, factId: string): string {
  return `[¶${number}](#fact-${factId})`
}
