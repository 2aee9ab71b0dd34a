import type { Rulebook } from './generated/rulebook.ts'
import type { Session } from './generated/session.ts'

/** The format every saved session declares. */
export const sessionFormat = 'casework-session/1'

/**
 * Starts an empty session for a student on one scenario of a rulebook. Kept apart from
 * session.ts, whose file reader needs the YAML parser and the session validator: starting a
 * workbook needs neither.
 */
export function createSession(options: {
  rulebook: Rulebook
  contentHash: string
  scenario: string
  studentName?: string
  title?: string
  id?: string
  now: string
}): Session {
  const { rulebook, contentHash, scenario, studentName = '', title, id, now } = options
  return {
    format: sessionFormat,
    ...(id ? { id } : {}),
    ...(title ? { title } : {}),
    rulebook: { id: rulebook.id, version: rulebook.version, contentHash, title: rulebook.title },
    scenario,
    student: { name: studentName },
    createdAt: now,
    updatedAt: now,
    answers: {},
  }
}
