/**
 * Quick fixes the studio offers only where the fix is certain: a misspelt property the checker
 * found one close match for, or an unknown id with exactly one close match among the ids of its
 * kind. Pure.
 */
import type { Problem } from '@/engine/problems'
import type { IdKind } from './schema-docs'
import { idsOf, type Outline } from './outline'

/** Replace the text of a problem's range. */
export interface QuickFix {
  title: string
  /** 0-based offsets into the draft. */
  from: number
  to: number
  insert: string
}

/** Edit distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** The one candidate close to `word`, or undefined when none or several are close. */
export function onlyCloseMatch(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3))
  const close = [...new Set(candidates)].filter((c) => c !== word && editDistance(word, c) <= limit)
  return close.length === 1 ? close[0] : undefined
}

/** Offsets of the start of each line, for turning 1-based line/column into offsets. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

export function offsetOf(starts: readonly number[], text: string, line: number, column: number): number {
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0
  return Math.min(start + Math.max(column, 1) - 1, text.length)
}

const codeKinds: Partial<Record<Problem['code'], IdKind[]>> = {
  'unknown-section': ['section'],
  'unknown-authority': ['authority'],
  'unknown-fact': ['fact'],
  'unknown-scenario': ['scenario'],
  'unknown-reference': ['question', 'conclusion'],
}

/** The ids a message lists as the allowed ones (`… has only \`a\`, \`b\` and \`c\``). */
function listedIds(message: string, after: string): string[] {
  const at = message.lastIndexOf(after)
  return at < 0 ? [] : [...message.slice(at).matchAll(/`([^`]+)`/g)].map((m) => m[1]!)
}

/** The quick fix for a problem, when one is certain. */
export function quickFixFor(problem: Problem, text: string, starts: readonly number[], outline: Outline): QuickFix | undefined {
  const { start, end } = problem.range
  let from = offsetOf(starts, text, start.line, start.column)
  let to = offsetOf(starts, text, end.line, end.column)
  let written = text.slice(from, to)
  // Quoted values are fixed inside their quotes.
  const quoted = /^(["'])(.*)\1$/.exec(written)
  if (quoted) {
    from += 1
    to -= 1
    written = quoted[2]!
  }
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(written)) return undefined

  let candidates: string[] = []
  if (problem.code === 'schema') {
    const property = /has an unknown property `([^`]+)`/.exec(problem.message)?.[1]
    const guess = /^did you mean `([^`]+)`\?$/.exec(problem.hint ?? '')?.[1]
    if (property !== written || !guess) return undefined
    candidates = [guess]
  } else if (problem.code === 'unknown-option') {
    candidates = listedIds(problem.message, 'has only')
  } else if (problem.code === 'unknown-scenario' && problem.message.includes('the scenarios are')) {
    candidates = listedIds(problem.message, 'the scenarios are')
  } else {
    const kinds = codeKinds[problem.code]
    if (!kinds) return undefined
    candidates = kinds.flatMap((kind) => idsOf(outline, kind).map((entry) => entry.id))
  }
  const match = onlyCloseMatch(written, candidates)
  return match ? { title: `Change to “${match}”`, from, to, insert: match } : undefined
}
