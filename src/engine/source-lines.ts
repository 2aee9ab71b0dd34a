/**
 * The lines of a file that problems point at, for showing each problem beside its source. A line
 * longer than `width` is cut to a window around the problem's column, so a minified JSON file's one
 * line does not fill the screen.
 */

/** A source line as shown beside a problem: its text, and the part of it the problem is about. */
export interface SourceLine {
  line: number
  /** The text before the marked part, the marked part, and the text after (with `…` where cut). */
  before: string
  marked: string
  after: string
}

/** Where in the file a problem is: 1-based line and column (the engine's `Problem.range`). */
interface Range {
  start: { line: number; column: number }
  end: { line: number; column: number }
}

/**
 * The source line of each range (undefined where the file has no such line), with the range's
 * part marked: to the range's end when it ends on the same line, else one character (or the rest
 * of a short line's word).
 */
export function sourceLines(text: string, ranges: readonly Range[], width = 120): (SourceLine | undefined)[] {
  const wanted = new Set(ranges.map((range) => range.start.line))
  const found = new Map<number, string>()
  let line = 1
  let start = 0
  while (start <= text.length && found.size < wanted.size) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (wanted.has(line)) found.set(line, text.slice(start, end).replace(/\r$/, ''))
    if (end === text.length) break
    start = end + 1
    line++
  }
  return ranges.map((range) => {
    const source = found.get(range.start.line)
    if (source === undefined) return undefined
    // Tabs and control characters as spaces: the line is shown as text, one line high.
    const flat = source.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    const from = Math.min(Math.max(range.start.column - 1, 0), flat.length)
    let to = range.end.line === range.start.line ? range.end.column - 1 : from + 1
    to = Math.min(Math.max(to, from + 1), flat.length)
    if (from >= flat.length) to = from
    // A window of `width` characters around the marked part, when the line is longer.
    const windowStart = flat.length > width ? Math.max(0, Math.min(from - Math.floor(width / 3), flat.length - width)) : 0
    const windowEnd = Math.min(flat.length, windowStart + width)
    const markedEnd = Math.min(to, windowEnd)
    return {
      line: range.start.line,
      before: (windowStart > 0 ? '…' : '') + flat.slice(windowStart, from),
      marked: flat.slice(from, markedEnd),
      after: flat.slice(markedEnd, windowEnd).trimEnd() + (windowEnd < flat.length ? '…' : ''),
    }
  })
}
