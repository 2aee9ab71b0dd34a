/**
 * Markdown written by students and instructors, made safe for each format. It is untrusted: raw
 * HTML is shown as text, images are off (a report must not fetch from elsewhere), and links go
 * only to http(s), mailto and the report's own fact paragraphs (`#fact-<id>`).
 */
import MarkdownIt, { type Token } from 'markdown-it'
import { factLink, isSafeLink, termLink } from './links.ts'

export { factLink, isSafeLink, termLink }

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
md.disable('image')
md.validateLink = isSafeLink
md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!
  const href = String(token.attrGet('href') ?? '')
  if (!factLink.test(href) && !termLink.test(href))
    token.attrSet('rel', 'noopener noreferrer')
  return self.renderToken(tokens, index, options)
}

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
 * control: raw HTML and autolinks are escaped (`\<`), and links whose target is not http(s),
 * mailto or relative stop being links (`[text]\(javascript:…)`). Fenced code and code spans are
 * left alone, since nothing in them is read as HTML or as a link.
 */
export function inertMarkdown(text: string): string {
  const lines = text.split('\n')
  let fence: { char: string; length: number } | undefined
  return lines
    .map((line) => {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)
      if (fence) {
        const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
        if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.length)
          fence = undefined
        return line
      }
      if (opening) {
        fence = { char: opening[1]![0]!, length: opening[1]!.length }
        return line
      }
      return inertLine(line)
    })
    .join('\n')
}

/** A link target is safe in someone else's viewer when it is http(s), mailto, or has no scheme. */
function isSafeDestination(raw: string): boolean {
  const target = raw.replace(/^[\s<]+/, '')
  return (
    /^(?:https?:\/\/|mailto:|#)/i.test(target) || !/[:&\\]/.test(target.split(/[\s)>]/)[0] ?? '')
  )
}

function inertLine(line: string): string {
  // A reference definition (`[x]: javascript:…`) is defused by escaping its opening bracket.
  const definition = /^( {0,3})\[([^\]]*)\]:(.*)$/.exec(line)
  if (definition && !isSafeDestination(definition[3]!)) {
    line = `${definition[1]}\\[${definition[2]}]:${definition[3]}`
  }
  let out = ''
  let i = 0
  while (i < line.length) {
    const char = line[i]!
    if (char === '\\' && i + 1 < line.length) {
      out += line.slice(i, i + 2)
      i += 2
      continue
    }
    if (char === '`') {
      const run = /^`+/.exec(line.slice(i))![0]
      const close = findClosingBackticks(line, i + run.length, run.length)
      if (close !== -1) {
        out += line.slice(i, close + run.length)
        i = close + run.length
        continue
      }
      out += run
      i += run.length
      continue
    }
    if (char === '<') {
      out += '\\<'
      i++
      continue
    }
    if (char === ']' && line[i + 1] === '(' && !isSafeDestination(line.slice(i + 2))) {
      out += ']\\('
      i += 2
      continue
    }
    out += char
    i++
  }
  return out
}

function findClosingBackticks(line: string, from: number, length: number): number {
  let i = from
  while (i < line.length) {
    if (line[i] === '`') {
      const run = /^`+/.exec(line.slice(i))![0]
      if (run.length === length) return i
      i += run.length
    } else {
      i++
    }
  }
  return -1
}
