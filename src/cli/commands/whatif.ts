import { parseArgs } from 'node:util'
import type { CompiledRulebook } from '../../engine/compile.ts'
import { describeAnswer, plainText, questionLabel } from '../../engine/explain.ts'
import { whatIf, type AnswerChange, type WhatIfResult } from '../../engine/whatif.ts'
import { exitCode, type Command } from '../io.ts'
import { loadWork } from '../work.ts'

const usage = 'usage: casework whatif <rulebook> <session.json> <conclusion-or-question-id> [--max <n>] [--json]'

const statusWords: Record<string, string> = {
  holds: 'holds',
  fails: 'fails',
  undetermined: 'is undetermined',
  asked: 'is asked',
  'not-asked': 'is not asked',
  waiting: 'is waiting on earlier answers',
}

function describeChange(compiled: CompiledRulebook, change: AnswerChange): string {
  const { question } = compiled.questions[change.number - 1]!
  const from = describeAnswer(question, change.from)
  const to = change.to === undefined ? 'no answer' : describeAnswer(question, change.to)
  return `${questionLabel(compiled, change.question)}: “${from}” → “${to}”`
}

/** What-if results in words. */
export function renderWhatIf(compiled: CompiledRulebook, result: WhatIfResult): string {
  const subject =
    'conclusion' in result.target
      ? `“${plainText(compiled.conclusions[compiled.conclusionIndex.get(result.target.conclusion)!]!.conclusion.statement)}” (\`${result.target.conclusion}\`)`
      : questionLabel(compiled, result.target.question)
  const lines = [`${subject} ${statusWords[result.status]} now.`]
  if (result.options.length === 0) {
    lines.push(result.complete ? 'No change to your answers would change that.' : 'No change was found, but the search was cut short: there may be one.')
    return `${lines.join('\n')}\n`
  }
  result.options.forEach((option, i) => {
    const size = option.changes.length
    lines.push('', `${i + 1}. It ${statusWords[option.status]} with ${size} change${size === 1 ? '' : 's'}:`)
    for (const change of option.changes) lines.push(`   ${describeChange(compiled, change)}`)
    const others = option.alsoChanges.filter((c) => !('conclusion' in result.target) || c.conclusion !== result.target.conclusion)
    if (others.length > 0) lines.push(`   Also changes: ${others.map((c) => `\`${c.conclusion}\` ${c.from} → ${c.to}`).join(', ')}`)
  })
  lines.push(
    '',
    `${result.found} minimal way${result.found === 1 ? '' : 's'} found${result.found > result.options.length ? `; showing the ${result.options.length} smallest` : ''}${result.complete ? '.' : ' (the search was cut short: there may be more).'}`,
  )
  return `${lines.join('\n')}\n`
}

/** `casework whatif <rulebook> <session> <conclusion>`: the smallest answer changes that flip it. */
export const whatif: Command = async (argv, io) => {
  const fail = (message: string) => {
    io.stderr(`casework whatif: ${message}\n`)
    return exitCode.failure
  }
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, max: { type: 'string' } }, allowPositionals: true, strict: true })
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
  const [rulebookFile, sessionFile, id] = parsed.positionals
  if (!rulebookFile || !sessionFile || !id || parsed.positionals.length > 3) return fail(usage)
  const max = parsed.values.max === undefined ? 10 : Number(parsed.values.max)
  if (!Number.isInteger(max) || max < 1) return fail(`--max takes a whole number of at least 1\n${usage}`)
  const work = await loadWork('whatif', io, rulebookFile, sessionFile)
  if (typeof work === 'number') return work
  const { compiled, session } = work
  const target = compiled.conclusionIndex.has(id) ? { conclusion: id } : compiled.questionIndex.has(id) ? { question: id } : undefined
  if (!target) return fail(`\`${id}\` is neither a conclusion nor a question of ${rulebookFile}`)
  const result = whatIf(compiled, session, target, { max })
  io.stdout(parsed.values.json ? `${JSON.stringify(result, null, 2)}\n` : renderWhatIf(compiled, result))
  return exitCode.ok
}
