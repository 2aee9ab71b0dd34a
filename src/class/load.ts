/**
 * Session files into a class: each file validated on its own (a broken file never stops the
 * rest), files for another rulebook or scenario left out with the reason, work on another version
 * kept with what changed, and the same workbook handed in twice kept once (the newest).
 */
import type { CompiledRulebook } from '../engine/compile.ts'
import { compareSession, describeDrift, sessionRulebookProblems } from '../engine/drift.ts'
import { maxSessionBytes, parseSession, type SessionParseResult } from '../engine/session.ts'
import type { Session } from '../engine/generated/session.ts'
import validateSession from '../engine/generated/validate-session.js'
import sessionSchema from '../../schemas/session.schema.json' with { type: 'json' }
import { schemaProblems } from '../engine/schema-problems.ts'
import type { ClassStudent, RejectedFile } from './model.ts'

/** One file read: the student, or why it was left out. */
export type ReadResult = { student: ClassStudent } | { rejected: RejectedFile }

/** Above this size a file's problems are not located by line: locating re-parses the whole text slowly. */
const locateBelowBytes = 1024 * 1024

/**
 * `parseSession`, with a quick path for large files: a class may hold a tampered file of many
 * megabytes, and its problems are worth naming, not worth seconds of locating them by line.
 */
function parseLarge(text: string, file: string): SessionParseResult {
  if (text.length < locateBelowBytes || text.length > maxSessionBytes) return parseSession(text, file)
  const whole = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      session: undefined,
      problems: [{ code: 'session-syntax', severity: 'error', message: `the file cannot be read as a session: ${(error as Error).message}`, file, range: whole, path: [] }],
    }
  }
  if (validateSession(value)) return { session: value as Session, problems: [] }
  const source = { file, value, syntaxErrors: [], locate: () => whole, locateWithin: () => whole }
  return { session: undefined, problems: schemaProblems(validateSession.errors ?? [], source, sessionSchema, 'session-schema') }
}

/**
 * Whether a well-formed JSON text writes a key twice in one object (JSON.parse would silently keep
 * the last). A scan that skips over strings with `indexOf`, so a class's long reasoning costs little.
 */
export function repeatsAKey(text: string): boolean {
  // One entry per open `{` (its keys so far) or `[` (undefined).
  const open: (Set<string> | undefined)[] = []
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 34 /* " */) {
      let end = i
      for (;;) {
        end = text.indexOf('"', end + 1)
        if (end === -1) return false
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === 92 /* \ */) slashes++
        if (slashes % 2 === 0) break
      }
      if (expectKey) {
        const raw = text.slice(i + 1, end)
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw
        const keys = open[open.length - 1]!
        if (keys.has(key)) return true
        keys.add(key)
        expectKey = false
      }
      i = end
    } else if (code === 123 /* { */) {
      open.push(new Set())
      expectKey = true
    } else if (code === 91 /* [ */) {
      open.push(undefined)
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      open.pop()
    } else if (code === 44 /* , */) {
      expectKey = open[open.length - 1] !== undefined
    }
  }
  return false
}

/**
 * The session in a file exported by Casework, read the quick way: JSON.parse, no repeated key,
 * valid against the schema. Anything else (YAML, a byte-order mark, a mistake) is undefined, and
 * the careful parse then says what is wrong and where.
 */
function quickSession(text: string): Session | undefined {
  if (text.length > maxSessionBytes || text.charCodeAt(0) !== 123 /* { */) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (value === null || typeof value !== 'object' || !validateSession(value) || repeatsAKey(text)) return undefined
    return value as Session
  } catch {
    // Not JSON, or nested too deeply to check: the careful parse reports it.
    return undefined
  }
}

/** Checks one session file against the class's rulebook. Pure; never throws. */
export function readSessionFile(
  compiled: CompiledRulebook,
  contentHash: string,
  file: string,
  text: string,
): ReadResult {
  const quick = quickSession(text)
  const { session, problems } = quick ? { session: quick, problems: [] } : parseLarge(text, file)
  if (!session) {
    const first = problems[0]
    const where = first && text.length < locateBelowBytes ? `line ${first.range.start.line}: ` : ''
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''
    return {
      rejected: {
        file,
        code: problems.some((p) => p.code === 'session-syntax') ? 'unreadable' : 'not-a-session',
        reason: `Not a valid Casework session: ${where}${first?.message ?? 'it cannot be read'}${more}.`,
      },
    }
  }
  const drift = compareSession(compiled, session, contentHash)
  const mismatch = sessionRulebookProblems(drift, file)[0]
  if (mismatch) {
    return {
      rejected: {
        file,
        code: drift.sameRulebook ? 'unknown-scenario' : 'another-rulebook',
        reason: mismatch.message,
      },
    }
  }
  return {
    student: {
      key: session.id ?? `${session.student.name.trim()}@${session.createdAt}`,
      file,
      name: session.student.name.trim(),
      session,
      notices: describeDrift(compiled, drift),
    },
  }
}

/**
 * The students in the order their files were given, keeping only the newest copy of a workbook
 * handed in more than once (by its id, or its student and start time); the older copies are
 * listed as duplicates, naming the file kept.
 */
export function collectStudents(results: readonly ReadResult[]): {
  students: ClassStudent[]
  rejected: RejectedFile[]
} {
  const rejected: RejectedFile[] = []
  const newest = new Map<string, ClassStudent>()
  for (const result of results) {
    if ('rejected' in result) {
      rejected.push(result.rejected)
      continue
    }
    const { student } = result
    const kept = newest.get(student.key)
    if (!kept) {
      newest.set(student.key, student)
      continue
    }
    const [winner, loser] =
      student.session.updatedAt > kept.session.updatedAt ? [student, kept] : [kept, student]
    newest.set(student.key, winner)
    rejected.push({
      file: loser.file,
      code: 'duplicate',
      reason: `The same workbook as ${winner.file}, which is newer (saved ${winner.session.updatedAt}): the newer copy is kept.`,
    })
  }
  return { students: [...newest.values()], rejected }
}
