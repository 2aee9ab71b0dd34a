/**
 * `npm run bench` (second part): what one save costs the workbook store at 500 and 5,000 answered
 * questions. Before issue 16 the store deep-copied the reactive session as JSON on every save;
 * now the work on each question is replaced rather than edited, so a save hands over the session
 * as it is, and IndexedDB copies only the workbook's record without its answers and the questions
 * that changed (a structured clone, measured here in node; `npm run bench:browser` measures the
 * whole save in the browser at 1,000 and 5,000 answered questions). Prints medians; never asserts times.
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
  // IndexedDB copies what it is given (a structured clone): before the database's version 2 that
  // was the whole session; now (persistence/storage.ts) the workbook's record without its answers,
  // and the record of each question that changed since the last save (here one).
  bench.add(`before: IndexedDB's copy of the whole record, ${size} answered`, () => {
    structuredClone({ ...session, id: 'wb' })
  })
  bench.add(`now: IndexedDB's copy of what a save writes (one question changed), ${size} answered`, () => {
    structuredClone([{ ...session, id: 'wb', answers: {} }, { workbookId: 'wb', questionId: 'q1', work: answers.q1 }])
  })
}
await bench.run()
console.log(`${'save benchmark'.padEnd(80)} median   samples`)
for (const task of bench.tasks) {
  const latency = (task.result as { latency?: { p50?: number; samplesCount?: number } } | undefined)?.latency
  const median = latency?.p50
  const shown = median === undefined ? 'n/a' : median < 1 ? `${(median * 1000).toFixed(1)} µs` : `${median.toFixed(2)} ms`
  console.log(`${task.name.padEnd(80)} ${shown.padStart(10)}  ${String(latency?.samplesCount ?? '').padStart(8)}`)
}
