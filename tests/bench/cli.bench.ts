/**
 * `npm run bench:cli` (part of `npm run bench`): whole-process time of the built `casework`, as an
 * instructor meets it: `node bin/casework.js validate rules/venezuela-dock-strike.yaml`, spawned
 * again and again. Prints medians (p50); never asserts times. `node -e ''` is measured beside it,
 * since on a busy machine Node's own start-up is most of what is left.
 *
 * Options: `--runs N` (default 21); `--bin path` to time another entry point (e.g. an older
 * checkout's bin/casework.js, for a before/after figure).
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('../../', import.meta.url))
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    bin: { type: 'string', default: 'bin/casework.js' },
  },
})
const runs = Number(values.runs)
const bin = values.bin

const flagship = 'rules/venezuela-dock-strike.yaml'
const cases: { name: string; args: string[]; expectCode: number; target?: string }[] = [
  { name: "node -e '' (Node's own start-up)", args: ['-e', ''], expectCode: 0 },
  { name: 'casework --version', args: [bin, '--version'], expectCode: 0 },
  {
    name: `casework validate ${flagship}`,
    args: [bin, 'validate', flagship],
    expectCode: 0,
    target: '≤ 300 ms',
  },
]

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** One whole-process run, in milliseconds. */
function time({ name, args, expectCode }: (typeof cases)[number]): number {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== expectCode) {
    throw new Error(`${name} exited ${result.status}: ${result.stderr || result.stdout}`)
  }
  return elapsed
}

// One run of each first, unmeasured, so the file system cache is warm for every sample; then the
// cases take turns, so a burst of load on a shared machine falls on all of them alike.
for (const bench of cases) time(bench)
const samples = cases.map(() => [] as number[])
for (let i = 0; i < runs; i++) cases.forEach((bench, k) => samples[k]!.push(time(bench)))

const shown = (ms: number) => `${ms.toFixed(0)} ms`
console.log(
  `${'whole process'.padEnd(60)} ${'median'.padStart(10)} ${'min'.padStart(10)}  runs  target`,
)
cases.forEach(({ name, target }, k) => {
  const mine = samples[k]!
  console.log(
    `${name.padEnd(60)} ${shown(median(mine)).padStart(10)} ${shown(Math.min(...mine)).padStart(10)}  ${String(runs).padStart(4)}  ${target ?? ''}`,
  )
})
const node = median(samples[0]!)
console.log(
  `\ncasework's own share of validate (median above Node's start-up): ${shown(median(samples[2]!) - node)}`,
)
