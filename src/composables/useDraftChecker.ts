import { onScopeDispose, ref, shallowRef } from 'vue'
import type { CheckRequest, CheckResponse } from '@/studio/draft.worker'
import type { DraftProblem } from '@/studio/draft-check'
import { outlineOf } from '@/studio/outline'

/** After this long a check is abandoned: the worker is terminated and a fresh one started. */
export const CHECK_TIMEOUT_MS = 8000

/** A problem for a check that was abandoned: the draft is unchanged, only the check gave up. */
function timeoutProblem(file: string): DraftProblem {
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `checking the draft took longer than ${CHECK_TIMEOUT_MS / 1000} seconds and was stopped`,
    hint: 'look for very deep nesting or a long run of aliases (`*name`) near your last change; undo (Ctrl+Z) removes a paste',
    file,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    path: [],
    from: 0,
    to: 0,
  }
}

function createWorker(): Worker {
  return new Worker(new URL('../studio/draft.worker.ts', import.meta.url), { type: 'module', name: 'casework-draft-check' })
}

/**
 * Checks drafts in the studio's worker: one check at a time, the latest text always checked next
 * (older ones are skipped), a check that runs too long stopped by terminating the worker.
 */
export function useDraftChecker() {
  /** The latest answer, early or complete: its problems are what the editor shows. */
  const result = shallowRef<CheckResponse>()
  /** The latest complete answer: its tests and rulebook. */
  const complete = shallowRef<CheckResponse>()
  const checking = ref(false)
  /** Milliseconds from asking to the answer arriving, for the last check. */
  const lastRoundTrip = ref<number>()

  let worker: Worker | undefined
  let revision = 0
  let pending: CheckRequest | undefined
  let inFlight: { request: CheckRequest; sentAt: number; timer: ReturnType<typeof setTimeout> } | undefined
  /** Callers waiting for the check of a given revision (or of a later one, which supersedes it). */
  let waiting: { revision: number; resolve: (response: CheckResponse) => void }[] = []

  function publish(response: CheckResponse) {
    result.value = response
    if (response.partial) return
    complete.value = response
    const ready = waiting.filter((w) => w.revision <= response.revision)
    waiting = waiting.filter((w) => w.revision > response.revision)
    for (const w of ready) w.resolve(response)
  }

  function ensureWorker(): Worker {
    if (worker) return worker
    worker = createWorker()
    worker.onmessage = (event: MessageEvent<CheckResponse>) => {
      if (!inFlight || event.data.revision !== inFlight.request.revision) return
      if (event.data.partial) {
        // Problems show at once; the check itself goes on to the explorer and the tests.
        if (event.data.revision === revision) publish(event.data)
        return
      }
      clearTimeout(inFlight.timer)
      lastRoundTrip.value = performance.now() - inFlight.sentAt
      inFlight = undefined
      if (event.data.revision === revision) publish(event.data)
      sendNext()
    }
    worker.onerror = (event) => {
      event.preventDefault()
      abandon()
    }
    return worker
  }

  function abandon() {
    if (!inFlight) return
    const { request } = inFlight
    clearTimeout(inFlight.timer)
    inFlight = undefined
    worker?.terminate()
    worker = undefined
    if (request.revision === revision) {
      publish({
        type: 'checked',
        revision: request.revision,
        took: CHECK_TIMEOUT_MS,
        problems: [timeoutProblem(request.file)],
        outline: request.text.length < 1_000_000 ? outlineOf(request.text) : [],
      })
    }
    sendNext()
  }

  function sendNext() {
    if (inFlight || !pending) {
      checking.value = inFlight !== undefined || pending !== undefined
      return
    }
    const request = pending
    pending = undefined
    inFlight = { request, sentAt: performance.now(), timer: setTimeout(abandon, CHECK_TIMEOUT_MS) }
    checking.value = true
    ensureWorker().postMessage(request)
  }

  /** Checks this text next (replacing any text still waiting to be checked). */
  function check(text: string, file: string) {
    revision++
    pending = { type: 'check', revision, text, file }
    sendNext()
  }

  /** Checks this text at once and resolves with its outcome: for actions that need the draft as it stands. */
  function checkNow(text: string, file: string): Promise<CheckResponse> {
    check(text, file)
    return new Promise((resolve) => waiting.push({ revision, resolve }))
  }

  onScopeDispose(() => {
    if (inFlight) clearTimeout(inFlight.timer)
    worker?.terminate()
    worker = undefined
  })

  return { result, complete, checking, lastRoundTrip, check, checkNow }
}
