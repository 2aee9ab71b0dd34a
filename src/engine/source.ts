import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml'
import type { Problem, Range } from './problems.ts'
import { excerpt, limits } from './limits.ts'
import { locateJson, scanJson, yamlTooDeepAt, type RepeatedKey } from './scan.ts'
import { cutYaml, joinYaml, splitYaml } from './yaml-chunks.ts'

/** A mistake found while reading a file, before its content is checked: located, in Casework's words. */
export interface SourceProblem {
  /** `yaml-syntax` for text that is not YAML; the others say what limit or rule the text breaks. */
  code: 'yaml-syntax' | 'duplicate-key' | 'limit' | 'encoding'
  message: string
  hint?: string
  range: Range
}

/** A parsed YAML or JSON file that remembers where everything in it was written. */
export interface SourceFile {
  file: string
  /** The plain value, or undefined when the text could not be parsed at all. */
  value: unknown
  /** Mistakes that stop the file from being read, with their ranges. */
  syntaxErrors: SourceProblem[]
  /** The range of the value at a path; `key: true` gives the range of its key instead. */
  locate(path: readonly (string | number)[], options?: { key?: boolean }): Range
  /** The range of the condition text at a path, from `start` to `end` offsets within it. */
  locateWithin(path: readonly (string | number)[], start: number, end: number): Range
}

/** A problem found while reading the text, in the file's terms. */
export function sourceProblem(problem: SourceProblem, file: string, cannotRead: string): Problem {
  const { code, message, hint, range } = problem
  return {
    code,
    severity: 'error',
    message: code === 'yaml-syntax' ? `${cannotRead}: ${message}` : message,
    ...(hint ? { hint } : {}),
    file,
    range,
    path: [],
  }
}

const startOfFile: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

/**
 * Aliases (`*name`) can multiply a small file into a huge value; a file that defines an anchor
 * (`&name`), which every alias needs, takes the careful path. Looking for the anchor rather than
 * the alias keeps Markdown emphasis (`**bold**`, ` *word*`) on the fast path; an alias with no
 * anchor makes the fast parser fail, and so takes the careful path too.
 *
 * This and `mayHaveComplexKey` find the few `&`, `?`, `]` and `}` with `indexOf` and test the
 * characters around each: a pattern tried at every position of a large file is slow the first
 * (and here only) time it runs.
 */
function mayDefineAnchor(text: string): boolean {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    if (at + 1 < text.length && (at === 0 || beforeAnchor.test(text[at - 1]!)) && !endsAnchor.test(text[at + 1]!)) return true
  }
  return false
}
const beforeAnchor = /[\s[{,:-]/
const endsAnchor = /[\s,\]}]/

/** `? key` and `[a, b]: value` may make a list or a group a key; the careful path reports it. */
function mayHaveComplexKey(text: string): boolean {
  for (let at = text.indexOf('?'); at !== -1; at = text.indexOf('?', at + 1)) {
    if ((at === 0 || beforeQuestion.test(text[at - 1]!)) && (at + 1 === text.length || space.test(text[at + 1]!))) return true
  }
  for (const close of [']', '}']) {
    for (let at = text.indexOf(close); at !== -1; at = text.indexOf(close, at + 1)) {
      colonAfter.lastIndex = at + 1
      if (colonAfter.test(text)) return true
    }
  }
  return false
}
const beforeQuestion = /[\s[{,]/
const space = /\s/
const colonAfter = /\s*:(\s|$)/my
const looksLikeJson = (text: string) => /^\s*[{[]/.test(text)

/**
 * Parses quickly when the text is well formed: JSON.parse for JSON, js-yaml for YAML (the YAML 1.2
 * core schema, as the positional parser uses). Source positions are only needed to report
 * problems, so the slower `yaml` document that keeps them is built on first use, or at once when
 * the fast parse fails (it then reports every syntax mistake, located).
 */
function fastParse(text: string, pieces?: PieceCache): { ok: true; value: unknown } | { ok: false } {
  if (mayDefineAnchor(text) || mayHaveComplexKey(text)) return { ok: false }
  try {
    if (looksLikeJson(text)) return { ok: true, value: JSON.parse(text) }
    const value = (pieces && parseInPieces(text, pieces)) ?? loadYaml(text, { schema: CORE_SCHEMA })
    return { ok: true, value }
  } catch {
    return { ok: false }
  }
}

/**
 * Values of pieces of YAML text already parsed, by a key of their text: the CLI keeps them
 * between runs, so that a file read again is parsed only where it changed (see yaml-chunks.ts).
 */
export interface PieceCache {
  keyOf(text: string): string
  /** The value kept for this key (a copy of its own: the reader may change it), or undefined. */
  get(key: string): unknown
  /** Keeps a value; it is also part of the file's value, so it must be copied (or written out) at once. */
  set(key: string, value: unknown): void
}

/**
 * The file's value from its pieces, parsing only those not kept, or undefined when it must be
 * parsed whole. When most pieces are new (a first reading), one parse of the whole file is cheaper
 * than many small ones, and its value is cut into the pieces' values to keep.
 */
function parseInPieces(text: string, cache: PieceCache): unknown {
  const pieces = cutYaml(text)
  if (!pieces) return undefined
  const keys = pieces.map((piece) => cache.keyOf(piece.text))
  const values = keys.map((key) => cache.get(key))
  const missing = values.filter((value) => value === undefined).length
  if (missing === 0) return joinYaml(pieces, values)
  if (missing * 2 > pieces.length) {
    // Throws for a file that does not parse: the caller then locates its mistakes.
    const whole: unknown = loadYaml(text, { schema: CORE_SCHEMA })
    splitYaml(pieces, whole)?.forEach((value, i) => {
      if (values[i] === undefined) cache.set(keys[i]!, value)
    })
    return whole
  }
  for (let i = 0; i < pieces.length; i++) {
    if (values[i] !== undefined) continue
    try {
      values[i] = loadYaml(pieces[i]!.text, { schema: CORE_SCHEMA })
    } catch {
      // Parsed whole instead: the file's own mistakes are then reported, located, as ever.
      return undefined
    }
    cache.set(keys[i]!, values[i])
  }
  return joinYaml(pieces, values)
}

/** Offsets to 1-based lines and columns, for text that the positional parser has not seen. */
function lineIndex(text: string) {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  const at = (offset: number) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - starts[low]! + 1 }
  }
  return (from: number, to: number = from): Range => ({ start: at(from), end: at(Math.max(from, to)) })
}

/**
 * The text as the parsers should see it: without a byte-order mark, with every line ending
 * (CRLF, or a lone CR) as `\n` so that lines are counted as an editor counts them. Text that was
 * not decoded as UTF-8 (UTF-16 read byte by byte shows NUL characters) is refused.
 */
function normalise(text: string): { text: string } | { problem: SourceProblem } {
  const head = text.slice(0, 1000)
  if (head.includes('\u0000') || head.startsWith('\uFFFD\uFFFD')) {
    return {
      problem: {
        code: 'encoding',
        message: 'the file is not UTF-8 text (it looks like UTF-16)',
        hint: 'save it again as UTF-8, the encoding Casework reads',
        range: startOfFile,
      },
    }
  }
  const unmarked = text.replace(/^\uFEFF/, '')
  // A regular expression run over a large file costs several milliseconds the first (and here
  // only) time; most files have no CR to replace, and `includes` finds that out at once.
  return { text: unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked }
}

const tooDeep = (range: Range): SourceProblem => ({
  code: 'limit',
  message: `lists and groups are nested more than ${limits.nesting} deep here`,
  hint: 'a rulebook or a workbook needs only a few levels; look for brackets that are never closed',
  range,
})

const repeatedKey = (key: string, range: Range, firstLine?: number): SourceProblem => ({
  code: 'duplicate-key',
  message: `\`${excerpt(key)}\` is written twice in the same group${firstLine ? ` (first on line ${firstLine})` : ''}`,
  hint: 'keep one of them: otherwise one would silently replace the other',
  range,
})

/** Parses YAML (JSON is YAML too), able to tell where every node was written. */
export function parseSource(rawText: string, file: string, options: { pieces?: PieceCache } = {}): SourceFile {
  const normalised = normalise(rawText)
  if ('problem' in normalised) return failed(file, [normalised.problem])
  const { text } = normalised

  const json = looksLikeJson(text)
  let repeated: RepeatedKey[] = []
  let tooDeepAt: number | undefined
  if (json) ({ tooDeepAt, repeated } = scanJson(text, limits.nesting))
  else tooDeepAt = yamlTooDeepAt(text, limits.nesting)
  if (tooDeepAt !== undefined) return failed(file, [tooDeep(lineIndex(text)(tooDeepAt))])

  let positional: ReturnType<typeof parsePositional> | undefined
  const document = () => (positional ??= parsePositional(text))
  const fast = fastParse(text, options.pieces)
  let value: unknown
  let syntaxErrors: SourceProblem[]
  if (fast.ok) {
    value = fast.value
    syntaxErrors = []
    if (json) {
      const rangeOf = lineIndex(text)
      syntaxErrors = repeated.map(({ key, start, end, first }) =>
        repeatedKey(key, rangeOf(start, end), rangeOf(first).start.line),
      )
      // Well-formed JSON is located by a scan, without building a second, positional parse.
      const locate = (path: readonly (string | number)[], options: { key?: boolean } = {}) => {
        const found = locateJson(text, path)
        const [from, to] = options.key && found.found && found.key ? found.key : found.value
        return rangeOf(from, to)
      }
      return {
        file,
        value,
        syntaxErrors,
        locate,
        locateWithin: (path, start, end) => {
          const found = locateJson(text, path)
          if (!found.found || text[found.value[0]] !== '"') return locate(path)
          return rangeOf(found.value[0] + 1 + start, found.value[0] + 1 + end)
        },
      }
    }
  } else {
    ;({ value, syntaxErrors } = document())
  }
  return {
    file,
    value,
    syntaxErrors,
    locate: (path, options) => document().locate(path, options),
    locateWithin: (path, start, end) => document().locateWithin(path, start, end),
  }
}

function failed(file: string, syntaxErrors: SourceProblem[]): SourceFile {
  return { file, value: undefined, syntaxErrors, locate: () => startOfFile, locateWithin: () => startOfFile }
}

/** The parser's complaints in an author's words, by the parser's stable error codes. */
const yamlMessages: Record<string, { message: string; hint?: string }> = {
  ALIAS_PROPS: { message: 'an alias (`*name`) cannot carry an anchor or a tag' },
  BAD_ALIAS: { message: 'an alias (`*name`) refers to no anchor (`&name`) written before it' },
  BAD_DIRECTIVE: { message: 'a `%` directive line is not understood' },
  BAD_DQ_ESCAPE: {
    message: 'a backslash in double-quoted text starts an escape that does not exist',
    hint: 'write `\\\\` for a backslash, or use single quotes',
  },
  BAD_INDENT: { message: 'the indentation here does not line up with the lines around it' },
  BAD_PROP_ORDER: { message: 'an anchor or a tag is in the wrong place' },
  BAD_SCALAR_START: { message: 'text cannot start with this character unless it is in quotes' },
  BLOCK_AS_IMPLICIT_KEY: { message: 'a `key: value` entry cannot start here: perhaps the line is indented too far, or text containing `: ` needs quotes' },
  BLOCK_IN_FLOW: { message: 'an indented block cannot stand inside `[ ]` or `{ }`' },
  IMPOSSIBLE: { message: 'the text here cannot be read' },
  MISSING_CHAR: { message: 'a closing bracket or quote is missing' },
  MULTILINE_IMPLICIT_KEY: { message: 'a key must be on a single line; perhaps a `: ` is missing or a line is indented wrongly' },
  MULTIPLE_ANCHORS: { message: 'a value has more than one anchor (`&name`)' },
  MULTIPLE_DOCS: { message: 'the file holds more than one document (`---`); it must hold exactly one' },
  MULTIPLE_TAGS: { message: 'a value has more than one tag (`!name`)' },
  NON_STRING_KEY: { message: 'a key must be text, not a list or a group' },
  RESOURCE_EXHAUSTION: { message: 'aliases (`*name`) repeat content too many times', hint: 'write the content out instead' },
  TAB_AS_INDENT: { message: 'a tab is used for indentation', hint: 'indent with spaces' },
  TAG_RESOLVE_FAILED: { message: 'a tag (`!name`) is not understood', hint: 'rulebooks and workbooks use no tags' },
  UNEXPECTED_TOKEN: { message: 'something here is out of place: perhaps a stray character, a missing `: `, or a line indented wrongly' },
  BAD_COLLECTION_TYPE: { message: 'a tag does not fit the list or group it is on' },
}
const defaultHint = 'check indentation, and put text containing `: ` or starting with a symbol in quotes'

function parsePositional(text: string) {
  const lineCounter = new LineCounter()
  const doc: Document.Parsed = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // Repeated keys are found below, with both places named.
    uniqueKeys: false,
    // A rulebook is data: no custom tags, no merge keys that hide where a value came from.
    merge: false,
    // The parser's own warnings (e.g. about collection keys) would reach the console; they are problems here.
    logLevel: 'silent',
  })

  const toRange = (from: number, to: number): Range => {
    const start = lineCounter.linePos(from)
    const end = lineCounter.linePos(Math.max(from, to))
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } }
  }

  const syntaxErrors: SourceProblem[] = doc.errors.map((error) => {
    const words = yamlMessages[error.code] ?? { message: 'the text here cannot be read' }
    return { code: 'yaml-syntax', message: words.message, hint: words.hint ?? defaultHint, range: toRange(error.pos[0], error.pos[1]) }
  })

  if (syntaxErrors.length === 0) {
    visit(doc, {
      Map(_, map) {
        const seen = new Map<string, Node>()
        for (const pair of map.items) {
          const key = pair.key as Node | null
          if (key && !isScalar(key)) {
            syntaxErrors.push({
              code: 'yaml-syntax',
              message: 'a key must be text, not a list or a group',
              hint: 'write the key as plain text, such as `id`',
              range: key.range ? toRange(key.range[0], key.range[1]) : startOfFile,
            })
            continue
          }
          const name = String(key?.value ?? '')
          const first = seen.get(name)
          if (first && key?.range) {
            syntaxErrors.push(repeatedKey(name, toRange(key.range[0], key.range[1]), first.range ? toRange(first.range[0], first.range[0]).start.line : undefined))
          } else if (key) {
            seen.set(name, key)
          }
        }
      },
    })
  }

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
  if (syntaxErrors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 })
    } catch (error) {
      // An alias with no anchor before it, or an alias bomb: report it like any other syntax mistake.
      const unresolved = error instanceof ReferenceError && /Unresolved alias/.test(error.message)
      const name = unresolved ? /:\s*([^\s:]{1,40})\s*$/.exec(error.message)?.[1] : undefined
      syntaxErrors.push(
        unresolved
          ? {
              message: `the alias \`*${name ?? ''}\` refers to no anchor (\`&${name ?? 'name'}\`) set before it`,
              hint: 'define the anchor before the alias, or write the content out',
              code: 'yaml-syntax',
              range: startOfFile,
            }
          : { ...yamlMessages.RESOURCE_EXHAUSTION!, code: 'yaml-syntax', range: startOfFile },
      )
    }
  }
  return { value, syntaxErrors, locate, locateWithin }
}
