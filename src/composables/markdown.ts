/**
 * Markdown from rulebooks and from students is untrusted. One configured markdown-it renders it
 * all: raw HTML is shown as text, images are off (they would fetch from elsewhere, which the
 * Content-Security-Policy forbids), links go only to http(s), mailto and the app's own fact
 * paragraphs, and external links open in a new tab without access to this one.
 */
import MarkdownIt from 'markdown-it'
import { factLink as factLinkPattern, isSafeLink as isAllowedLink, termLink } from '@/report/links'

export { factLinkPattern, isAllowedLink }

const md = new MarkdownIt({ html: false, linkify: true, typographer: true })
md.disable('image')
md.validateLink = isAllowedLink

/**
 * A glossary term link becomes a button that opens the term's definition in place (see
 * GlossaryPopover.vue, which handles every `button.term-link` on the page).
 */
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

md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!
  const href = String(token.attrGet('href') ?? '')
  if (token.tag === 'button') return self.renderToken(tokens, index, options)
  if (factLinkPattern.test(href)) {
    token.attrJoin('class', 'fact-link')
  } else {
    token.attrSet('target', '_blank')
    token.attrSet('rel', 'noopener noreferrer')
  }
  return self.renderToken(tokens, index, options)
}

/** Markdown to HTML that is safe to put in the page. */
export function renderMarkdown(text: string | undefined): string {
  return text ? md.render(text) : ''
}

/** One line of Markdown (a label, a statement) to HTML without a surrounding paragraph. */
export function renderMarkdownInline(text: string | undefined): string {
  return text ? md.renderInline(text) : ''
}

/** Markdown reduced to plain text, for outlines and titles. */
export function markdownToPlainText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A fact citation as students write it in their reasoning. */
export function factCitation(number: number, factId: string): string {
  return `[¶${number}](#fact-${factId})`
}
