import type { Session } from '../engine/generated/session.ts'
import { loadRulebook } from '../engine/load.ts'
import { parseSession } from '../engine/session.ts'
import { formatProblem } from '../engine/problems.ts'
import { compileRulebook, type CompiledRulebook } from '../engine/compile.ts'
import { contentHash } from '../engine/hash.ts'
import { compareSession, describeDrift, sessionRulebookProblems } from '../engine/drift.ts'
import { parseSource } from '../engine/source.ts'
import { exitCode, type CliIo } from './io.ts'

/** A student's work and the rulebook it was done on, both checked. */
export interface Work {
  compiled: CompiledRulebook
  session: Session
  contentHash: string
}

/**
 * Reads a rulebook and a session for a command: exit 2 when a file cannot be read, exit 1 (with
 * every located problem) when either has errors or the session belongs to another rulebook or
 * scenario. What changed since the work was done is said on stderr; the work is still used.
 */
export async function loadWork(
  command: string,
  io: CliIo,
  rulebookFile: string,
  sessionFile: string,
): Promise<Work | number> {
  const texts: string[] = []
  for (const file of [rulebookFile, sessionFile]) {
    try {
      texts.push(await io.readFile(file))
    } catch (error) {
      const reason = (error as { code?: string }).code ?? (error as Error).message
      io.stderr(`casework ${command}: cannot read ${file}: ${reason}\n`)
      return exitCode.failure
    }
  }
  const [rulebookText, sessionText] = texts as [string, string]
  // Only errors are shown here: the explorer's warnings are `casework validate`'s to give.
  const loaded = loadRulebook(rulebookText, rulebookFile, undefined, { explore: false, pieces: io.pieceCache?.(rulebookFile) })
  const read = parseSession(sessionText, sessionFile)
  if (!loaded.rulebook || !read.session) {
    const problems = [...loaded.problems.filter((p) => p.severity === 'error'), ...read.problems]
    for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  const compiled = compileRulebook(loaded.rulebook)
  const hash = contentHash(loaded.rulebook)
  const drift = compareSession(compiled, read.session, hash)
  const mismatch = sessionRulebookProblems(drift, sessionFile, (path) =>
    parseSource(sessionText, sessionFile).locate(path),
  )
  if (mismatch.length > 0) {
    for (const problem of mismatch) io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  for (const line of describeDrift(compiled, drift)) io.stderr(`${sessionFile}: warning: ${line}\n`)
  return { compiled, session: read.session, contentHash: hash }
}
