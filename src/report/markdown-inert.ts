/**
 * Untrusted Markdown rewritten as Markdown that stays inert in viewers we do not control, even
 * those that render raw HTML. The text is parsed with Casework's policy (so it means what it means
 * in the app) and written out again from the parse, never patched line by line:
 * - text is escaped: `<`, `>` and `&` as entities (no viewer reads an entity as a tag, and a
 *   backslash escape can be swallowed by an autolink), Markdown punctuation with a backslash;
 * - only links the policy kept are written as links, with their targets percent-encoded;
 * - code spans and fences are written with a run of backticks longer than any inside them, so
 *   the content cannot close them early, and without an info string.
 * Every step is linear in the length of the text.
 */
import type { MarkdownIt, Token } from 'markdown-it'

/** Text for Markdown: shows exactly as written, and cannot start a tag, a link or a block. */
export function escapeInline(text: string, atLineStart = false): string {
  let out = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|]/g, '\\$&')
  if (atLineStart) {
    out = out.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
  }
  return out
}

/** A link target that cannot end the link early or open anything: spaces, brackets and quotes encoded. */
function encodeTarget(href: string): string {
  return href.replace(/[\s()<>\\`"'[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let run = 0
  for (const c of text) {
    run = c === char ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

function codeSpan(content: string): string {
  const fence = '`'.repeat(longestRun(content, '`') + 1)
  const pad = content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') ? ' ' : ''
  return `${fence}${pad}${content}${pad}${fence}`
}

function inline(children: readonly Token[], oneLine: boolean): string {
  let out = ''
  let atLineStart = true
  const targets: string[] = []
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    // A line may start only with text, which is escaped; before anything else a break is a space.
    const textNext = children[index + 1]?.type === 'text' && !/^\s/.test(children[index + 1]!.content)
    switch (child.type) {
      case 'text':
      case 'html_inline':
        out += escapeInline(child.content, atLineStart)
        break
      case 'code_inline':
        out += codeSpan(child.content)
        break
      case 'softbreak':
      case 'hardbreak':
        if (oneLine || !textNext) {
          out += ' '
          break
        }
        out += child.type === 'hardbreak' ? '\\\n' : '\n'
        atLineStart = true
        continue
      case 'strong_open':
      case 'strong_close':
        out += child.markup === '__' ? '__' : '**'
        break
      case 'em_open':
      case 'em_close':
        out += child.markup === '_' ? '_' : '*'
        break
      case 's_open':
      case 's_close':
        out += '~~'
        break
      case 'link_open':
        targets.push(String(child.attrGet('href') ?? ''))
        out += '['
        break
      case 'link_close':
        out += `](${encodeTarget(targets.pop() ?? '')})`
        break
      default:
        out += escapeInline(child.content, atLineStart)
        break
    }
    atLineStart = false
  }
  return out
}

/** The index of the token closing the one at `open` (same nesting level). */
function closing(tokens: readonly Token[], open: number): number {
  const { level } = tokens[open]!
  const type = tokens[open]!.type.replace(/_open$/, '_close')
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i]!.type === type && tokens[i]!.level === level) return i
  }
  return tokens.length - 1
}

const prefixLines = (text: string, first: string, rest: string) =>
  text
    .split('\n')
    .map((line, i) => (line === '' ? (rest.trim() === '>' ? '>' : '') : `${i === 0 ? first : rest}${line}`))
    .join('\n')

function fenced(content: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1))
  return `${fence}\n${content.replace(/\n?$/, '\n')}${fence}`
}

/** Blocks of tokens [from, to) as Markdown blocks; `oneLine` flattens them into a single line. */
function blocks(tokens: readonly Token[], from: number, to: number, oneLine: boolean): string[] {
  const out: string[] = []
  for (let i = from; i < to; i++) {
    const token = tokens[i]!
    switch (token.type) {
      case 'paragraph_open':
        out.push(inline(tokens[i + 1]?.children ?? [], oneLine))
        i += 2
        break
      case 'heading_open': {
        const text = inline(tokens[i + 1]?.children ?? [], oneLine)
        out.push(oneLine ? text : `${'#'.repeat(Number(token.tag.slice(1)) || 1)} ${text}`)
        i += 2
        break
      }
      case 'fence':
      case 'code_block':
        out.push(oneLine ? codeSpan(token.content.replace(/\n+$/, '').replace(/\n/g, ' ')) : fenced(token.content))
        break
      case 'hr':
        if (!oneLine) out.push('***')
        break
      case 'blockquote_open': {
        const end = closing(tokens, i)
        const inner = blocks(tokens, i + 1, end, oneLine)
        out.push(oneLine ? inner.join(' ') : prefixLines(inner.join('\n\n'), '> ', '> '))
        i = end
        break
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const end = closing(tokens, i)
        out.push(list(tokens, i, end, oneLine))
        i = end
        break
      }
      case 'table_open': {
        const end = closing(tokens, i)
        out.push(table(tokens, i, end, oneLine))
        i = end
        break
      }
      case 'inline':
        out.push(inline(token.children ?? [], oneLine))
        break
      default:
        break
    }
  }
  return oneLine ? [out.filter((b) => b !== '').join(' ')] : out
}

function list(tokens: readonly Token[], open: number, end: number, oneLine: boolean): string {
  const ordered = tokens[open]!.type === 'ordered_list_open'
  let number = Number(tokens[open]!.attrGet('start') ?? 1)
  const items: string[] = []
  let tight = true
  for (let i = open + 1; i < end; i++) {
    if (tokens[i]!.type !== 'list_item_open') continue
    const close = closing(tokens, i)
    if (tokens[i + 1]?.type === 'paragraph_open' && !tokens[i + 1]!.hidden) tight = false
    const inner = blocks(tokens, i + 1, close, oneLine)
    const marker = ordered ? `${number++}.` : '-'
    items.push(
      oneLine
        ? inner.join(' ')
        : prefixLines(inner.join(tight ? '\n' : '\n\n') || '', `${marker} `, ' '.repeat(marker.length + 1)) || marker,
    )
    i = close
  }
  return items.join(oneLine ? ' ' : tight ? '\n' : '\n\n')
}

function table(tokens: readonly Token[], open: number, end: number, oneLine: boolean): string {
  const rows: string[][] = []
  for (let i = open; i < end; i++) {
    const token = tokens[i]!
    if (token.type === 'tr_open') rows.push([])
    else if (token.type === 'inline') rows.at(-1)?.push(inline(token.children ?? [], true))
  }
  if (oneLine) return rows.map((row) => row.join(' ')).join(' ')
  const width = Math.max(1, ...rows.map((row) => row.length))
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`
  const [head = [], ...body] = rows
  return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n')
}

/**
 * Untrusted Markdown as inert Markdown, parsed by `md` (created by `createMarkdown`). With
 * `oneLine`, the result is a single line (lists, quotes and code flattened): for sentences that
 * sit inside a list item or a heading.
 */
export function toInertMarkdown(md: MarkdownIt, text: string, oneLine = false): string {
  const tokens = md.parse(text, {})
  return blocks(tokens, 0, tokens.length, oneLine).join('\n\n').trim()
}
