import { parseArgs } from 'node:util'
import { loadRulebook } from '../../engine/load.ts'
import { parseSession } from '../../engine/session.ts'
import { formatProblem } from '../../engine/problems.ts'
import { compileRulebook } from '../../engine/compile.ts'
import { evaluate } from '../../engine/evaluate.ts'
import { renderWalkText } from '../walk-text.ts'
import { exitCode, type Command } from '../io.ts'

/** `casework explain <rulebook> <session.json>`: the walk and the conclusions, in words. */
export const explain: Command = async (argv, io) => {
  let positionals: string[]
  try {
    positionals = parseArgs({ args: argv, allowPositionals: true, strict: true }).positionals
  } catch (error) {
    io.stderr(`casework explain: ${(error as Error).message}\n`)
    return exitCode.failure
  }
  const [rulebookFile, sessionFile] = positionals
  if (!rulebookFile || !sessionFile || positionals.length > 2) {
    io.stderr('casework explain: usage: casework explain <rulebook> <session.json>\n')
    return exitCode.failure
  }
  const texts: string[] = []
  for (const file of [rulebookFile, sessionFile]) {
    try {
      texts.push(await io.readFile(file))
    } catch (error) {
      io.stderr(`casework explain: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
      return exitCode.failure
    }
  }
  const loaded = loadRulebook(texts[0]!, rulebookFile)
  const parsed = parseSession(texts[1]!, sessionFile)
  const problems = [...loaded.problems.filter((p) => p.severity === 'error'), ...parsed.problems]
  if (!loaded.rulebook || !parsed.session) {
    for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  const { rulebook } = loaded
  const { session } = parsed
  if (session.rulebook.id !== rulebook.id) {
    io.stderr(`${sessionFile}: this session was made for rulebook \`${session.rulebook.id}\`, not \`${rulebook.id}\`\n`)
    return exitCode.problems
  }
  if (!rulebook.scenarios.some((s) => s.id === session.scenario)) {
    io.stderr(`${sessionFile}: the session's scenario \`${session.scenario}\` is not in ${rulebookFile}\n`)
    return exitCode.problems
  }
  const compiled = compileRulebook(rulebook)
  io.stdout(renderWalkText(compiled, evaluate(compiled, session), session))
  return exitCode.ok
}
