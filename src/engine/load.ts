import type { Rulebook } from './generated/rulebook.ts'
import rulebookSchema from '../../schemas/rulebook.schema.json' with { type: 'json' }
import validateRulebook from './generated/validate-rulebook.js'
import { hasErrors, type Problem } from './problems.ts'
import { parseSource, sourceProblem, type PieceCache, type SourceFile } from './source.ts'
import { schemaProblems } from './schema-problems.ts'
import { lintRulebook, type LintOptions } from './lint.ts'
import { limits, sizeInWords, tidyProblem } from './limits.ts'

/** A loaded rulebook: present only when it has no errors; problems always listed, errors first. */
export interface LoadResult {
  rulebook: Rulebook | undefined
  problems: Problem[]
}

const bySeverityThenPlace = (a: Problem, b: Problem) =>
  Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
  a.range.start.line - b.range.start.line ||
  a.range.start.column - b.range.start.column

const startOfFile = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

/** The lists whose length is limited before the schema and the checks run over them. */
const limitedLists = ['questions', 'conclusions', 'sections', 'scenarios', 'authorities'] as const

/** How far loading has got, for a progress bar: each step, in order. */
export type LoadStep = 'parse' | 'schema' | 'lint'

/** What loading checks beyond errors. */
/** What to check while loading, and ways to hear from the check (see `LintOptions`). */
export interface LoadOptions extends LintOptions {
  /** Values of pieces of the text parsed before (the CLI keeps them between runs): see `PieceCache`. */
  pieces?: PieceCache
}

/**
 * Reads a rulebook written in YAML or JSON: parses it keeping positions, validates it against
 * schemas/rulebook.schema.json, then checks what the schema cannot (ids, references, conditions,
 * reachability, unused entries). Every problem is collected and located; nothing is thrown.
 * Files beyond the limits in `limits.ts` are refused, located, before the work they would cost.
 */
export function loadRulebook(text: string, file: string, onStep?: (step: LoadStep) => void, options: LoadOptions = {}): LoadResult {
  const { beforePaths } = options
  const tidied: LoadOptions = beforePaths
    ? { ...options, beforePaths: (problems) => beforePaths(problems.sort(bySeverityThenPlace).map(tidyProblem)) }
    : options
  const { rulebook, problems } = loadUnchecked(text, file, onStep, tidied)
  return { rulebook, problems: problems.map(tidyProblem) }
}

function loadUnchecked(text: string, file: string, onStep: ((step: LoadStep) => void) | undefined, options: LoadOptions): LoadResult {
  if (text.length > limits.rulebookCharacters) {
    return {
      rulebook: undefined,
      problems: [{
        code: 'limit',
        severity: 'error',
        message: `the file is too large to be a rulebook (${sizeInWords(text.length)}; at most ${sizeInWords(limits.rulebookCharacters)})`,
        file,
        range: startOfFile,
        path: [],
      }],
    }
  }
  onStep?.('parse')
  const source = parseSource(text, file, { pieces: options.pieces })
  const syntax = source.syntaxErrors.map((problem) => sourceProblem(problem, file, 'the file cannot be read as YAML'))
  if (syntax.length > 0) return { rulebook: undefined, problems: syntax }

  const tooLong = listLimitProblems(source, text)
  if (tooLong.length > 0) return { rulebook: undefined, problems: tooLong }

  try {
    onStep?.('schema')
    if (!validateRulebook(source.value)) {
      const problems = schemaProblems(validateRulebook.errors ?? [], source, rulebookSchema, 'schema')
      return { rulebook: undefined, problems: problems.sort(bySeverityThenPlace) }
    }
    const rulebook = source.value
    onStep?.('lint')
    const problems = lintRulebook(rulebook, source, options).sort(bySeverityThenPlace)
    return { rulebook: hasErrors(problems) ? undefined : rulebook, problems }
  } catch (error) {
    // The nesting limit keeps the stack safe; should a check still exhaust it, say so, located.
    if (!(error instanceof RangeError)) throw error
    return {
      rulebook: undefined,
      problems: [{ code: 'limit', severity: 'error', message: 'the rulebook is too complex to check', file, range: startOfFile, path: [] }],
    }
  }
}

/**
 * Where a top-level key is written, found by a scan rather than the positional parse (which, on a
 * file refused for its size, would cost more than everything else); undefined if not found.
 */
function topLevelKey(text: string, key: string) {
  const match = new RegExp(`^(?:${key}|"${key}"|'${key}')\\s*:|"${key}"\\s*:`, 'm').exec(text)
  if (!match) return undefined
  const before = text.slice(0, match.index)
  const line = before.split(/\r\n?|\n/).length
  const column = match.index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  return { start: { line, column }, end: { line, column: column + match[0].length } }
}

function listLimitProblems(source: SourceFile, text: string): Problem[] {
  const value = source.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  return limitedLists.flatMap((list): Problem[] => {
    const items = Object.hasOwn(value, list) ? (value as Record<string, unknown>)[list] : undefined
    if (!Array.isArray(items) || items.length <= limits.listEntries) return []
    return [{
      code: 'limit',
      severity: 'error',
      message: `\`${list}\` lists ${items.length.toLocaleString('en')} entries; a rulebook may have at most ${limits.listEntries.toLocaleString('en')}`,
      hint: 'split the material into several rulebooks',
      file: source.file,
      range: topLevelKey(text, list) ?? source.locate([list], { key: true }),
      path: [list],
    }]
  })
}
