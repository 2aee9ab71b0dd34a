import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml'
import type { Range } from './problems.ts'

/** A parsed YAML or JSON file that remembers where everything in it was written. */
export interface SourceFile {
  file: string
  /** The plain value, or undefined when the text could not be parsed at all. */
  value: unknown
  /** Syntax mistakes, with their ranges. */
  syntaxErrors: { message: string; range: Range }[]
  /** The range of the value at a path; `key: true` gives the range of its key instead. */
  locate(path: readonly (string | number)[], options?: { key?: boolean }): Range
  /** The range of the condition text at a path, from `start` to `end` offsets within it. */
  locateWithin(path: readonly (string | number)[], start: number, end: number): Range
}

const startOfFile: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

/**
 * Aliases (`*name`) can multiply a small file into a huge value; a file that defines an anchor
 * (`&name`), which every alias needs, takes the careful path. Looking for the anchor rather than
 * the alias keeps Markdown emphasis (`**bold**`, ` *word*`) on the fast path; an alias with no
 * anchor makes the fast parser fail, and so takes the careful path too.
 */
const anchorPattern = /(^|[\s[{,:-])&[^\s,\]}]/m

/**
 * Parses quickly when the text is well formed: JSON.parse for JSON, js-yaml for YAML (the YAML 1.2
 * core schema, as the positional parser uses). Source positions are only needed to report
 * problems, so the slower `yaml` document that keeps them is built on first use, or at once when
 * the fast parse fails (it then reports every syntax mistake, located).
 */
function fastParse(text: string): { ok: true; value: unknown } | { ok: false } {
  if (anchorPattern.test(text)) return { ok: false }
  try {
    const value = /^\s*[{[]/.test(text) ? JSON.parse(text) : loadYaml(text, { schema: CORE_SCHEMA })
    return { ok: true, value }
  } catch {
    return { ok: false }
  }
}

/** Parses YAML (JSON is YAML too), able to tell where every node was written. */
export function parseSource(text: string, file: string): SourceFile {
  let positional: ReturnType<typeof parsePositional> | undefined
  const document = () => (positional ??= parsePositional(text))
  const fast = fastParse(text)
  const { value, syntaxErrors } = fast.ok ? { value: fast.value, syntaxErrors: [] } : document()
  return {
    file,
    value,
    syntaxErrors,
    locate: (path, options) => document().locate(path, options),
    locateWithin: (path, start, end) => document().locateWithin(path, start, end),
  }
}

function parsePositional(text: string) {
  const lineCounter = new LineCounter()
  const doc: Document.Parsed = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // A rulebook is data: no custom tags, no merge keys that hide where a value came from.
    merge: false,
  })

  const toRange = (from: number, to: number): Range => {
    const start = lineCounter.linePos(from)
    const end = lineCounter.linePos(Math.max(from, to))
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } }
  }

  const syntaxErrors = doc.errors.map((error) => ({
    message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    range: toRange(error.pos[0], error.pos[1]),
  }))

  /** The deepest node along the path, and the pair holding it (for key ranges). */
  function walk(path: readonly (string | number)[]) {
    let node: unknown = doc.contents
    let keyNode: Node | undefined
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment))
        if (!pair) break
        keyNode = pair.key as Node
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        keyNode = undefined
        node = node.items[segment]
      } else {
        break
      }
    }
    return { node: node as Node | null | undefined, keyNode }
  }

  function locate(path: readonly (string | number)[], options: { key?: boolean } = {}): Range {
    // Walk up until a node with a known range: a missing property is located at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const { node, keyNode } = walk(path.slice(0, depth))
      const target = options.key && depth === path.length && keyNode ? keyNode : node
      if (target?.range) return toRange(target.range[0], target.range[1])
    }
    return startOfFile
  }

  function locateWithin(path: readonly (string | number)[], start: number, end: number): Range {
    const { node } = walk(path)
    if (!isScalar(node) || !node.range) return locate(path)
    // Offsets map exactly into plain scalars and, past the opening quote, quoted ones; block
    // scalars (| or >) are located at their start.
    const type = node.type
    if (type === 'PLAIN') return toRange(node.range[0] + start, node.range[0] + end)
    if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
      return toRange(node.range[0] + 1 + start, node.range[0] + 1 + end)
    }
    return toRange(node.range[0], node.range[1])
  }

  let value: unknown
  try {
    value = doc.contents === null && syntaxErrors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    // e.g. an alias bomb: report it like any other syntax mistake.
    syntaxErrors.push({ message: (error as Error).message, range: startOfFile })
  }
  return { value, syntaxErrors, locate, locateWithin }
}
