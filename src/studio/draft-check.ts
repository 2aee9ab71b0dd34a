/**
 * Checks a draft as `casework validate` does (the same loader, so the same codes, messages and
 * hints), and adds what the studio needs around it: offsets for each problem, certain quick fixes,
 * and the outline of ids. Runs in the studio's worker. Pure.
 */
import type { Rulebook } from '@/engine/generated/rulebook'
import { loadRulebook } from '@/engine/load'
import type { Problem } from '@/engine/problems'
import { compileRulebook } from '@/engine/compile'
import { runAuthorTests, type TestFailure } from '@/engine/author-tests'
import { parseSource } from '@/engine/source'
import type { PieceMemory } from '@/engine/piece-memory'
import { outlineOf, type Outline } from './outline'
import { lineStarts, offsetOf, quickFixFor, type QuickFix } from './quick-fixes'

/** A problem with its place as offsets into the draft, and its quick fix when one is certain. */
export interface DraftProblem extends Problem {
  from: number
  to: number
  fix?: QuickFix
}

/** What the editor underlines: a problem, or a failed test expectation. */
export interface EditorMark {
  from: number
  to: number
  severity: 'error' | 'warning'
  code: string
  message: string
  hint?: string
  fix?: QuickFix
}

/** The editor marks for failed test expectations. */
export function testMarks(tests: readonly DraftTestResult[]): EditorMark[] {
  return tests.flatMap((test) =>
    test.failures.map((failure) => ({
      from: failure.from,
      to: failure.to,
      severity: 'error' as const,
      code: 'test-failed',
      message: `test “${test.name}” fails: expected ${failure.id ?? 'no next question'} ${failure.key === 'next' ? '' : `to be ${failure.expected}, `}got ${failure.actual}`,
      hint: failure.why,
    })),
  )
}

/** A failed expectation of an author test, located in the draft. */
export interface DraftTestFailure extends Omit<TestFailure, 'trace'> {
  line: number
  column: number
  from: number
  to: number
}

/** One author test's outcome, located at its `name:` line. */
export interface DraftTestResult {
  name: string
  index: number
  because?: string
  passed: boolean
  checked: number
  line: number
  failures: DraftTestFailure[]
}

/** What checking a draft gives. */
export interface DraftCheck {
  problems: DraftProblem[]
  /** The rulebook, when the draft has no errors. */
  rulebook?: Rulebook
  outline: Outline
  /** The author tests' outcomes, run when the draft has no errors. */
  tests?: DraftTestResult[]
}

/** Runs the draft's author tests and places each failure at the expectation that failed. */
export function runDraftTests(rulebook: Rulebook, text: string, file: string, outline: Outline): DraftTestResult[] {
  if (!rulebook.tests?.length) return []
  const results = runAuthorTests(compileRulebook(rulebook))
  const testLines = outline.filter((entry) => entry.kind === 'test')
  const starts = lineStarts(text)
  // Positions need the slower positional parse: only when something failed.
  const source = results.some((r) => !r.passed) ? parseSource(text, file) : undefined
  return results.map((result) => {
    const line = testLines[result.index]?.line ?? 1
    return {
      name: result.name,
      index: result.index,
      because: result.because,
      passed: result.passed,
      checked: result.checked,
      line,
      failures: result.failures.map((failure): DraftTestFailure => {
        const range = source!.locate(failure.path)
        const from = offsetOf(starts, text, range.start.line, range.start.column)
        const to = Math.max(from, offsetOf(starts, text, range.end.line, range.end.column))
        const { key, id, path, expected, actual, why } = failure
        return { key, id, path, expected, actual, why, line: range.start.line, column: range.start.column, from, to }
      }),
    }
  })
}

/** Drafts above this size are not checked: ten times the flagship, far beyond any real rulebook. */
export const maxDraftBytes = 2 * 1024 * 1024

/** The problem shown when a draft is too large to check. */
export function tooLargeProblem(file: string, bytes: number): Problem {
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `the draft is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the ${maxDraftBytes / 1024 / 1024} MB a rulebook may be`,
    hint: 'was something pasted by mistake? Undo (Ctrl+Z) removes it',
    file,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    path: [],
  }
}

/**
 * Checks a draft; never throws for anything the author wrote. `early` hears every problem found
 * before the path explorer and the tests run (the slow part), so they can be shown at once. With
 * `pieces` (kept from check to check), only the pieces of the draft edited since are parsed again.
 */
export function checkDraft(text: string, file: string, early?: (check: DraftCheck) => void, pieces?: PieceMemory): DraftCheck {
  const outline = outlineOf(text)
  const starts = lineStarts(text)
  const located = (problem: Problem): DraftProblem => {
    const from = offsetOf(starts, text, problem.range.start.line, problem.range.start.column)
    const to = Math.max(from, offsetOf(starts, text, problem.range.end.line, problem.range.end.column))
    const fix = quickFixFor(problem, text, starts, outline)
    return fix ? { ...problem, from, to, fix } : { ...problem, from, to }
  }
  if (text.length > maxDraftBytes) {
    return { problems: [located(tooLargeProblem(file, text.length))], outline }
  }
  let result: ReturnType<typeof loadRulebook>
  try {
    const hooks = early ? { beforePaths: (problems: Problem[]) => early({ problems: problems.map(located), outline }) } : {}
    result = loadRulebook(text, file, undefined, { ...hooks, pieces })
  } catch (error) {
    // The loader collects every mistake; anything thrown is the parser giving up (e.g. too deep).
    const problem: Problem = {
      code: 'yaml-syntax',
      severity: 'error',
      message: `the file cannot be read as YAML: ${(error as Error).message}`,
      file,
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      path: [],
    }
    return { problems: [located(problem)], outline }
  } finally {
    pieces?.nextReading()
  }
  const tests = result.rulebook ? runDraftTests(result.rulebook, text, file, outline) : undefined
  return { problems: result.problems.map(located), rulebook: result.rulebook, outline, tests }
}
