/**
 * Reads rulebook and workbook files off the main thread, so that a large or hostile file never
 * freezes the page: the app starts one per file and ends it to cancel (persistence/load-file.ts).
 */
import { runLoad } from './load-job'
import type { LoadMessage, LoadRequest } from './load-protocol'

const post = (message: LoadMessage) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<LoadRequest>) => {
  try {
    const outcome = await runLoad(event.data, (progress) => post({ type: 'progress', progress }))
    post({ type: 'done', outcome })
  } catch {
    // The engine reports every mistake in a file as a problem; reaching here is a bug or a read failure.
    post({ type: 'failed', message: 'The file could not be read.' })
  }
}
