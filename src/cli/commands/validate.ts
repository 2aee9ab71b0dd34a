import { parseArgs } from 'node:util'
import { loadRulebook } from '../../engine/load.ts'
import { formatProblem, hasErrors, type Problem } from '../../engine/problems.ts'
import { exitCode, type Command } from '../io.ts'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** `casework validate <files...> [--json]`: every problem in every file, located. */
export const validate: Command = async (argv, io) => {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`casework validate: ${(error as Error).message}\n`)
    return exitCode.failure
  }
  const files = parsed.positionals
  if (files.length === 0) {
    io.stderr('casework validate: name at least one rulebook file, e.g. `casework validate rules/*.yaml`\n')
    return exitCode.failure
  }

  const results: { file: string; problems: Problem[] }[] = []
  for (const file of files) {
    let text: string
    try {
      text = await io.readFile(file)
    } catch (error) {
      io.stderr(`casework validate: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
      return exitCode.failure
    }
    results.push({ file, problems: loadRulebook(text, file, undefined, { pieces: io.pieceCache?.(file) }).problems })
  }

  const all = results.flatMap((r) => r.problems)
  if (parsed.values.json) {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`)
  } else {
    for (const { file, problems } of results) {
      if (problems.length === 0) io.stdout(`${file}: no problems\n`)
      for (const problem of problems) io.stdout(`${formatProblem(problem)}\n`)
    }
    const errors = all.filter((p) => p.severity === 'error').length
    io.stdout(`\n${plural(errors, 'error')} and ${plural(all.length - errors, 'warning')} in ${plural(files.length, 'file')}\n`)
  }
  return hasErrors(all) ? exitCode.problems : exitCode.ok
}
