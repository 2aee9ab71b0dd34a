import { parseArgs } from 'node:util'
import { loadRulebook } from '../../engine/load.ts'
import { compileRulebook, type CompiledRulebook } from '../../engine/compile.ts'
import { formatProblem } from '../../engine/problems.ts'
import { plainText, questionTitle } from '../../engine/explain.ts'
import { explore, type ConclusionWarning, type Exploration } from '../../engine/explore/explore.ts'
import { describeAnswerSet } from '../../engine/explore/describe.ts'
import type { AnswerSet } from '../../engine/explore/answer-sets.ts'
import { exitCode, type Command } from '../io.ts'

const usage = 'usage: casework paths <rulebook> [--scenario <id>] [--json]'

const warningWords: Record<ConclusionWarning, string> = {
  'never-holds': 'it can never hold: no walk satisfies its condition',
  'never-fails': 'it can never fail: every walk satisfies its condition',
  'always-holds': 'it holds on every complete walk: it fails only while a question is left unanswered',
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`

function listSets(compiled: CompiledRulebook, title: string, sets: AnswerSet[], complete: boolean): string[] {
  if (sets.length === 0) return [`  ${title}: never`]
  const more = complete ? '' : ' (the search was cut short: there may be more)'
  return [
    `  ${title} (${plural(sets.length, 'minimal set')}${more}):`,
    ...sets.map((set, i) => `    ${i + 1}. ${describeAnswerSet(compiled, set)}`),
  ]
}

/** The explorer's findings in words a non-programmer reads. */
export function renderPaths(compiled: CompiledRulebook, exploration: Exploration, file: string, scenario?: string): string {
  const { rulebook } = compiled
  const scenarioTitle = (id: string) => `“${rulebook.scenarios.find((s) => s.id === id)?.title ?? id}”`
  const lines = [
    `Paths through “${rulebook.title}” (${file})${scenario ? `, scenario ${scenarioTitle(scenario)} only` : ''}`,
    '',
    'Questions',
    ...compiled.questions.map((q) => `  Q${q.index + 1} ${questionTitle(q.question)}`),
    '',
    'Conclusions',
  ]
  for (const paths of exploration.conclusions) {
    const { conclusion } = compiled.conclusions[paths.index]!
    lines.push('', `“${plainText(conclusion.statement)}” (\`${paths.id}\`, ${paths.kind})`)
    if (!scenario) {
      lines.push(`  Can hold in: ${paths.scenarios.length === 0 ? 'no scenario' : paths.scenarios.map(scenarioTitle).join(', ')}`)
    }
    lines.push(...listSets(compiled, 'Holds when', paths.holds, paths.complete))
    lines.push(...listSets(compiled, 'Fails when', paths.fails, paths.complete))
    if (paths.holdsOnlyWhileUnanswered) lines.push('  Note: it holds only while a question is left unanswered (a reminder, not a result).')
    for (const warning of paths.warnings) lines.push(`  Warning: ${warningWords[warning]}.`)
  }
  const clashes = exploration.clashes
  const id = (index: number) => `\`${compiled.conclusions[index]!.conclusion.id}\``
  for (const [reason, heading] of [
    ['contradicts', 'Declared contradictions that can hold together'],
    ['lawful-unlawful', 'Lawful and unlawful conclusions that can hold together (silence a pair with `compatible:`)'],
  ] as const) {
    const found = clashes.filter((clash) => clash.reason === reason)
    lines.push('', `${heading}: ${found.length === 0 ? 'none' : found.length}`)
    for (const clash of found) {
      lines.push(...listSets(compiled, `${id(clash.first)} and ${id(clash.second)} both hold when`, clash.sets, clash.complete))
    }
  }
  const { explored } = exploration
  lines.push(
    '',
    explored.cut
      ? `Exploration cut short: it stopped after ${explored.work.toLocaleString('en')} combinations of answers (limit ${explored.maxWork.toLocaleString('en')}, ${explored.maxCubes.toLocaleString('en')} sets per condition); conclusions marked "cut short" may have more sets.`
      : `Explored every walk (${explored.work.toLocaleString('en')} combinations of answers).`,
  )
  return `${lines.join('\n')}\n`
}

/** `casework paths <rulebook> [--scenario id] [--json]`: every conclusion's minimal answer sets. */
export const paths: Command = async (argv, io) => {
  const fail = (message: string) => {
    io.stderr(`casework paths: ${message}\n`)
    return exitCode.failure
  }
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, scenario: { type: 'string' } }, allowPositionals: true, strict: true })
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
  const [file] = parsed.positionals
  if (!file || parsed.positionals.length > 1) return fail(usage)
  let text: string
  try {
    text = await io.readFile(file)
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  // Only errors are shown here, and the explorer runs below: validation need not explore too.
  const loaded = loadRulebook(text, file, undefined, { explore: false, pieces: io.pieceCache?.(file) })
  if (!loaded.rulebook) {
    for (const problem of loaded.problems.filter((p) => p.severity === 'error')) io.stderr(`${formatProblem(problem)}\n`)
    return exitCode.problems
  }
  const compiled = compileRulebook(loaded.rulebook)
  const { scenario } = parsed.values
  if (scenario !== undefined && !compiled.rulebook.scenarios.some((s) => s.id === scenario)) {
    return fail(`no scenario \`${scenario}\`: the scenarios are ${compiled.rulebook.scenarios.map((s) => `\`${s.id}\``).join(', ')}`)
  }
  const exploration = explore(compiled, scenario === undefined ? {} : { scenario })
  if (parsed.values.json) {
    const name = (index: number) => compiled.conclusions[index]!.conclusion.id
    const words = (sets: AnswerSet[]) => sets.map((set) => ({ ...set, words: describeAnswerSet(compiled, set) }))
    io.stdout(
      `${JSON.stringify(
        {
          file,
          ...(scenario ? { scenario } : {}),
          conclusions: exploration.conclusions.map((c) => ({ id: c.id, kind: c.kind, scenarios: c.scenarios, holds: words(c.holds), fails: words(c.fails), holdsOnlyWhileUnanswered: c.holdsOnlyWhileUnanswered, warnings: c.warnings, complete: c.complete })),
          clashes: exploration.clashes.map((clash) => ({ ...clash, first: name(clash.first), second: name(clash.second), sets: words(clash.sets) })),
          questions: exploration.questions.map((q) => ({ id: compiled.questions[q.index]!.question.id, asked: q.asked })),
          explored: exploration.explored,
        },
        null,
        2,
      )}\n`,
    )
  } else {
    io.stdout(renderPaths(compiled, exploration, file, scenario))
  }
  return exitCode.ok
}
