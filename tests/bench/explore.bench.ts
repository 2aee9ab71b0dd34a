/**
 * `npm run bench` (second part): the explorer and what-if, on the flagship and on generated
 * rulebooks of 1,000 questions. Prints medians (p50) beside the targets; never asserts times.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Bench } from 'tinybench'
import { loadRulebook } from '../../src/engine/load.ts'
import { compileRulebook, type CompiledRulebook } from '../../src/engine/compile.ts'
import { explore } from '../../src/engine/explore/explore.ts'
import { renderPaths } from '../../src/cli/commands/paths.ts'
import { whatIf } from '../../src/engine/whatif.ts'
import { answerAll, generateRulebook } from './generate.ts'

const flagshipFile = 'rules/venezuela-dock-strike.yaml'
const flagship = compileRulebook(loadRulebook(readFileSync(flagshipFile, 'utf8'), flagshipFile).rulebook!)
const flagshipSession = JSON.parse(readFileSync('tests/fixtures/sessions/venezuela-dock-strike-complete.json', 'utf8'))
const large = compileRulebook(generateRulebook(1000))
const largeSession = { scenario: 'only', answers: answerAll(large.rulebook) }

const targets: Record<string, string> = {
  'paths (explore + words) flagship': '≤ 2 s whole process',
  'paths (explore + words) 1000 questions': '≤ 10 s, or says how far it got',
  'whatif wrongful-act, flagship': '≤ 50 ms',
  'whatif c25, 1000 questions': '≤ 200 ms',
}

const paths = (compiled: CompiledRulebook) => () => {
  const exploration = explore(compiled)
  if (exploration.explored.cut) console.warn(`cut short after ${exploration.explored.work} steps`)
  renderPaths(compiled, exploration, 'bench.yaml')
}

const bench = new Bench({ time: 2000, warmupTime: 200, iterations: 5 })
bench.add('paths (explore + words) flagship', paths(flagship))
bench.add('paths (explore + words) 1000 questions', paths(large))
bench.add('whatif wrongful-act, flagship', () => {
  whatIf(flagship, flagshipSession, { conclusion: 'wrongful-act' })
})
bench.add('whatif c25, 1000 questions', () => {
  whatIf(large, largeSession, { conclusion: 'c25' })
})
await bench.run()

// The whole process, as an instructor runs it: start, load, validate, explore, print.
const wholeProcess: number[] = []
for (let i = 0; i < 5; i++) {
  const start = performance.now()
  execFileSync(process.execPath, ['bin/casework.js', 'paths', flagshipFile], { stdio: 'ignore' })
  wholeProcess.push(performance.now() - start)
}
wholeProcess.sort((a, b) => a - b)

const show = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`)
console.log('benchmark                                  median        samples  target')
for (const task of bench.tasks) {
  const latency = (task.result as { latency?: { p50?: number; samplesCount?: number } } | undefined)?.latency
  const median = latency?.p50
  console.log(`${task.name.padEnd(42)} ${(median === undefined ? 'n/a' : show(median)).padStart(12)}  ${String(latency?.samplesCount ?? '').padStart(8)}  ${targets[task.name] ?? ''}`)
}
console.log(`${'casework paths flagship (whole process)'.padEnd(42)} ${show(wholeProcess[2]!).padStart(12)}  ${'5'.padStart(8)}  ≤ 2 s`)
