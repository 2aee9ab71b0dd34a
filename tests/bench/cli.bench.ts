/**
 * `npm run bench:cli` (part of `npm run bench`): whole-process time of the built `casework`, as an
 * instructor meets it, spawned again and again: `validate`, `paths` and `whatif` on the flagship,
 * and `paths` on a generated rulebook of 1,000 questions. Prints medians (p50) beside each budget
 * and flags every median over its budget; never fails on time. `node -e ''` is measured beside
 * them, since on a busy machine Node's own start-up is much of what is left.
 *
 * `casework` is started as an installed command is, through bin/casework.js's `#!` line (which
 * starts Node without NODE_EXTRA_CA_CERTS: see that file). Where the variable is set, `validate` is
 * also timed as `node bin/casework.js` starts it, with the variable, and Node's own start-up both ways.
 *
 * Every run is a fresh process. Nothing is cached between runs but the operating system's file
 * cache, which one unmeasured run of each case warms first, and what the CLI itself keeps, as every
 * instructor's machine keeps it after the first call: V8's compiled code (bin/compile-cache.js)
 * and the values of the rulebook's pieces (src/cli/piece-cache.ts). So that this is not a
 * benchmark of a cache, `validate` is timed the way an author works, after an edit to one question
 * (only that question is parsed again), and also without each cache and as a first call, which
 * writes both.
 *
 * Options: `--runs N` (default 21; the slow `paths` cases run at most 7 times); `--bin path` to
 * time another entry point (e.g. an older checkout's bin/casework.js, for a before/after figure).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateYaml } from './generate.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    bin: { type: 'string', default: 'bin/casework.js' },
  },
})
const runs = Number(values.runs)
const bin = values.bin

const folder = mkdtempSync(join(tmpdir(), 'casework-bench-'))
const large = join(folder, 'bench-1000.yaml')
writeFileSync(large, generateYaml(1000))

const flagship = 'rules/venezuela-dock-strike.yaml'
const session = 'tests/fixtures/sessions/venezuela-dock-strike-complete.json'
interface Case {
  name: string
  args: string[]
  /** The budget in milliseconds, if this case has one. */
  budget?: number
  runs?: number
  /** Text the output must contain, so that a fast but wrong run is not timed. */
  expect?: RegExp
  /** Variables removed from the environment for this case. */
  unset?: string[]
  /** Variables set for this case; a function is called before each run. */
  env?: Record<string, string | (() => string)>
  /** Run with `node` (the arguments start with the script), not as a command through its `#!` line. */
  node?: boolean
  /** Called before each run (an edit to the file, say), outside the time measured. */
  before?: () => void
}

// An author's loop: one question's title edited, then the file validated. The CLI keeps the values
// of the rulebook's pieces between runs (src/cli/piece-cache.ts), so only the edited question is
// parsed again; the cases below also time a reading with nothing kept.
const edited = join(folder, 'flagship-edited.yaml')
const flagshipText = readFileSync(join(root, flagship), 'utf8')
const questionsAt = flagshipText.indexOf('\nquestions:')
const titleLine = /\n {4}title: [A-Za-z][^:"'#\n]*\n/g
titleLine.lastIndex = questionsAt
const title = titleLine.exec(flagshipText)!
let edits = 0
const editOneQuestion = () => {
  edits++
  const line = `${title[0].slice(0, -1)} (edit ${edits})\n`
  writeFileSync(edited, flagshipText.slice(0, title.index) + line + flagshipText.slice(title.index + title[0].length))
}
editOneQuestion()
const nodeAlone = "node -e '' (Node's own start-up)"
const cases: Case[] = [
  { name: nodeAlone, args: ['-e', ''], node: true },
  { name: 'casework --version', args: [bin, '--version'] },
  { name: `casework validate ${flagship}`, args: [bin, 'validate', flagship], budget: 300, expect: /0 errors/ },
  {
    name: 'casework validate <flagship, one question edited since the last run>',
    args: [bin, 'validate', edited],
    budget: 300,
    expect: /0 errors/,
    before: editOneQuestion,
  },
  {
    name: 'casework validate <flagship>, without the parse cache (every piece parsed)',
    args: [bin, 'validate', flagship],
    expect: /0 errors/,
    env: { CASEWORK_NO_PARSE_CACHE: '1' },
  },
  {
    name: 'casework validate <flagship>, without the compile cache',
    args: [bin, 'validate', flagship],
    expect: /0 errors/,
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
  {
    name: 'casework validate <flagship>, first call (writes the compile and parse caches)',
    args: [bin, 'validate', flagship],
    expect: /0 errors/,
    env: { TMPDIR: () => mkdtempSync(join(folder, 'first-call-')) },
  },
  {
    name: `casework paths ${flagship}`,
    args: [bin, 'paths', flagship],
    budget: 2000,
    runs: 7,
    expect: /Explored every walk|Exploration cut short/,
  },
  {
    name: 'casework whatif <flagship> <complete session> wrongful-act',
    args: [bin, 'whatif', flagship, session, 'wrongful-act'],
    expect: /minimal way/,
  },
  {
    name: 'casework paths <generated, 1,000 questions>',
    args: [bin, 'paths', large],
    budget: 10_000,
    runs: 5,
    expect: /Explored every walk|Exploration cut short/,
  },
]

// Node reads the certificates NODE_EXTRA_CA_CERTS names when it starts, before any script: on a
// machine that sets it (this sandbox points it at a 220 KB bundle) every process starts tens of
// milliseconds later. The `casework` command starts Node without it; `node bin/casework.js` does not.
const extraCerts = 'NODE_EXTRA_CA_CERTS'
const without = ` (without ${extraCerts})`
const throughNode = `node ${bin} validate <flagship> (keeps ${extraCerts})`
if (process.env[extraCerts]) {
  cases.push(
    { name: `${nodeAlone}${without}`, args: ['-e', ''], unset: [extraCerts], node: true },
    { name: throughNode, args: [bin, 'validate', flagship], expect: /0 errors/, node: true },
  )
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** One whole-process run, in milliseconds; the output's last line is kept for the report. */
function time({ name, args, expect, unset = [], env: set = {}, node = false, before }: Case): { ms: number; last: string } {
  before?.()
  const env = { ...process.env }
  for (const variable of unset) delete env[variable]
  for (const [variable, value] of Object.entries(set)) env[variable] = typeof value === 'function' ? value() : value
  const start = process.hrtime.bigint()
  const [command, ...rest] = node ? [process.execPath, ...args] : args
  const result = spawnSync(command!, rest, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0 || (expect && !expect.test(result.stdout))) {
    throw new Error(`${name} exited ${result.status}: ${result.stderr || result.stdout.slice(-500)}`)
  }
  return { ms, last: result.stdout.trim().split('\n').at(-1) ?? '' }
}

const load = () => loadavg().map((n) => n.toFixed(1)).join(' ')
console.log(`load average before: ${load()} (on a shared machine, medians rise with it)`)
try {
  // One run of each first, unmeasured, so the file system cache is warm for every sample; then
  // the cases take turns, so a burst of load on a shared machine falls on all of them alike.
  const lastLines = cases.map((bench) => time(bench).last)
  const samples = cases.map(() => [] as number[])
  for (let i = 0; i < runs; i++) {
    cases.forEach((bench, k) => {
      if (i < (bench.runs ?? runs)) samples[k]!.push(time(bench).ms)
    })
  }

  const shown = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
  console.log(`${'whole process (cold: a new process each run)'.padEnd(72)} ${'median'.padStart(9)} ${'min'.padStart(9)}  runs  budget`)
  const missed: string[] = []
  cases.forEach(({ name, budget }, k) => {
    const mine = samples[k]!
    const p50 = median(mine)
    const verdict = budget === undefined ? '' : p50 <= budget ? `≤ ${shown(budget)}  ok` : `≤ ${shown(budget)}  ✗ OVER BUDGET`
    if (budget !== undefined && p50 > budget) missed.push(`${name}: median ${shown(p50)} > ${shown(budget)}`)
    console.log(`${name.padEnd(72)} ${shown(p50).padStart(9)} ${shown(Math.min(...mine)).padStart(9)}  ${String(mine.length).padStart(4)}  ${verdict}`)
  })
  const medianOf = (name: string) => median(samples[cases.findIndex((bench) => bench.name === name)]!)
  const lastLineOf = (name: string) => lastLines[cases.findIndex((bench) => bench.name === name)]
  const validate = `casework validate ${flagship}`
  const startUp = process.env[extraCerts] ? `${nodeAlone}${without}` : nodeAlone
  console.log(`\ncasework's own share of validate (median above Node's start-up, ${shown(medianOf(startUp))}): ${shown(medianOf(validate) - medianOf(startUp))}`)
  if (process.env[extraCerts]) {
    console.log(`started with \`node\`, which keeps ${extraCerts}: ${shown(medianOf(throughNode))} (Node's own start-up with it: ${shown(medianOf(nodeAlone))})`)
  }
  console.log(`load average after: ${load()}`)
  console.log(`paths on the flagship says: ${lastLineOf(`casework paths ${flagship}`)}`)
  console.log(`paths on 1,000 questions says: ${lastLineOf('casework paths <generated, 1,000 questions>')}`)
  console.log("whatif's budget (≤ 50 ms) is for the engine call, not the whole process: see `npm run bench:explore`.")
  console.log(
    missed.length === 0
      ? '\nEvery budget met (medians; on a shared machine, compare with Node\'s own start-up above).'
      : `\nBUDGETS MISSED (${missed.length}):\n${missed.map((line) => `  ✗ ${line}`).join('\n')}`,
  )
} finally {
  rmSync(folder, { recursive: true, force: true })
}
