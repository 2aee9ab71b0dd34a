import type { Question } from './generated/rulebook.ts'
import type { AnswerValue, Session } from './generated/session.ts'
import sessionSchema from '../../schemas/session.schema.json' with { type: 'json' }
import validateSession from './generated/validate-session.js'
import type { Problem } from './problems.ts'
import { parseSource } from './source.ts'
import { schemaProblems } from './schema-problems.ts'
import { isCompleteAnswer } from './answers.ts'
import { optionIds } from './compile.ts'

export { createSession, sessionFormat } from './create-session.ts'

/** Larger files are refused before parsing: no honest session comes near it. */
export const maxSessionBytes = 20 * 1024 * 1024

/** Whether a value is a complete answer to the question. */
export function isAnswered(question: Question, value: AnswerValue | undefined): boolean {
  return isCompleteAnswer({ question, index: 0, when: undefined, parsedWhen: undefined, options: optionIds(question) }, value)
}

/** A read session file: the session when valid, and every problem found, located. */
export interface SessionParseResult {
  session: Session | undefined
  problems: Problem[]
}

/** Reads a session file (JSON), validating it against schemas/session.schema.json. */
export function parseSession(text: string, file: string): SessionParseResult {
  const whole = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
  if (text.length > maxSessionBytes) {
    return {
      session: undefined,
      problems: [{
        code: 'session-syntax',
        severity: 'error',
        message: `the file is too large to be a Casework session (${(text.length / 1024 / 1024).toFixed(1)} MB; at most ${maxSessionBytes / 1024 / 1024} MB)`,
        file,
        range: whole,
        path: [],
      }],
    }
  }
  const source = parseSource(text, file)
  if (source.syntaxErrors.length > 0 || source.value === null || typeof source.value !== 'object') {
    const errors = source.syntaxErrors.length > 0 ? source.syntaxErrors : [{ message: 'it holds no session', range: whole }]
    return {
      session: undefined,
      problems: errors.map(({ message, range }) => ({
        code: 'session-syntax',
        severity: 'error',
        message: `the file cannot be read as a session: ${message}`,
        hint: 'choose a .json file exported from Casework',
        file,
        range,
        path: [],
      })),
    }
  }
  if (!validateSession(source.value)) {
    return {
      session: undefined,
      problems: schemaProblems(validateSession.errors ?? [], source, sessionSchema, 'session-schema'),
    }
  }
  return { session: source.value, problems: [] }
}
