import { parseArgs } from 'node:util'
import { evaluate } from '../../engine/evaluate.ts'
import { buildReport } from '../../report/build.ts'
import { renderMarkdown } from '../../report/render-markdown.ts'
import { renderHtml } from '../../report/render-html.ts'
import { renderJson } from '../../report/render-json.ts'
import { exitCode, type Command } from '../io.ts'
import { readReportFonts } from '../report-fonts.ts'
import { loadWork } from '../work.ts'

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

  const work = await loadWork('report', io, rulebookFile, sessionFile)
  if (typeof work === 'number') return work
  const { compiled, session } = work

  const model = buildReport(compiled, session, evaluate(compiled, session), {
    contentHash: work.contentHash,
    instructorCopy: instructor,
  })
  let data: string | Uint8Array
  switch (format) {
    case 'md':
      data = renderMarkdown(model)
      break
    case 'html':
      data = renderHtml(model, { fonts: await readReportFonts() })
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
