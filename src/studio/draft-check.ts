/**
 * Checks a draft as `casework validate` does (the same loader, so the same codes, messages and
 * hints), and adds what the studio needs around it: offsets for each problem, certain quick fixes,
 * and the outline of ids. Runs in the studio's worker. Pure.
 */
import type { Rulebook } from '@/engine/generated/rulebook'
import { loadRulebook } from '@/engine/load'
import type { Problem } from '@/engine/problems'
import { outlineOf, type Outline } from './outline'
import { lineStarts, offsetOf, quickFixFor, type QuickFix } from './quick-fixes'

/** A problem with its place as offsets into the draft, and its quick fix when one is certain. */
export interface DraftProblem extends Problem {
  from: number
  to: number
  fix?: QuickFix
}

/** What checking a draft gives. */
export interface DraftCheck {
  problems: DraftProblem[]
  /** The rulebook, when the draft has no errors. */
  rulebook?: Rulebook
  outline: Outline
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

/** Checks a draft; never throws for anything the author wrote. */
export function checkDraft(text: string, file: string): DraftCheck {
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
    result = loadRulebook(text, file)
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
  }
  return { problems: result.problems.map(located), rulebook: result.rulebook, outline }
}
