/**
 * Reads rulebook and workbook files off the main thread, so that a large or hostile file never
 * freezes the page: the app starts one per file and ends it to cancel (persistence/load-file.ts).
 */
import { runLoad } from './load-job'
import type { LoadMessage, LoadOutcome, LoadRequest } from './load-protocol'
import { storage } from '@/persistence/storage'
import { rulebookRecord } from '@/persistence/records'

const post = (message: LoadMessage) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<LoadRequest>) => {
  const { name, keep } = event.data
  let outcome: LoadOutcome
  try {
    outcome = await runLoad(event.data, (progress) => post({ type: 'progress', progress }))
  } catch {
    // The engine reports every mistake in a file as a problem; reaching here is a bug or a read failure.
    post({ type: 'failed', message: 'The file could not be read.' })
    return
  }
  post({ type: 'done', outcome })
  // Reported first, kept after: copying thousands of questions into IndexedDB takes a tenth of a
  // second, here rather than on the page's thread when the student starts a workbook.
  if (keep && outcome.kind === 'rulebook' && outcome.rulebook && outcome.contentHash) {
    const record = rulebookRecord(name, outcome.rulebook, outcome.contentHash)
    post({ type: 'kept', kept: await storage.putRulebook(record).then(() => true, () => false) })
  }
}
