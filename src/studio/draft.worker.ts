/// <reference lib="webworker" />
/**
 * The studio's own worker: checks drafts off the main thread, so typing never waits on the
 * loader. One request at a time; the page terminates and restarts it if a check runs too long.
 */
import { contentHash } from '@/engine/hash'
import { checkDraft, type DraftCheck } from './draft-check'

/** A request to check a draft; `revision` comes back with the answer, so stale answers are dropped. */
export interface CheckRequest {
  type: 'check'
  revision: number
  text: string
  file: string
}

export interface CheckResponse extends DraftCheck {
  type: 'checked'
  revision: number
  /** How long the check took inside the worker, in milliseconds. */
  took: number
  /** The content hash of the rulebook, when the draft has no errors. */
  contentHash?: string
}

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { revision, text, file } = event.data
  const started = performance.now()
  const check = checkDraft(text, file)
  const hash = check.rulebook ? contentHash(check.rulebook) : undefined
  const response: CheckResponse = { type: 'checked', revision, took: performance.now() - started, ...check, contentHash: hash }
  self.postMessage(response)
}
