/**
 * `npm run bench` (second part): the explorer and what-if, on the flagship and on generated
 * rulebooks of 1,000 questions. Prints medians (p50) beside the budgets and flags misses; never
 * fails on time.
 *
 * What is measured: each `whatIf` call builds its own sums (nothing is reused between calls), so
 * the in-process medians, on which the what-if budgets are judged, are "warm" only in that the
 * JIT has compiled the engine's code before. The first call in a fresh process (as
 * `casework whatif` makes it, paying for compiling that code) is measured too, in spawned
 * processes, and shown beside them. Reusing one `Sums` across calls (`options.sums`, as a panel
 * asking about several conclusions could) is shown apart, as a cache: it never counts.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Bench } from 'tinybench'
import type { CompiledRulebook } from '../../src/engine/compile.ts'
import { answerAll, generateRulebook } from './generate.ts'
import { importBuilt } from './built.ts'

// Timed as built (see built.ts), not as tsx runs it.
const built = await importBuilt<{
  sums: typeof import('../../src/engine/explore/sums.ts')
  load: typeof import('../../src/engine/load.ts')
  compile: typeof import('../../src/engine/compile.ts')
  explore: typeof import('../../src/engine/explore/explore.ts')
  paths: typeof import('../../src/cli/commands/paths.ts')
  whatif: typeof import('../../src/engine/whatif.ts')
}>({
  sums: 'src/engine/explore/sums.ts',
  load: 'src/engine/load.ts',
  compile: 'src/engine/compile.ts',
  explore: 'src/engine/explore/explore.ts',
  paths: 'src/cli/commands/paths.ts',
  whatif: 'src/engine/whatif.ts',
})
const { createSums } = built.sums
const { loadRulebook } = built.load
const { compileRulebook } = built.compile
const { explore } = built.explore
const { renderPaths } = built.paths
const { whatIf } = built.whatif

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
const budgets: Record<string, number> = {
  'whatif wrongful-act, flagship': 50,
  'whatif c25, 1000 questions': 200,
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
const flagshipSums = createSums(flagship)
bench.add('whatif wrongful-act, flagship, sums reused (cache)', () => {
  whatIf(flagship, flagshipSession, { conclusion: 'wrongful-act' }, { sums: flagshipSums })
})
await bench.run()

// The first call in a fresh process (cold), as `casework whatif` makes it: median of 7.
const cold = (which: 'flagship' | 'large') => {
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/whatif-once.ts', which], { encoding: 'utf8' })
    samples.push(Number(out.trim()))
  }
  samples.sort((a, b) => a - b)
  return samples[3]!
}
const coldFlagship = cold('flagship')
const coldLarge = cold('large')

// The whole process, as an instructor runs it: start, load, validate, explore, print.
const wholeProcess: number[] = []
for (let i = 0; i < 5; i++) {
  const start = performance.now()
  execFileSync(process.execPath, ['bin/casework.js', 'paths', flagshipFile], { stdio: 'ignore' })
  wholeProcess.push(performance.now() - start)
}
wholeProcess.sort((a, b) => a - b)

const show = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`)
const missed: string[] = []
const verdict = (name: string, ms: number) => {
  const budget = budgets[name]
  if (budget === undefined || ms <= budget) return budget === undefined ? '' : '  ok'
  missed.push(`${name}: ${show(ms)} > ${budget} ms`)
  return '  ✗ OVER BUDGET'
}
console.log('benchmark                                               median        samples  target')
const medians = new Map<string, number>()
for (const task of bench.tasks) {
  const latency = (task.result as { latency?: { p50?: number; samplesCount?: number } } | undefined)?.latency
  const median = latency?.p50
  if (median !== undefined) medians.set(task.name, median)
  console.log(`${task.name.padEnd(55)} ${(median === undefined ? 'n/a' : show(median)).padStart(12)}  ${String(latency?.samplesCount ?? '').padStart(8)}  ${targets[task.name] ?? ''}${median === undefined ? '' : verdict(task.name, median)}`)
}
console.log(`${'whatif wrongful-act, flagship: first call, new process'.padEnd(55)} ${show(coldFlagship).padStart(12)}  ${'7'.padStart(8)}  (includes compiling the engine)`)
console.log(`${'whatif c25, 1000 questions: first call, new process'.padEnd(55)} ${show(coldLarge).padStart(12)}  ${'7'.padStart(8)}  (includes compiling the engine)`)
const pathsProcess = wholeProcess[2]!
if (pathsProcess > 2000) missed.push(`casework paths flagship (whole process): ${show(pathsProcess)} > 2 s`)
console.log(`${'casework paths flagship (whole process)'.padEnd(55)} ${show(pathsProcess).padStart(12)}  ${'5'.padStart(8)}  ≤ 2 s${pathsProcess > 2000 ? '  ✗ OVER BUDGET' : '  ok'}`)
console.log(missed.length === 0 ? '\nEvery budget met (medians).' : `\nBUDGETS MISSED (${missed.length}):\n${missed.map((line) => `  ✗ ${line}`).join('\n')}`)
