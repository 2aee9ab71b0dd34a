import { parseFormatArgs } from '../format-args.ts'
import { loadRulebook } from '../../engine/load.ts'
import { formatProblem } from '../../engine/problems.ts'
import { renderInstructorHtml, renderInstructorMarkdown } from '../../report/instructor.ts'
import { exitCode, type Command } from '../io.ts'

const usage = 'usage: casework instructor <rulebook> --format md|html [-o <file>]'

/**
 * `casework instructor <rulebook> --format md|html -o <file>`: the session plan, readings, rubric,
 * glossary and citation lines, as the "For instructors" page shows them. Stdout without `-o`.
 */
export const instructor: Command = async (argv, io) => {
  const fail = (message: string) => {
    io.stderr(`casework instructor: ${message}\n`)
    return exitCode.failure
  }
  const parsed = parseFormatArgs(argv, ['md', 'html'] as const)
  if ('error' in parsed) return fail(`${parsed.error}\n${usage}`)
  const [file] = parsed.positionals
  const { format, output } = parsed
  if (!file || parsed.positionals.length > 1) return fail(usage)

  let text: string
  try {
    text = await io.readFile(file)
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as { code?: string }).code ?? (error as Error).message}`)
  }
  const { rulebook, problems } = loadRulebook(text, file, undefined, { pieces: io.pieceCache?.(file) })
  if (!rulebook) {
    for (const problem of problems.filter((p) => p.severity === 'error')) io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  const data = format === 'md' ? renderInstructorMarkdown(rulebook) : renderInstructorHtml(rulebook)
  if (output === undefined) {
    io.stdout(data)
    return exitCode.ok
  }
  try {
    await io.writeFile(output, data)
  } catch (error) {
    return fail(`cannot write ${output}: ${(error as { code?: string }).code ?? (error as Error).message}`)
  }
  io.stderr(`casework instructor: wrote ${output}\n`)
  return exitCode.ok
}
