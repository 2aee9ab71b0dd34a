import { parseFormatArgs } from '../format-args.ts'
import { loadRulebook } from '../../engine/load.ts'
import { compileRulebook } from '../../engine/compile.ts'
import { contentHash } from '../../engine/hash.ts'
import { formatProblem } from '../../engine/problems.ts'
import { collectStudents, readSessionFile, type ReadResult } from '../../class/load.ts'
import { aggregateClass } from '../../class/aggregate.ts'
import { renderClassCsv } from '../../class/csv.ts'
import { renderClassMarkdown } from '../../class/render-markdown.ts'
import { renderClassHtml } from '../../class/render-html.ts'
import type { ClassAggregate } from '../../class/model.ts'
import { exitCode, type CliIo, type Command } from '../io.ts'

const formats = ['csv', 'md', 'html', 'json'] as const

const usage =
  'usage: casework class <rulebook> <sessions or folders...> --format csv|md|html|json [-o <file>]'

/** The session files named: files as given, folders searched (every level) for `*.json`. */
async function sessionFiles(io: CliIo, paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const inside = await io.listFolder?.(path).catch(() => undefined)
    if (inside) files.push(...inside.filter((file) => file.toLowerCase().endsWith('.json')))
    else files.push(path)
  }
  return files
}

/** The aggregate as JSON for other tools: the figures and who is in the class, not the sessions again. */
function classJson(aggregate: ClassAggregate): string {
  const students = aggregate.students.map(({ key, file, name, notices, session }) => ({
    key,
    file,
    name,
    scenario: session.scenario,
    notices,
  }))
  return `${JSON.stringify({ format: 'casework-class/1', ...aggregate, students }, null, 2)}\n`
}

/**
 * `casework class <rulebook> <sessions or folders...> --format csv|md|html|json -o <file>`: the
 * class view's figures and exports, from the same code as the app's. Files left out are listed on
 * stderr and never stop the rest; exit 1 when any was left out, 2 when nothing could be read.
 */
export const classCommand: Command = async (argv, io) => {
  const fail = (message: string) => {
    io.stderr(`casework class: ${message}\n`)
    return exitCode.failure
  }
  const parsed = parseFormatArgs(argv, formats)
  if ('error' in parsed) return fail(`${parsed.error}\n${usage}`)
  const [rulebookFile, ...paths] = parsed.positionals
  const { format, output } = parsed
  if (!rulebookFile || paths.length === 0) return fail(usage)

  let rulebookText: string
  try {
    rulebookText = await io.readFile(rulebookFile)
  } catch (error) {
    return fail(`cannot read ${rulebookFile}: ${(error as { code?: string }).code ?? (error as Error).message}`)
  }
  const loaded = loadRulebook(rulebookText, rulebookFile, undefined, { pieces: io.pieceCache?.(rulebookFile) })
  if (!loaded.rulebook) {
    for (const problem of loaded.problems.filter((p) => p.severity === 'error'))
      io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  const compiled = compileRulebook(loaded.rulebook)
  const hash = contentHash(loaded.rulebook)

  const results: ReadResult[] = []
  for (const file of await sessionFiles(io, paths)) {
    let text: string
    try {
      text = await io.readFile(file)
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message
      results.push({ rejected: { file, code: 'unreadable', reason: `The file cannot be read (${code}).` } })
      continue
    }
    results.push(readSessionFile(compiled, hash, file, text))
  }
  const { students, rejected } = collectStudents(results)
  for (const r of rejected) io.stderr(`${r.file}: left out: ${r.reason}\n`)
  for (const s of students) for (const line of s.notices) io.stderr(`${s.file}: warning: ${line}\n`)
  if (students.length === 0) return fail('no session could be read; nothing to write')

  const aggregate = aggregateClass(compiled, hash, students, rejected)
  const notes = { questions: {}, students: {} }
  const data =
    format === 'csv'
      ? renderClassCsv(compiled, aggregate, notes)
      : format === 'md'
        ? renderClassMarkdown(aggregate, notes)
        : format === 'html'
          ? renderClassHtml(aggregate, notes)
          : classJson(aggregate)
  if (output === undefined) io.stdout(data)
  else {
    try {
      await io.writeFile(output, data)
    } catch (error) {
      return fail(`cannot write ${output}: ${(error as { code?: string }).code ?? (error as Error).message}`)
    }
    io.stdout(`Wrote the class (${students.length} students, ${format.toUpperCase()}) to ${output}\n`)
  }
  return rejected.some((r) => r.code !== 'duplicate') ? exitCode.problems : exitCode.ok
}
