/**
 * The one Markdown policy for everything Casework renders from rulebooks and sessions: the app,
 * the HTML report, the DOCX and the Markdown report. Markdown from students and instructors is
 * untrusted, so:
 * - raw HTML is text (`html: false`);
 * - images are off (a report must not fetch from elsewhere, and the app's CSP forbids it);
 * - links go only to http(s), mailto, the workbook's own fact paragraphs and glossary terms (`links.ts`);
 * - bare web addresses become links (`linkify`), the same in every format;
 * - the text is kept as written: no typographic replacements (a quotation stays as quoted).
 *
 * A plain function factory, so that a caller may load this module (and markdown-it) only when
 * Markdown is first shown.
 */
import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it'
import { factLink, isSafeLink, termLink } from './links.ts'

export { factLink, isSafeLink, termLink }

/** The parser options every format shares. */
export const markdownOptions = { html: false, linkify: true, typographer: false } as const

/** How links are presented: in the app external links open in a new tab; documents just keep `rel`. */
export interface MarkdownPresentation {
  /** Open http(s) and mailto links in a new tab (the app), or in place (documents). */
  externalLinksInNewTab?: boolean
  /** A class for links to fact paragraphs, so the app can style and route them. */
  factLinkClass?: string
  /**
   * Glossary term links become buttons that open the definition in place (the app: see
   * GlossaryPopover.vue, which handles every `button.term-link` on the page).
   */
  termButtons?: boolean
}

/** Turns `[armed attack](#term-armed-attack)` links into buttons carrying the term's id. */
function termLinksAsButtons(md: Markdown): void {
  md.core.ruler.push('glossary_terms', (state) => {
    for (const block of state.tokens) {
      const children = block.children ?? []
      const open: number[] = []
      children.forEach((token, i) => {
        if (token.type === 'link_open') {
          open.push(i)
          const href = String(token.attrGet('href') ?? '')
          if (!termLink.test(href)) return
          token.tag = 'button'
          token.attrs = [
            ['type', 'button'],
            ['class', 'term-link'],
            ['data-term', href.slice('#term-'.length)],
            ['aria-expanded', 'false'],
          ]
          token.meta = { term: true }
        } else if (token.type === 'link_close') {
          const opener = children[open.pop() ?? -1]
          if (opener?.meta?.term) token.tag = 'button'
        }
      })
    }
  })
}

/** A markdown-it configured with Casework's policy. */
export function createMarkdown(presentation: MarkdownPresentation = {}): Markdown {
  const md = new MarkdownIt(markdownOptions)
  md.disable('image')
  md.validateLink = isSafeLink
  if (presentation.termButtons) termLinksAsButtons(md)
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index]!
    const href = String(token.attrGet('href') ?? '')
    if (token.tag === 'button' || termLink.test(href)) {
      // A glossary term: a button in the app, a link to the appendix in documents.
    } else if (factLink.test(href)) {
      if (presentation.factLinkClass) token.attrJoin('class', presentation.factLinkClass)
    } else {
      if (presentation.externalLinksInNewTab) token.attrSet('target', '_blank')
      token.attrSet('rel', 'noopener noreferrer')
      // A bare address (`https://…`, `<https://…>`) shows itself: print adds no copy of it.
      if (token.markup === 'linkify' || token.markup === 'autolink') token.attrJoin('class', 'bare-url')
    }
    return self.renderToken(tokens, index, options)
  }
  return md
}

/** Markdown reduced to its words (no link targets): for outlines, titles and labels. Linear. */
export function plainTextOf(md: Markdown, text: string): string {
  const words: string[] = []
  for (const token of md.parse(text, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') words.push(child.content)
        else if (child.type === 'softbreak' || child.type === 'hardbreak') words.push(' ')
      }
      words.push(' ')
    } else if (token.type === 'fence' || token.type === 'code_block') {
      words.push(token.content, ' ')
    }
  }
  return words.join('').replace(/\s+/g, ' ').trim()
}
