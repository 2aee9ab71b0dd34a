import { parseArgs } from 'node:util'
import { loadRulebook } from '../../engine/load.ts'
import { compileRulebook, type CompiledRulebook } from '../../engine/compile.ts'
import { formatProblem, type Problem, type Range } from '../../engine/problems.ts'
import { parseSource } from '../../engine/source.ts'
import { questionLabel } from '../../engine/explain.ts'
import { runAuthorTests, testCoverage, type TestCoverage, type TestResult } from '../../engine/author-tests.ts'
import { exitCode, type Command } from '../io.ts'

const usage = 'usage: casework test <rulebook...> [--json] [--coverage] [--reporter junit -o <file.xml>]'

/** The tests of one rulebook file, run, with where each test is written. */
interface FileRun {
  file: string
  /** Errors that kept the tests from running. */
  problems: Problem[]
  results: (TestResult & { range: Range })[]
  coverage?: TestCoverage
  compiled?: CompiledRulebook
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const where = (file: string, range: Range) => `${file}:${range.start.line}:${range.start.column}`
const ids = (items: readonly string[]) => items.map((id) => `\`${id}\``).join(', ')

const expectationWords: Record<string, string> = {
  holds: 'conclusion',
  fails: 'conclusion',
  undetermined: 'conclusion',
  asked: 'question',
  skipped: 'question',
  stale: 'question',
}

/** One failed test, as lines: the location and name, the point it protects, each expectation missed and why. */
function renderFailure(run: FileRun, result: FileRun['results'][number]): string[] {
  const lines = [`${where(run.file, result.range)} ✗ ${result.name}`]
  if (result.because) lines.push(`    because: ${result.because.replace(/\s+/g, ' ').trim()}`)
  for (const failure of result.failures) {
    const subject =
      failure.key === 'next'
        ? 'next question'
        : `${expectationWords[failure.key]} ${expectationWords[failure.key] === 'question' && run.compiled ? questionLabel(run.compiled, failure.id!) : `\`${failure.id}\``}`
    lines.push(`    ${subject}: expected ${failure.expected}, actual ${failure.actual}`)
    if (failure.why) lines.push(`      ${failure.why}`)
  }
  return lines
}

function renderCoverage(run: FileRun): string[] {
  const coverage = run.coverage
  if (!coverage || !run.compiled) return []
  const compiled = run.compiled
  const lines = [`Coverage of ${run.file}:`]
  const line = (label: string, items: string[]) =>
    lines.push(`  ${label}: ${items.length === 0 ? 'none' : `${items.length}: ${ids(items)}`}`)
  line('conclusions no test asserts', coverage.unasserted)
  line('conclusions no test expects to hold', coverage.neverHolds)
  line('conclusions no test expects to fail', coverage.neverFails)
  if (coverage.unpickedOptions.length === 0) {
    lines.push('  options no test picks: none')
  } else {
    lines.push(`  options no test picks (${coverage.unpickedOptions.reduce((n, e) => n + e.options.length, 0)}):`)
    for (const { question, options } of coverage.unpickedOptions) {
      lines.push(`    ${questionLabel(compiled, question)}: ${ids(options)}`)
    }
  }
  return lines
}

const xmlEscape = (text: string) =>
  text
    // Characters XML 1.0 cannot carry at all.
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

/** JUnit XML, as CI systems read it: one suite per rulebook, one case per test. */
export function renderJunit(runs: FileRun[]): string {
  const total = runs.reduce((n, r) => n + r.results.length + (r.problems.length > 0 ? 1 : 0), 0)
  const failed = runs.reduce((n, r) => n + r.results.filter((t) => !t.passed).length + (r.problems.length > 0 ? 1 : 0), 0)
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="casework test" tests="${total}" failures="${failed}">`]
  for (const run of runs) {
    const failures = run.results.filter((t) => !t.passed).length + (run.problems.length > 0 ? 1 : 0)
    out.push(`  <testsuite name="${xmlEscape(run.file)}" tests="${run.results.length + (run.problems.length > 0 ? 1 : 0)}" failures="${failures}">`)
    if (run.problems.length > 0) {
      out.push(`    <testcase name="the rulebook loads" classname="${xmlEscape(run.file)}" file="${xmlEscape(run.file)}">`)
      out.push(`      <failure message="the rulebook has errors">${xmlEscape(run.problems.map(formatProblem).join('\n'))}</failure>`)
      out.push('    </testcase>')
    }
    for (const result of run.results) {
      const attributes = `name="${xmlEscape(result.name)}" classname="${xmlEscape(run.file)}" file="${xmlEscape(run.file)}" line="${result.range.start.line}"`
      if (result.passed) {
        out.push(`    <testcase ${attributes}/>`)
        continue
      }
      const message = result.failures.map((f) => `${f.key} ${f.id ?? 'null'}: expected ${f.expected}, actual ${f.actual}`).join('; ')
      out.push(`    <testcase ${attributes}>`)
      out.push(`      <failure message="${xmlEscape(message)}">${xmlEscape(renderFailure(run, result).join('\n'))}</failure>`)
      out.push('    </testcase>')
    }
    out.push('  </testsuite>')
  }
  out.push('</testsuites>', '')
  return out.join('\n')
}

/**
 * `casework test <rulebook...>`: runs each rulebook's author tests. Each failure is printed at the
 * test's `file:line:col` with what was expected, what came out and why; the last line counts
 * passes and failures. Exit 1 on any failure (or a rulebook with errors), 2 when it cannot run.
 */
export const test: Command = async (argv, io) => {
  const fail = (message: string) => {
    io.stderr(`casework test: ${message}\n`)
    return exitCode.failure
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        coverage: { type: 'boolean' },
        reporter: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
  const { json = false, coverage = false, reporter, output } = parsed.values
  const files = parsed.positionals
  if (files.length === 0) return fail(`name at least one rulebook file\n${usage}`)
  if (reporter !== undefined && reporter !== 'junit') return fail(`unknown reporter "${reporter}": the only one is junit\n${usage}`)
  if (output !== undefined && reporter === undefined) return fail(`-o needs a reporter: add --reporter junit\n${usage}`)

  const runs: FileRun[] = []
  for (const file of files) {
    let text: string
    try {
      text = await io.readFile(file)
    } catch (error) {
      return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
    const loaded = loadRulebook(text, file, undefined, { pieces: io.pieceCache?.(file) })
    if (!loaded.rulebook) {
      runs.push({ file, problems: loaded.problems.filter((p) => p.severity === 'error'), results: [] })
      continue
    }
    const compiled = compileRulebook(loaded.rulebook)
    const results = runAuthorTests(compiled)
    // Positions are needed only to name tests; the positional parse is built once per file.
    const source = parseSource(text, file)
    runs.push({
      file,
      problems: [],
      compiled,
      results: results.map((result) => ({ ...result, range: source.locate(result.path) })),
      ...(coverage ? { coverage: testCoverage(compiled) } : {}),
    })
  }

  const passed = runs.reduce((n, r) => n + r.results.filter((t) => t.passed).length, 0)
  const failed = runs.reduce((n, r) => n + r.results.filter((t) => !t.passed).length, 0)
  const broken = runs.filter((r) => r.problems.length > 0).length

  if (reporter === 'junit') {
    const xml = renderJunit(runs)
    if (output === undefined) {
      io.stdout(xml)
    } else {
      try {
        await io.writeFile(output, xml)
      } catch (error) {
        return fail(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      }
    }
  }
  if (json) {
    const report = {
      passed,
      failed,
      files: runs.map(({ file, problems, results, coverage: covered }) => ({
        file,
        problems,
        tests: results,
        ...(covered ? { coverage: covered } : {}),
      })),
    }
    io.stdout(`${JSON.stringify(report, null, 2)}\n`)
  } else if (!(reporter === 'junit' && output === undefined)) {
    const lines: string[] = []
    for (const run of runs) {
      if (run.problems.length > 0) {
        lines.push(`${run.file}: the tests cannot run: the rulebook has ${plural(run.problems.length, 'error')}`)
        for (const problem of run.problems) lines.push(formatProblem(problem))
        continue
      }
      const failures = run.results.filter((t) => !t.passed)
      lines.push(`${run.file}: ${plural(run.results.length, 'test')}, ${failures.length} failed`)
      for (const result of failures) lines.push(...renderFailure(run, result))
      if (coverage) lines.push(...renderCoverage(run))
    }
    if (reporter === 'junit') lines.push(`Wrote the JUnit report to ${output}`)
    lines.push('', `${passed} passed, ${failed} failed${broken > 0 ? ` (${plural(broken, 'rulebook')} with errors not run)` : ''}`)
    io.stdout(`${lines.join('\n')}\n`)
  }
  return failed > 0 || broken > 0 ? exitCode.problems : exitCode.ok
}
