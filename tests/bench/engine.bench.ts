/**
 * `npm run bench`: load + validate, and re-evaluate after one answer, on generated rulebooks of
 * 100, 1,000 and 10,000 questions. Prints medians (p50); never asserts times — budgets are read
 * against the targets printed beside them.
 */
import { Bench } from 'tinybench'
import { answerAll, generateRulebook, generateYaml } from './generate.ts'
import { importBuilt } from './built.ts'

// Timed as built (see built.ts), not as tsx runs it.
const engine = await importBuilt<{
  load: typeof import('../../src/engine/load.ts')
  compile: typeof import('../../src/engine/compile.ts')
  evaluate: typeof import('../../src/engine/evaluate.ts')
}>({ load: 'src/engine/load.ts', compile: 'src/engine/compile.ts', evaluate: 'src/engine/evaluate.ts' })
const { loadRulebook } = engine.load
const { compileRulebook } = engine.compile
const { createEvaluator, createLiveWalk, evaluate } = engine.evaluate

const targets: Record<string, string> = {
  'load + validate 10000': '≤ 500 ms',
  're-evaluate after one answer 1000': '≤ 0.25 ms',
  're-evaluate after one answer 10000': '≤ 2.5 ms',
  'live walk: update after one answer 10000': '≤ 50 µs, flat across sizes',
}

const bench = new Bench({ time: 1000, warmupTime: 200 })
for (const size of [100, 1000, 10000]) {
  const yaml = generateYaml(size)
  const rulebook = generateRulebook(size)
  const compiled = compileRulebook(rulebook)
  const answers = answerAll(rulebook)
  const middle = `q${Math.floor(size / 2)}`
  let flip = false
  bench.add(`load + validate ${size}`, () => {
    const { problems } = loadRulebook(yaml, 'bench.yaml')
    if (problems.length > 0) throw new Error(problems[0]!.message)
  })
  // As in the app: one evaluator per open workbook, and the student changes one answer at a time.
  const evaluator = createEvaluator(compiled)
  const session = { scenario: 'only', answers }
  evaluator(session)
  bench.add(`evaluate from scratch ${size}`, () => {
    evaluate(compiled, session)
  })
  bench.add(`re-evaluate after one answer ${size}`, () => {
    flip = !flip
    answers[middle] = { value: flip ? 'no' : 'yes', updatedAt: '2026-01-01T00:00:00Z' }
    evaluator(session)
  })
  // As the workbook store does it: the live walk is told which question changed, and only what
  // that answer affects is re-evaluated (here the rest of a section's chain and its conclusion).
  const liveAnswers = answerAll(rulebook)
  const live = createLiveWalk(compiled, { scenario: 'only', answers: liveAnswers })
  let liveFlip = false
  bench.add(`live walk: update after one answer ${size}`, () => {
    liveFlip = !liveFlip
    const changes = live.update(middle, { value: liveFlip ? 'no' : 'yes', updatedAt: '2026-01-01T00:00:00Z' })
    if (changes.questions.length === 0) throw new Error('the flip changed nothing')
  })
  // A walk of its own: tinybench calls every task once before timing any (to see whether it is
  // async), and a shared walk would have this task set back the answer the task above flips.
  const typingAnswers = answerAll(rulebook)
  const typing = createLiveWalk(compiled, { scenario: 'only', answers: typingAnswers })
  const reasoningWork = { ...typingAnswers[middle]!, reasoning: { issue: '' } }
  bench.add(`live walk: reasoning typed ${size}`, () => {
    reasoningWork.reasoning.issue += 'a'
    typing.update(middle, reasoningWork)
  })
}

await bench.run()
console.log('benchmark                                  median        samples  target')
for (const task of bench.tasks) {
  const result = task.result as { latency?: { p50?: number }; totalTime?: number; error?: Error } | undefined
  const median = result?.latency?.p50
  const shown = median === undefined ? 'n/a' : median < 1 ? `${(median * 1000).toFixed(1)} µs` : `${median.toFixed(2)} ms`
  // A task that failed says why (a generated rulebook beyond the file limits, for instance).
  if (result?.error) console.log(`${task.name}: ${result.error.message.slice(0, 160)}`)
  const samples = (task.result as { latency?: { samplesCount?: number } })?.latency?.samplesCount ?? ''
  console.log(`${task.name.padEnd(46)} ${shown.padStart(12)}  ${String(samples).padStart(8)}  ${targets[task.name] ?? ''}`)
}
