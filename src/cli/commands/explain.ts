import { parseArgs } from 'node:util'
import { evaluate } from '../../engine/evaluate.ts'
import { renderWalkText } from '../walk-text.ts'
import { exitCode, type Command } from '../io.ts'
import { loadWork } from '../work.ts'

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
  const work = await loadWork('explain', io, rulebookFile, sessionFile)
  if (typeof work === 'number') return work
  const { compiled, session } = work
  io.stdout(renderWalkText(compiled, evaluate(compiled, session), session))
  return exitCode.ok
}
