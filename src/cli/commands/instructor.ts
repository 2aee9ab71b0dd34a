import { parseArgs } from 'node:util'
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
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
  const [file] = parsed.positionals
  const { output } = parsed.values
  if (!file || parsed.positionals.length > 1) return fail(usage)
  const extension = output?.split('.').pop()?.toLowerCase()
  const format = parsed.values.format ?? (extension === 'md' || extension === 'markdown' ? 'md' : extension === 'html' || extension === 'htm' ? 'html' : undefined)
  if (format === undefined) return fail(`say which format with --format md|html\n${usage}`)
  if (format !== 'md' && format !== 'html') return fail(`unknown format "${format}": choose md or html`)

  let text: string
  try {
    text = await io.readFile(file)
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as { code?: string }).code ?? (error as Error).message}`)
  }
  const { rulebook, problems } = loadRulebook(text, file)
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
