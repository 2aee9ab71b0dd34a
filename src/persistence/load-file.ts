/**
 * Reads a rulebook or workbook file in a Web Worker (workers/load.worker.ts), with progress and a
 * way to cancel. Where there are no workers (tests in jsdom) the same job runs in place.
 */
import type { FileExpectation, LoadMessage, LoadOutcome, LoadProgress } from '@/workers/load-protocol'

export type { FileExpectation, LoadOutcome, LoadProgress }

/**
 * What reading gave; with `keep`, a rulebook without errors also carries `kept`: whether the
 * worker has kept it in IndexedDB (false where there is no worker, or it could not).
 */
export type LoadedOutcome = LoadOutcome & { kept?: Promise<boolean> }

/** How long a worker may take to keep the rulebook it read before it is ended and the page keeps it. */
export const keepingLimitMs = 10_000

/** Reading was cancelled by the student. */
export class LoadCancelled extends Error {
  constructor() {
    super('Reading the file was cancelled.')
    this.name = 'LoadCancelled'
  }
}

/** A worker started ahead of the file, and whether it failed to start (its error event is past by the time it is used). */
interface SpareWorker {
  worker: Worker
  failed: boolean
  idle: ReturnType<typeof setTimeout>
}
let spare: SpareWorker | undefined
/** A spare nobody used is ended after this long: it holds its code in memory. */
const spareKeptMs = 60_000

const startWorker = () => new Worker(new URL('../workers/load.worker.ts', import.meta.url), { type: 'module', name: 'casework-load' })

/**
 * Starts the file-reading worker ahead of the file (the pointer is over the picker, a file is
 * dragged in), so that its code is fetched and compiled while the student is still choosing: for
 * a large rulebook that is a fifth of a second the student no longer waits after choosing.
 */
export function prepareLoadWorker(): void {
  if (typeof Worker === 'undefined' || spare) return
  const prepared: SpareWorker = {
    worker: startWorker(),
    failed: false,
    idle: setTimeout(() => {
      prepared.worker.terminate()
      if (spare === prepared) spare = undefined
    }, spareKeptMs),
  }
  prepared.worker.addEventListener('error', () => (prepared.failed = true), { once: true })
  spare = prepared
}

/** The spare worker if it started well, else a new one. */
function takeWorker(): Worker {
  const taken = spare
  spare = undefined
  if (!taken) return startWorker()
  clearTimeout(taken.idle)
  if (!taken.failed) return taken.worker
  taken.worker.terminate()
  return startWorker()
}

/**
 * Reads and checks a file off the main thread; rejects with `LoadCancelled` when `signal` aborts.
 * With `keep`, the worker then keeps a rulebook without errors in IndexedDB, and is ended once it
 * has (or when `signal` aborts).
 */
export function loadFile(
  file: File,
  options: { expect?: FileExpectation; onProgress?: (progress: LoadProgress) => void; signal?: AbortSignal; keep?: boolean } = {},
): Promise<LoadedOutcome> {
  const { expect = 'any', onProgress = () => {}, signal, keep = false } = options
  if (signal?.aborted) return Promise.reject(new LoadCancelled())
  const request = { file, name: file.name, expect, keep }
  if (typeof Worker === 'undefined') {
    return import('@/workers/load-job').then(({ runLoad }) => runLoad(request, onProgress))
  }
  return new Promise((resolve, reject) => {
    const worker = takeWorker()
    let settleKept: ((kept: boolean) => void) | undefined
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', abort)
      settleKept?.(false)
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
      else if (message.type === 'kept') {
        settleKept?.(message.kept)
        finish()
      } else if (message.type === 'done' && keep && message.outcome.kind === 'rulebook' && message.outcome.rulebook) {
        // The worker goes on to keep the rulebook; it is ended once it says it has, or after
        // `keepingLimitMs` (storage that never answers), when the page keeps the rulebook itself.
        const limit = setTimeout(finish, keepingLimitMs)
        const kept = new Promise<boolean>((settle) => (settleKept = settle))
        void kept.then(() => clearTimeout(limit))
        resolve({ ...message.outcome, kept })
      } else {
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
