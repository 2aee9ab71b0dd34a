/**
 * `npm run bench` (second part): what one save costs the workbook store at 500 and 5,000 answered
 * questions. Before issue 16 the store deep-copied the reactive session as JSON on every save;
 * now the work on each question is replaced rather than edited, so a save hands over the session
 * as it is, sharing every answer. IndexedDB then makes its own (structured) copy of the record, in the
 * browser, which `npm run bench:browser` measures. Prints medians; never asserts times.
 */
import { Bench } from 'tinybench'
import { reactive } from 'vue'
import type { Session } from '../../src/engine/generated/session.ts'
import { answerAll, generateRulebook } from './generate.ts'

const bench = new Bench({ time: 500, warmupTime: 100 })
for (const size of [500, 5000]) {
  const answers = answerAll(generateRulebook(size))
  for (const work of Object.values(answers)) work.reasoning = { application: 'Reasoning on the question, citing [¶1](#fact-f0).' }
  const session: Session = {
    format: 'casework-session/1',
    rulebook: { id: 'bench', version: '1.0.0', contentHash: '0000000000000000', title: 'Bench' },
    scenario: 'only',
    student: { name: 'Bench' },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    answers,
  }
  const proxy = reactive(structuredClone(session))
  bench.add(`before: JSON copy of the reactive session, ${size} answered`, () => {
    JSON.parse(JSON.stringify(proxy))
  })
  bench.add(`now: the record handed to IndexedDB, sharing the answers, ${size} answered`, () => {
    void { ...session, id: 'wb' }
  })
}
await bench.run()
console.log('save benchmark                                              median   samples')
for (const task of bench.tasks) {
  const latency = (task.result as { latency?: { p50?: number; samplesCount?: number } } | undefined)?.latency
  const median = latency?.p50
  const shown = median === undefined ? 'n/a' : median < 1 ? `${(median * 1000).toFixed(1)} µs` : `${median.toFixed(2)} ms`
  console.log(`${task.name.padEnd(58)} ${shown.padStart(10)}  ${String(latency?.samplesCount ?? '').padStart(8)}`)
}
