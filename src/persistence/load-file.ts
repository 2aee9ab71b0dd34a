/**
 * Reads a rulebook or workbook file in a Web Worker (workers/load.worker.ts), with progress and a
 * way to cancel. Where there are no workers (tests in jsdom) the same job runs in place.
 */
import type { FileExpectation, LoadMessage, LoadOutcome, LoadProgress } from '@/workers/load-protocol'

export type { FileExpectation, LoadOutcome, LoadProgress }

/** Reading was cancelled by the student. */
export class LoadCancelled extends Error {
  constructor() {
    super('Reading the file was cancelled.')
    this.name = 'LoadCancelled'
  }
}

/** Reads and checks a file off the main thread; rejects with `LoadCancelled` when `signal` aborts. */
export function loadFile(
  file: File,
  options: { expect?: FileExpectation; onProgress?: (progress: LoadProgress) => void; signal?: AbortSignal } = {},
): Promise<LoadOutcome> {
  const { expect = 'any', onProgress = () => {}, signal } = options
  if (signal?.aborted) return Promise.reject(new LoadCancelled())
  const request = { file, name: file.name, expect }
  if (typeof Worker === 'undefined') {
    return import('@/workers/load-job').then(({ runLoad }) => runLoad(request, onProgress))
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/load.worker.ts', import.meta.url), { type: 'module', name: 'casework-load' })
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', abort)
    }
    // Ending the worker stops the work at once, wherever it is.
    const abort = () => {
      finish()
      reject(new LoadCancelled())
    }
    signal?.addEventListener('abort', abort, { once: true })
    worker.onmessage = (event: MessageEvent<LoadMessage>) => {
      const message = event.data
      if (message.type === 'progress') onProgress(message.progress)
      else {
        finish()
        if (message.type === 'done') resolve(message.outcome)
        else reject(new Error(message.message))
      }
    }
    worker.onerror = () => {
      finish()
      reject(new Error('The file could not be read.'))
    }
    worker.postMessage(request)
  })
}
