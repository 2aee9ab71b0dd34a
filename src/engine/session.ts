import type { Question } from './generated/rulebook.ts'
import type { AnswerValue, Session } from './generated/session.ts'
import sessionSchema from '../../schemas/session.schema.json' with { type: 'json' }
import validateSession from './generated/validate-session.js'
import type { Problem } from './problems.ts'
import { parseSource, sourceProblem } from './source.ts'
import { limits, sizeInWords, tidyProblem } from './limits.ts'
import { schemaProblems } from './schema-problems.ts'
import { isCompleteAnswer } from './answers.ts'
import { optionIds } from './compile.ts'

export { createSession, sessionFormat } from './create-session.ts'

/** Larger files are refused before parsing: no honest session comes near it. */
export const maxSessionBytes = limits.sessionCharacters

/** Whether a value is a complete answer to the question. */
export function isAnswered(question: Question, value: AnswerValue | undefined): boolean {
  return isCompleteAnswer({ question, index: 0, when: undefined, parsedWhen: undefined, options: optionIds(question) }, value)
}

/** A read session file: the session when valid, and every problem found, located. */
export interface SessionParseResult {
  session: Session | undefined
  problems: Problem[]
}

/**
 * Reads a session file (JSON, or YAML), validating it against schemas/session.schema.json. Every
 * problem is located and no message quotes more than a short line of the file.
 */
export function parseSession(text: string, file: string): SessionParseResult {
  const { session, problems } = parseUnchecked(text, file)
  return { session, problems: problems.map(tidyProblem) }
}

function parseUnchecked(text: string, file: string): SessionParseResult {
  const whole = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
  if (text.length > maxSessionBytes) {
    return {
      session: undefined,
      problems: [{
        code: 'session-syntax',
        severity: 'error',
        message: `the file is too large to be a Casework session (${sizeInWords(text.length)}; at most ${sizeInWords(maxSessionBytes)})`,
        file,
        range: whole,
        path: [],
      }],
    }
  }
  const source = parseSource(text, file)
  if (source.syntaxErrors.length > 0) {
    return {
      session: undefined,
      problems: source.syntaxErrors.map((problem) => ({
        ...sourceProblem(problem, file, 'the file cannot be read as a session'),
        ...(problem.code === 'yaml-syntax' ? { code: 'session-syntax' as const, hint: 'choose a .json file exported from Casework' } : {}),
      })),
    }
  }
  if (source.value === null || typeof source.value !== 'object') {
    return {
      session: undefined,
      problems: [{
        code: 'session-syntax',
        severity: 'error',
        message: 'the file cannot be read as a session: it holds no session',
        hint: 'choose a .json file exported from Casework',
        file,
        range: whole,
        path: [],
      }],
    }
  }
  try {
    if (!validateSession(source.value)) {
      return {
        session: undefined,
        problems: schemaProblems(validateSession.errors ?? [], source, sessionSchema, 'session-schema'),
      }
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return {
      session: undefined,
      problems: [{ code: 'limit', severity: 'error', message: 'the file is too complex to read as a session', file, range: whole, path: [] }],
    }
  }
  return { session: source.value, problems: [] }
}
