/**
 * Markdown written by students and instructors, made safe for each format. It is untrusted: raw
 * HTML is shown as text, images are off (a report must not fetch from elsewhere), and links go
 * only to http(s), mailto and the report's own fact paragraphs (`#fact-<id>`).
 */
import type { Token } from 'markdown-it'
import { createMarkdown, factLink, isSafeLink, termLink } from './markdown-policy.ts'
import { toInertMarkdown } from './markdown-inert.ts'

export { factLink, isSafeLink, termLink }

const md = createMarkdown()

/** Markdown to HTML that is safe to place in a report. */
export function markdownToHtml(text: string): string {
  return md.render(text)
}

/** One line of Markdown (a statement, a label) to HTML, without a surrounding paragraph. */
export function markdownToHtmlInline(text: string): string {
  return md.renderInline(text)
}

/** A stretch of text within a block, with its emphasis. */
export interface TextRun {
  text: string
  bold?: boolean
  italic?: boolean
  strike?: boolean
  code?: boolean
  /** A line break before the text. */
  lineBreak?: boolean
}

/** A paragraph-level piece of Markdown, for formats that are not HTML (DOCX). */
export interface TextBlock {
  kind: 'paragraph' | 'heading' | 'code' | 'rule'
  runs: TextRun[]
  /** Nesting within block quotes. */
  quote: number
  /** The list item this block opens, if any: its depth (0 outermost) and its number when ordered. */
  list?: { level: number; number?: number }
}

/**
 * Markdown as a list of blocks of runs: what the DOCX report is built from. Parsed by the same
 * markdown-it as the HTML, so the same text is emphasis, a list or a link in both.
 */
export function markdownToBlocks(text: string): TextBlock[] {
  const tokens = md.parse(text, {})
  const blocks: TextBlock[] = []
  let quote = 0
  const lists: { ordered: boolean; next: number }[] = []
  let pendingItem = false

  const push = (block: Omit<TextBlock, 'quote' | 'list'>) => {
    const list = lists.at(-1)
    const item =
      pendingItem && list
        ? { list: { level: lists.length - 1, ...(list.ordered ? { number: list.next++ } : {}) } }
        : {}
    pendingItem = false
    blocks.push({ ...block, quote, ...item })
  }

  for (const token of tokens) {
    switch (token.type) {
      case 'blockquote_open':
        quote++
        break
      case 'blockquote_close':
        quote--
        break
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 })
        break
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open':
        pendingItem = true
        break
      case 'inline':
        push({ kind: 'paragraph', runs: inlineRuns(token.children ?? []) })
        break
      case 'heading_open':
      case 'th_open':
        // The heading's own text follows as an `inline` token; mark the block when it comes.
        break
      case 'heading_close': {
        const last = blocks.at(-1)
        if (last) last.kind = 'heading'
        break
      }
      case 'fence':
      case 'code_block':
        push({ kind: 'code', runs: [{ text: token.content.replace(/\n$/, ''), code: true }] })
        break
      case 'hr':
        push({ kind: 'rule', runs: [] })
        break
      default:
        break
    }
  }
  return blocks
}

function inlineRuns(children: Token[]): TextRun[] {
  const runs: TextRun[] = []
  const style = { bold: 0, italic: 0, strike: 0 }
  let link: { href: string; text: string } | undefined
  let lineBreak = false
  const add = (text: string, extra: Partial<TextRun> = {}) => {
    if (text === '' && !lineBreak) return
    runs.push({
      text,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.strike ? { strike: true } : {}),
      ...(lineBreak ? { lineBreak: true } : {}),
      ...extra,
    })
    lineBreak = false
    if (link) link.text += text
  }
  for (const child of children) {
    switch (child.type) {
      case 'text':
        add(child.content)
        break
      case 'code_inline':
        add(child.content, { code: true })
        break
      case 'softbreak':
        add(' ')
        break
      case 'hardbreak':
        lineBreak = true
        break
      case 'strong_open':
        style.bold++
        break
      case 'strong_close':
        style.bold--
        break
      case 'em_open':
        style.italic++
        break
      case 'em_close':
        style.italic--
        break
      case 's_open':
        style.strike++
        break
      case 's_close':
        style.strike--
        break
      case 'link_open': {
        const href = String(child.attrGet('href') ?? '')
        link = factLink.test(href) ? undefined : { href, text: '' }
        break
      }
      case 'link_close': {
        // Formats without live links write the target out, unless the text already is it.
        const target =
          link && link.text !== link.href ? link.href.replace(/^mailto:/, '') : undefined
        link = undefined
        if (target) add(` <${target}>`)
        break
      }
      default:
        // html_inline cannot occur (html is off); anything else keeps its text.
        add(child.content)
        break
    }
  }
  return runs
}

/** Markdown reduced to its words: for titles and for checking a format's text in tests. */
export function markdownToPlainText(text: string): string {
  return markdownToBlocks(text)
    .map((block) => block.runs.map((run) => run.text).join(''))
    .join('\n')
}

/**
 * Untrusted Markdown made inert for a Markdown file that others will open in viewers we do not
 * control, even with raw HTML on: see markdown-inert.ts.
 */
export function inertMarkdown(text: string): string {
  return toInertMarkdown(md, text)
}

/** The same, flattened to one line: for sentences inside a list item or after a label. */
export function inertMarkdownLine(text: string): string {
  return toInertMarkdown(md, text, true)
}
