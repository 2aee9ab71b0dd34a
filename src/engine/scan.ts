/**
 * One linear pass over a file's text before it is parsed, so that a hostile file is refused with a
 * located problem instead of exhausting the parser's stack: how deeply it nests lists and groups,
 * and (for JSON, where the parser keeps the last of two equal keys silently) which keys repeat.
 */

/** A key written twice in the same group: offsets of the second one, and of the first. */
export interface RepeatedKey {
  key: string
  start: number
  end: number
  first: number
}

/** Where a JSON text first nests deeper than `maxDepth`, and every repeated key. */
export function scanJson(text: string, maxDepth: number): { tooDeepAt?: number; repeated: RepeatedKey[] } {
  const repeated: RepeatedKey[] = []
  // One frame per open `{` or `[`: the keys seen so far (objects only) and whether a key comes next.
  const frames: { keys?: Map<string, number>; expectKey: boolean }[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '"') {
      const start = i
      let escaped = false
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') {
          escaped = true
          i++
        }
      }
      const frame = frames.at(-1)
      if (frame?.keys && frame.expectKey) {
        const raw = text.slice(start, i + 1)
        let key = raw.slice(1, -1)
        if (escaped) {
          try {
            key = JSON.parse(raw) as string
          } catch {
            // Not valid JSON: the parser reports it.
          }
        }
        const first = frame.keys.get(key)
        if (first === undefined) frame.keys.set(key, start)
        else repeated.push({ key, start, end: i + 1, first })
        frame.expectKey = false
      }
    } else if (char === '{' || char === '[') {
      frames.push(char === '{' ? { keys: new Map(), expectKey: true } : { expectKey: false })
      if (frames.length > maxDepth) return { tooDeepAt: i, repeated }
    } else if (char === '}' || char === ']') {
      frames.pop()
    } else if (char === ',') {
      const frame = frames.at(-1)
      if (frame?.keys) frame.expectKey = true
    }
  }
  return { repeated }
}

// Character codes the YAML scan tests, compared as numbers so the scan is one tight loop.
const SPACE = 32
const TAB = 9
const CR = 13
const HASH = 35
const DASH = 45
const QUESTION = 63
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39
const BACKSLASH = 92
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const COMMA = 44
const COLON = 58
const PIPE = 124
const GREATER = 62
const AMPERSAND = 38
const BANG = 33
const NEWLINE = 10

const isSpaceCode = (code: number) => code === SPACE || code === TAB

/**
 * Where a YAML text first nests deeper than `maxDepth` (block levels by indentation and `- `
 * indicators, plus open flow brackets), or undefined. It reads only structure: block scalars
 * (`|`, `>`), quoted text and comments are skipped, and brackets inside plain text do not count.
 * It may over-count odd but valid layouts; the limit leaves a wide margin above any honest file.
 * One pass over character codes: it runs on every file before the parser, so it must cost little.
 */
export function yamlTooDeepAt(text: string, maxDepth: number): number | undefined {
  const length = text.length
  const levels: number[] = []
  let flow = 0
  /** The open quote's character code, or 0 outside quoted text. */
  let quote = 0
  let blockScalarParent = -1
  let lineStart = 0
  // The next place where a quote, a flow collection or a block scalar may open: one of `"'[{|>`
  // where a value can start (after the indentation, a `- `, `? ` or `: `, or an anchor or tag).
  // Outside quotes and flow collections, a line with none leaves every state as it was, so its
  // characters need no visit. The expression runs natively; it is searched again only once the
  // scan has passed the line of its last match, so the scan stays linear.
  const opening = /(?:^|[-?:]|[&!][^ \t\n]*)[ \t\r]*["'[{|>]/gm
  let openingAt = -1
  let openingEnd = -1
  /** Per parent indentation: the start of the first line that ends a block scalar (`|`, `>`). */
  const blockEnds: RegExp[] = []
  while (lineStart < length) {
    if (blockScalarParent >= 0) {
      // A block scalar's lines are skipped up to the first that ends it, found natively.
      const end = blockEnds[blockScalarParent] ??= new RegExp(`\\n {0,${blockScalarParent}}[^ \\n#\\r]`, 'g')
      end.lastIndex = lineStart - 1
      const match = end.exec(text)
      if (!match) break
      lineStart = match.index + 1
    }
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = length
    let i = lineStart
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++
    const indent = i - lineStart
    const first = i < lineEnd ? text.charCodeAt(i) : NEWLINE
    const blank = i >= lineEnd || first === HASH || first === CR
    if (blockScalarParent >= 0 && (blank || indent > blockScalarParent)) {
      lineStart = lineEnd + 1
      continue
    }
    blockScalarParent = -1
    if (blank && quote === 0) {
      lineStart = lineEnd + 1
      continue
    }
    let valueStart = false
    if (quote === 0 && flow === 0) {
      while (levels.length > 0 && levels[levels.length - 1]! > indent) levels.pop()
      if (levels.length === 0 || levels[levels.length - 1]! < indent) levels.push(indent)
      // Compact nesting: `- - - x` and `? ` open a level at each indicator.
      for (;;) {
        if (i >= lineEnd) break
        const code = text.charCodeAt(i)
        if (code !== DASH && code !== QUESTION) break
        if (!(i + 1 === lineEnd || isSpaceCode(text.charCodeAt(i + 1)))) break
        i++
        while (i < lineEnd && isSpaceCode(text.charCodeAt(i))) i++
        if (i < lineEnd) levels.push(i - lineStart)
        if (levels.length > maxDepth) return i
      }
      valueStart = true
    }
    if (levels.length + flow > maxDepth) return i
    if (quote === 0 && flow === 0) {
      if (openingAt < lineStart) {
        opening.lastIndex = lineStart
        const match = opening.exec(text)
        openingAt = match ? match.index : length
        openingEnd = match ? match.index + match[0].length : length
      }
      if (openingEnd > lineEnd) {
        lineStart = lineEnd + 1
        continue
      }
    }
    for (; i < lineEnd; i++) {
      const code = text.charCodeAt(i)
      if (quote !== 0) {
        if (code === BACKSLASH && quote === DOUBLE_QUOTE) i++
        else if (code === quote) {
          quote = 0
          valueStart = false
        }
        continue
      }
      if (code === SPACE || code === TAB) continue
      if (code === HASH && (i === lineStart || isSpaceCode(text.charCodeAt(i - 1)))) break
      if ((code === DOUBLE_QUOTE || code === SINGLE_QUOTE) && (valueStart || flow > 0)) {
        quote = code
        continue
      }
      if ((code === OPEN_BRACKET || code === OPEN_BRACE) && (valueStart || flow > 0)) {
        flow++
        if (levels.length + flow > maxDepth) return i
        continue
      }
      if ((code === CLOSE_BRACKET || code === CLOSE_BRACE) && flow > 0) {
        flow--
        continue
      }
      if (flow === 0 && (code === PIPE || code === GREATER) && valueStart) {
        blockScalarParent = indent
        break
      }
      if (flow === 0 && (code === AMPERSAND || code === BANG)) {
        // An anchor or a tag before the value: the value may still open a flow collection.
        while (i + 1 < lineEnd && !isSpaceCode(text.charCodeAt(i + 1))) i++
        continue
      }
      if (code === COLON) {
        const next = i + 1 === lineEnd ? NEWLINE : text.charCodeAt(i + 1)
        if (next === NEWLINE || next === SPACE || next === TAB || next === CR) {
          valueStart = true
          continue
        }
      }
      if (flow === 0) {
        // Plain text: only a `: ` later on the line starts another value.
        // Searched within the line only, so the scan stays linear.
        let colon = -1
        for (let j = i; j < lineEnd - 1; j++) {
          const at = text.charCodeAt(j)
          if (at === SPACE && text.charCodeAt(j + 1) === HASH) break
          if (at === COLON && text.charCodeAt(j + 1) === SPACE) {
            colon = j
            break
          }
        }
        if (colon === -1) break
        i = colon
        valueStart = true
        continue
      }
      // In a flow collection, a value starts after a bracket, a comma or a colon.
      const previous = i > 0 ? text.charCodeAt(i - 1) : 0
      valueStart = previous === OPEN_BRACKET || previous === OPEN_BRACE || previous === COMMA || previous === COLON
    }
    lineStart = lineEnd + 1
  }
  return undefined
}

/** Where a path's value (and the key naming it) was written in a JSON text. */
export interface JsonLocation {
  /** The deepest value found along the path: the whole path's, or a parent's when a part is missing. */
  value: [number, number]
  /** The key of the whole path's value, when it was found and is an object's member. */
  key?: [number, number]
  found: boolean
}

/**
 * Finds a path in well-formed JSON in one pass that skips every sibling it passes, so locating a
 * problem in a large session costs a scan, not a second parse that keeps every position.
 */
export function locateJson(text: string, path: readonly (string | number)[]): JsonLocation {
  const space = (i: number) => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i++
    return i
  }
  const stringEnd = (i: number) => {
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
    return i + 1
  }
  const valueEnd = (i: number): number => {
    const open = text[i]
    if (open === '"') return stringEnd(i)
    if (open === '{' || open === '[') {
      let depth = 0
      for (; i < text.length; i++) {
        const char = text[i]
        if (char === '"') i = stringEnd(i) - 1
        else if (char === '{' || char === '[') depth++
        else if (char === '}' || char === ']') {
          depth--
          if (depth === 0) return i + 1
        }
      }
      return text.length
    }
    while (i < text.length && !/[,}\]\s]/.test(text[i]!)) i++
    return i
  }
  let at = space(0)
  let key: [number, number] | undefined
  for (const segment of path) {
    const open = text[at]
    let next: number | undefined
    let nextKey: [number, number] | undefined
    if (open === '{' && typeof segment === 'string') {
      let i = space(at + 1)
      while (i < text.length && text[i] === '"') {
        const end = stringEnd(i)
        const raw = text.slice(i, end)
        const name = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)
        const value = space(space(end) + 1)
        if (name === segment) {
          next = value
          nextKey = [i, end]
          break
        }
        i = space(valueEnd(value))
        if (text[i] !== ',') break
        i = space(i + 1)
      }
    } else if (open === '[' && typeof segment === 'number') {
      let i = space(at + 1)
      for (let index = 0; i < text.length && text[i] !== ']'; index++) {
        if (index === segment) {
          next = i
          break
        }
        i = space(valueEnd(i))
        if (text[i] !== ',') break
        i = space(i + 1)
      }
    }
    if (next === undefined) return { value: [at, valueEnd(at)], found: false }
    at = next
    key = nextKey
  }
  return { value: [at, valueEnd(at)], ...(key ? { key } : {}), found: true }
}
