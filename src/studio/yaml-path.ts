/**
 * Where the cursor is inside a YAML rulebook, read from indentation alone: cheap enough to run on
 * every keystroke of a 5,000-line file, and tolerant of a draft that does not parse. Pure.
 */

/** A path of property names from the top; `[]` stands for "an item of the list". */
export type YamlPath = string[]

/** What the cursor is on: a property name being typed, or the value of a property (or list item). */
export type YamlContext =
  | { kind: 'key'; path: YamlPath; prefix: string; from: number }
  | { kind: 'value'; path: YamlPath; prefix: string; from: number }

interface LineShape {
  /** Column of the `- ` when the line starts a list item. */
  dash?: number
  /** Column where the key (or item value) starts. */
  content: number
  key?: string
  /** The text after `key:`, trimmed. */
  rest?: string
}

const keyPattern = /^([A-Za-z][A-Za-z0-9_-]*)\s*:(?:\s+(.*)|\s*)$/

function shapeOf(line: string): LineShape | undefined {
  const trimmed = line.trimStart()
  if (trimmed === '' || trimmed.startsWith('#')) return undefined
  let content = line.length - trimmed.length
  let text = trimmed
  let dash: number | undefined
  while (text.startsWith('- ') || text === '-') {
    dash ??= content
    const after = text.slice(1).trimStart()
    content += text.length - after.length
    text = after
  }
  const match = keyPattern.exec(text)
  return match ? { dash, content, key: match[1], rest: (match[2] ?? '').trim() } : { dash, content }
}

/** Whether a property's value continues on the following, more indented lines. */
function opens(rest: string | undefined): boolean {
  return rest === '' || rest === undefined || /^[&!][^\s]*$/.test(rest)
}

function isBlockScalar(rest: string | undefined): boolean {
  return rest !== undefined && /^[|>][+-]?\d*\s*(#.*)?$/.test(rest)
}

/**
 * The path of the collection that holds an entry written at `column` on line `lineIndex`
 * (0-based), or undefined when the line lies inside a block of text (`|` or `>`). `dash` is the
 * column of the `- ` when the entry starts a list item.
 */
export function parentPath(lines: readonly string[], lineIndex: number, column: number, dash?: number): YamlPath | undefined {
  const path: YamlPath = []
  let indent = column
  let inItem = false
  if (dash !== undefined) {
    path.push('[]')
    indent = dash
    inItem = true
  }
  for (let i = lineIndex - 1; i >= 0 && (indent > 0 || inItem); i--) {
    const shape = shapeOf(lines[i]!)
    if (!shape) continue
    const { content, key, rest } = shape
    if (shape.dash !== undefined) {
      if (shape.dash >= indent) continue // a sibling item, or deeper
      if (content < indent) {
        if (key === undefined || !opens(rest)) {
          if (isBlockScalar(rest)) return undefined
          continue
        }
        path.push(key)
      }
      if (content <= indent) {
        path.push('[]')
        indent = shape.dash
        inItem = true
      }
      continue
    }
    if (content < indent || (content === indent && inItem)) {
      if (isBlockScalar(rest)) return undefined
      if (key === undefined || !opens(rest)) continue
      path.push(key)
      indent = content
      inItem = false
    }
  }
  return path.reverse()
}

/**
 * What is being typed at `offset`: a property name (with the path of the object it belongs to)
 * or a value (with the path of the property, `[]` appended for a list item or flow list entry).
 */
export function contextAt(text: string, offset: number): YamlContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const before = text.slice(lineStart, offset)
  const lines = text.slice(0, lineStart).split('\n')
  lines.pop()
  const lineIndex = lines.length

  // A property name being typed: `  na`, `  - na`.
  const keyMatch = /^(\s*)((?:-\s+)*)([A-Za-z][A-Za-z0-9_-]*)?$/.exec(before)
  if (keyMatch) {
    const column = keyMatch[1]!.length + keyMatch[2]!.length
    const parent = parentPath(lines, lineIndex, column, keyMatch[2] ? keyMatch[1]!.length : undefined)
    if (!parent) return undefined
    const prefix = keyMatch[3] ?? ''
    return { kind: 'key', path: parent, prefix, from: offset - prefix.length }
  }
  // A value after `key: `, possibly inside a flow list `[a, b`.
  const valueMatch = /^(\s*)((?:-\s+)*)([A-Za-z][A-Za-z0-9_-]*)\s*:\s+(.*)$/.exec(before)
  if (valueMatch) {
    const column = valueMatch[1]!.length + valueMatch[2]!.length
    const parent = parentPath(lines, lineIndex, column, valueMatch[2] ? valueMatch[1]!.length : undefined)
    if (!parent) return undefined
    const value = valueMatch[4]!
    const path = [...parent, valueMatch[3]!]
    if (/^\[/.test(value)) {
      const last = /([A-Za-z0-9-]*)$/.exec(value)![1]!
      return { kind: 'value', path: [...path, '[]'], prefix: last, from: offset - last.length }
    }
    const quoted = /^["']/.test(value) ? value.slice(1) : value
    const prefix = /[\s(]/.test(quoted) ? /([A-Za-z0-9-]*)$/.exec(quoted)![1]! : quoted
    return { kind: 'value', path, prefix, from: offset - prefix.length }
  }
  // A list item that is a plain value: `  - fact-id`.
  const itemMatch = /^(\s*)-\s+([A-Za-z0-9-]*)$/.exec(before)
  if (itemMatch) {
    const parent = parentPath(lines, lineIndex, itemMatch[1]!.length, itemMatch[1]!.length)
    if (!parent) return undefined
    const prefix = itemMatch[2]!
    return { kind: 'value', path: parent, prefix, from: offset - prefix.length }
  }
  return undefined
}

/** The path of the property whose name is at `offset` (for hover documentation), if any. */
export function keyPathAt(text: string, offset: number): { path: YamlPath; from: number; to: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  let lineEnd = text.indexOf('\n', offset)
  if (lineEnd < 0) lineEnd = text.length
  const line = text.slice(lineStart, lineEnd)
  const match = /^(\s*)((?:-\s+)*)([A-Za-z][A-Za-z0-9_-]*)\s*:/.exec(line)
  if (!match) return undefined
  const column = match[1]!.length + match[2]!.length
  const from = lineStart + column
  const to = from + match[3]!.length
  if (offset < from || offset > to) return undefined
  const lines = text.slice(0, lineStart).split('\n')
  lines.pop()
  const parent = parentPath(lines, lines.length, column, match[2] ? match[1]!.length : undefined)
  return parent ? { path: [...parent, match[3]!], from, to } : undefined
}
