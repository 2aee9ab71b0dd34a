/**
 * The ids a YAML draft defines and the lines that define them, read in one pass over the text
 * (no YAML parser): completion offers them, the map and the problem list jump to them, quick
 * fixes choose among them. Works on drafts that do not parse. Pure.
 */
import type { IdKind } from './schema-docs'

/** Something with an id in the draft, and where its `id:` is written. */
export interface OutlineEntry {
  kind: IdKind | 'test'
  id: string
  /** 1-based line and column of the id's value. */
  line: number
  column: number
  /** Its title, prompt, statement, label or text, on one line. */
  label: string
  /** The section of a question or conclusion. */
  section?: string
  /** The question an option belongs to. */
  owner?: string
}

export type Outline = OutlineEntry[]

interface Frame {
  column: number
  name?: string // a property; undefined for a list item
  props?: Record<string, { value: string; line: number; column: number }>
}

const kindByPath: Record<string, IdKind | 'test'> = {
  'scenarios/[]': 'scenario',
  'scenarios/[]/facts/[]': 'fact',
  'sections/[]': 'section',
  'questions/[]': 'question',
  'questions/[]/answer/options/[]': 'option',
  'conclusions/[]': 'conclusion',
  'authorities/[]': 'authority',
  'tests/[]': 'test',
}
const labelKeys = ['title', 'label', 'statement', 'prompt', 'text', 'name'] as const

function unquote(value: string): string {
  const trimmed = value.replace(/\s+#.*$/, '').trim()
  if (/^".*"$/.test(trimmed) || /^'.*'$/.test(trimmed)) return trimmed.slice(1, -1)
  return trimmed
}

const lineShape = /^( *)((?:- +)*)(?:([A-Za-z][A-Za-z0-9_-]*) *:(?: +(.*)|$))?/

/** Every scenario, fact, section, question, option, conclusion, authority and test of a draft. */
export function outlineOf(text: string): Outline {
  const entries: Outline = []
  const stack: Frame[] = []
  const lines = text.split('\n')
  let blockColumn = -1 // inside a `|` or `>` block deeper than this column
  let blockLabel: { frame: Frame; key: string } | undefined

  const pathOf = () => stack.map((f) => f.name ?? '[]').join('/')
  const finish = (frame: Frame, path: string) => {
    const kind = kindByPath[path]
    const id = frame.props?.id ?? (kind === 'test' ? frame.props?.name : undefined)
    if (!kind || !id) return
    const label = labelKeys.map((key) => frame.props?.[key]?.value).find((v) => v) ?? ''
    const entry: OutlineEntry = { kind, id: unquote(id.value), line: id.line, column: id.column, label: unquote(label) }
    const section = frame.props?.section?.value
    if (section) entry.section = unquote(section)
    if (kind === 'option') {
      const owner = [...stack].reverse().find((f) => f.name === undefined && f.props?.id && f !== frame)
      if (owner?.props?.id) entry.owner = unquote(owner.props.id.value)
    }
    entries.push(entry)
  }
  const pop = (keep: (frame: Frame) => boolean) => {
    while (stack.length && !keep(stack[stack.length - 1]!)) {
      const path = pathOf()
      finish(stack.pop()!, path)
    }
  }

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const trimmed = line.trimStart()
    const indent = line.length - trimmed.length
    if (blockColumn >= 0) {
      if (trimmed === '' || indent > blockColumn) {
        if (blockLabel && trimmed) {
          blockLabel.frame.props![blockLabel.key] ??= { value: trimmed, line: index + 1, column: indent + 1 }
          blockLabel = undefined
        }
        continue
      }
      blockColumn = -1
      blockLabel = undefined
    }
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('---')) continue
    const match = lineShape.exec(line)!
    const dashes = match[2]!
    const key = match[3]
    if (dashes) {
      // Each `- ` opens a list item; a sibling item closes the one before.
      let column = indent
      for (const dash of dashes.match(/- +/g)!) {
        pop((f) => f.column < column || (f.column === column && f.name !== undefined))
        stack.push({ column, props: {} })
        column += dash.length
      }
    }
    if (!key) continue
    const column = indent + dashes.length
    if (!dashes) pop((f) => f.column < column)
    const rest = match[4]?.trim() ?? ''
    const holder = stack[stack.length - 1]
    if (rest === '' || /^[&!]\S*$/.test(rest)) {
      stack.push({ column, name: key })
    } else if (/^[|>][+-]?\d*\s*(#.*)?$/.test(rest)) {
      blockColumn = column
      if (holder?.props && (labelKeys as readonly string[]).includes(key)) blockLabel = { frame: holder, key }
    } else if (holder?.props) {
      const valueColumn = line.indexOf(rest, column + key.length) + 1
      holder.props[key] ??= { value: rest, line: index + 1, column: valueColumn }
    }
  }
  pop(() => false)
  return entries.sort((a, b) => a.line - b.line)
}

/** The entries of one kind. */
export function idsOf(outline: Outline, kind: OutlineEntry['kind']): OutlineEntry[] {
  return outline.filter((entry) => entry.kind === kind)
}
