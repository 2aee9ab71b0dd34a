/** A 1-based position in a source file. */
export interface Pos {
  line: number
  column: number
}

/** A range in a source file, from start (inclusive) to end (exclusive). */
export interface Range {
  start: Pos
  end: Pos
}

/** Stable codes of every problem the loader can report; tests and tools match on them. */
export type ProblemCode =
  | 'yaml-syntax'
  | 'schema'
  | 'duplicate-id'
  | 'reserved-id'
  | 'unknown-section'
  | 'unknown-option'
  | 'unknown-fact'
  | 'fact-number'
  | 'unknown-authority'
  | 'unknown-scenario'
  | 'unknown-reference'
  | 'options-required'
  | 'options-not-allowed'
  | 'scale-range'
  | 'condition-syntax'
  | 'condition-type'
  | 'forward-reference'
  | 'cycle'
  | 'unreachable'
  | 'never-fails'
  | 'always-holds'
  | 'contradiction'
  | 'lawful-unlawful'
  | 'exploration-limit'
  | 'unused-authority'
  | 'unused-fact'
  | 'empty-section'
  | 'unknown-question'
  | 'unknown-conclusion'
  | 'answer-type'
  | 'duplicate-test'
  | 'session-syntax'
  | 'session-schema'
  | 'session-rulebook'

/** A problem found in a rulebook or a session file: a value the UI and the CLI can show. */
export interface Problem {
  code: ProblemCode
  severity: 'error' | 'warning'
  /** In the author's words, never a stack trace. */
  message: string
  /** What would fix it. */
  hint?: string
  file: string
  range: Range
  /** Where inside the rulebook, e.g. `['questions', 3, 'when']`. */
  path: (string | number)[]
}

/** Whether any of the problems stops the rulebook from being used. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error')
}

/** `file:line:col severity message`, as compilers and linters print problems. */
export function formatProblem(problem: Problem): string {
  const { file, range, severity, message, hint } = problem
  const where = `${file}:${range.start.line}:${range.start.column}`
  return `${where} ${severity} ${message}${hint ? ` (${hint})` : ''} [${problem.code}]`
}
