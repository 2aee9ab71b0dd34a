/**
 * A rulebook cut into pieces that parse on their own: each top-level key, and each item of a
 * top-level list. Authors edit one question at a time; with the pieces' values kept (by the CLI,
 * keyed by their text), reading the file again parses only the pieces that changed.
 *
 * The cut follows YAML's block structure: a piece starts at a line that begins a top-level key (a
 * plain key at column 0) or a list item at the list's own indentation, and in a valid file nothing
 * inside a value (a block scalar's text, a quoted or flow value's later lines) can sit at that
 * indentation or less. Anything the cut cannot vouch for (a document marker or directive, a
 * quoted or complex key, a list at column 0, a key written twice, text at column 0 that is not a
 * key or a comment) leaves the file whole: `cutYaml` returns undefined and the caller parses it in
 * one go, as before. A piece that does not parse also sends the caller back to the whole file,
 * which then reports the mistake, located.
 */

/** One piece: a top-level key's whole value, or one item of a top-level list. */
export interface YamlPiece {
  /** The text to parse: a mapping of this one key, or a list of this one item. */
  text: string
  key: string
  /** The piece is one item of the key's list. */
  item: boolean
}

const topLevelKey = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)/
const blankOrComment = /^[ \t]*(?:#.*)?$/

/** The pieces of a YAML mapping, in order, or undefined when the file must be parsed whole. */
export function cutYaml(text: string): YamlPiece[] | undefined {
  const lines = text.split('\n')
  // Top-level keys: where each starts, and its name.
  const starts: { line: number; key: string }[] = []
  const seen = new Set<string>()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const first = line.charCodeAt(0)
    // A space starts an indented line; blank lines and comments belong to the piece around them.
    if (first === 32 || blankOrComment.test(line)) continue
    const match = topLevelKey.exec(line)
    if (!match) return undefined
    const key = match[1]!
    if (seen.has(key) || key === '__proto__') return undefined
    seen.add(key)
    starts.push({ line: i, key })
  }
  if (starts.length === 0) return undefined
  const pieces: YamlPiece[] = []
  starts.forEach(({ line, key }, k) => {
    // Comments and blank lines before the first key go with it.
    const from = k === 0 ? 0 : line
    const to = k + 1 < starts.length ? starts[k + 1]!.line : lines.length
    const items = listItems(lines, line, to)
    if (items) {
      items.forEach(([start, end], n) => {
        // What lies between the key and its first item (comments) goes with the first item.
        const itemFrom = n === 0 ? line + 1 : start
        pieces.push({ text: lines.slice(itemFrom, end).join('\n'), key, item: true })
      })
    } else {
      pieces.push({ text: lines.slice(from, to).join('\n'), key, item: false })
    }
  })
  return pieces
}

/**
 * The line ranges of a key's list items, when its value is a block list indented under it and
 * every line at or left of the items' indentation starts an item (or is blank or a comment).
 */
function listItems(lines: readonly string[], keyLine: number, to: number): [number, number][] | undefined {
  if (!/^[^:]*:[ \t]*(?:#.*)?$/.test(lines[keyLine]!)) return undefined
  let indent = -1
  const items: [number, number][] = []
  for (let i = keyLine + 1; i < to; i++) {
    const line = lines[i]!
    if (blankOrComment.test(line)) continue
    const spaces = line.length - line.trimStart().length
    if (indent === -1) {
      if (spaces === 0 || !isItemStart(line, spaces)) return undefined
      indent = spaces
    }
    if (spaces > indent) continue
    if (spaces < indent || !isItemStart(line, spaces)) return undefined
    if (items.length > 0) items[items.length - 1]![1] = i
    items.push([i, to])
  }
  return items.length > 0 ? items : undefined
}

function isItemStart(line: string, spaces: number): boolean {
  return line[spaces] === '-' && (line.length === spaces + 1 || line[spaces + 1] === ' ')
}

/**
 * The file's value from its pieces' values (each as the parser gave it: a mapping of one key, or
 * a list of one item), or undefined when a piece did not come out as its cut promised.
 */
export function joinYaml(pieces: readonly YamlPiece[], values: readonly unknown[]): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {}
  for (let i = 0; i < pieces.length; i++) {
    const { key, item } = pieces[i]!
    const value = values[i]
    if (item) {
      if (!Array.isArray(value) || value.length !== 1) return undefined
      const list = Object.hasOwn(result, key) ? result[key] : (result[key] = [])
      ;(list as unknown[]).push(value[0])
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
      const keys = Object.keys(value)
      if (keys.length !== 1 || keys[0] !== key) return undefined
      result[key] = (value as Record<string, unknown>)[key]
    }
  }
  return result
}

/** Each piece's value (as `joinYaml` takes them) from the whole file's, or undefined when they do not match the cut. */
export function splitYaml(pieces: readonly YamlPiece[], whole: unknown): unknown[] | undefined {
  if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) return undefined
  const value = whole as Record<string, unknown>
  const keys = Object.keys(value)
  const values: unknown[] = []
  const taken = new Map<string, number>()
  for (const { key, item } of pieces) {
    if (!Object.hasOwn(value, key)) return undefined
    if (!item) {
      values.push({ [key]: value[key] })
      continue
    }
    const list = value[key]
    const next = taken.get(key) ?? 0
    if (!Array.isArray(list) || next >= list.length) return undefined
    taken.set(key, next + 1)
    values.push([list[next]])
  }
  // Every key, and every item of each list, belongs to one piece.
  const named = new Set(pieces.map((piece) => piece.key))
  if (keys.length !== named.size) return undefined
  for (const [key, count] of taken) if ((value[key] as unknown[]).length !== count) return undefined
  return values
}
