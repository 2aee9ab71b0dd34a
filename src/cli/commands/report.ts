import { parseArgs } from 'node:util'
import { loadRulebook } from '../../engine/load.ts'
import { parseSession } from '../../engine/session.ts'
import { formatProblem } from '../../engine/problems.ts'
import { compileRulebook } from '../../engine/compile.ts'
import { evaluate } from '../../engine/evaluate.ts'
import { contentHash } from '../../engine/hash.ts'
import { compareSession, describeDrift, sessionRulebookProblems } from '../../engine/drift.ts'
import { parseSource } from '../../engine/source.ts'
import { buildReport } from '../../report/build.ts'
import { renderMarkdown } from '../../report/render-markdown.ts'
import { renderHtml } from '../../report/render-html.ts'
import { renderJson } from '../../report/render-json.ts'
import { exitCode, type Command } from '../io.ts'

const formats = ['md', 'html', 'docx', 'json'] as const
type Format = (typeof formats)[number]

const extensions: Record<string, Format> = {
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  json: 'json',
}

const usage =
  'usage: casework report <rulebook> <session.json> --format md|html|docx|json [-o <file>] [--instructor]'

/**
 * `casework report <rulebook> <session.json> --format md|html|docx|json -o <file>`: the student's
 * conclusion report, made by the same code as the app's. Text formats go to stdout without `-o`.
 */
export const report: Command = async (argv, io) => {
  const fail = (message: string) => {
    io.stderr(`casework report: ${message}\n`)
    return exitCode.failure
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        // Also shows model answers the rulebook keeps from students (`reveal: never`).
        instructor: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
  const [rulebookFile, sessionFile] = parsed.positionals
  const { output, instructor = false } = parsed.values
  if (!rulebookFile || !sessionFile || parsed.positionals.length > 2) return fail(usage)

  const named = parsed.values.format ?? extensions[output?.split('.').pop()?.toLowerCase() ?? '']
  if (named === undefined) return fail(`say which format with --format md|html|docx|json\n${usage}`)
  if (!(formats as readonly string[]).includes(named)) {
    return fail(`unknown format "${named}": choose md, html, docx or json`)
  }
  const format = named as Format
  if (format === 'docx' && output === undefined)
    return fail('a DOCX report needs a file to go to: add -o report.docx')

  const texts: string[] = []
  for (const file of [rulebookFile, sessionFile]) {
    try {
      texts.push(await io.readFile(file))
    } catch (error) {
      return fail(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      )
    }
  }
  const [rulebookText, sessionText] = texts as [string, string]

  const loaded = loadRulebook(rulebookText, rulebookFile)
  const read = parseSession(sessionText, sessionFile)
  const problems = [...loaded.problems.filter((p) => p.severity === 'error'), ...read.problems]
  if (!loaded.rulebook || !read.session) {
    for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  const { rulebook } = loaded
  const { session } = read
  const compiled = compileRulebook(rulebook)
  const hash = contentHash(rulebook)
  const drift = compareSession(compiled, session, hash)
  const mismatch = sessionRulebookProblems(drift, sessionFile, (path) =>
    parseSource(sessionText, sessionFile).locate(path),
  )
  if (mismatch.length > 0) {
    for (const problem of mismatch) io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  // The work is reported whatever changed; the student is told what did.
  for (const line of describeDrift(compiled, drift)) io.stderr(`${sessionFile}: warning: ${line}\n`)

  const model = buildReport(compiled, session, evaluate(compiled, session), {
    contentHash: hash,
    instructorCopy: instructor,
  })
  let data: string | Uint8Array
  switch (format) {
    case 'md':
      data = renderMarkdown(model)
      break
    case 'html':
      data = renderHtml(model)
      break
    case 'json':
      data = renderJson(session)
      break
    case 'docx': {
      const [{ renderDocx }, docx] = await Promise.all([
        import('../../report/render-docx.ts'),
        import('docx'),
      ])
      data = await renderDocx(model, docx)
      break
    }
  }

  if (output === undefined) {
    io.stdout(data as string)
    return exitCode.ok
  }
  try {
    await io.writeFile(output, data)
  } catch (error) {
    return fail(
      `cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
  io.stdout(`Wrote the ${format.toUpperCase()} report to ${output}\n`)
  return exitCode.ok
}
