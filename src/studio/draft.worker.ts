/// <reference lib="webworker" />
/**
 * The studio's own worker: checks drafts off the main thread, so typing never waits on the
 * loader. One request at a time; the page terminates and restarts it if a check runs too long.
 */
import { contentHash } from '@/engine/hash'
import { checkDraft, type DraftCheck } from './draft-check'
import { draftPaths, type DraftPaths } from './draft-paths'
import type { Rulebook } from '@/engine/generated/rulebook'
import { pieceMemory } from '@/engine/piece-memory'

/** A request to check a draft; `revision` comes back with the answer, so stale answers are dropped. */
export interface CheckRequest {
  type: 'check'
  revision: number
  text: string
  file: string
}

export interface CheckResponse extends Omit<DraftCheck, 'rulebook'> {
  type: 'checked'
  /**
   * The rulebook as JSON text, when the draft has no errors: one string crosses to the page far
   * faster than the object graph (structured clone), and the page parses it only when it changed.
   */
  rulebookJson?: string
  revision: number
  /** How long the check took inside the worker, in milliseconds. */
  took: number
  /** The content hash of the rulebook, when the draft has no errors. */
  contentHash?: string
  /**
   * True for the early answer: every problem but the path explorer's warnings, and no tests or
   * rulebook yet. The complete answer for the same revision follows.
   */
  partial?: boolean
}

/** A request to explore a rulebook without errors (sent to a second instance of this worker). */
export interface ExploreRequest {
  type: 'explore'
  contentHash: string
  rulebookJson: string
}

export interface ExploreResponse {
  type: 'explored'
  contentHash: string
  paths: DraftPaths
}

/** The draft's pieces from the last check: each check parses again only what was edited since. */
const pieces = pieceMemory()

self.onmessage = (event: MessageEvent<CheckRequest | ExploreRequest>) => {
  if (event.data.type === 'explore') {
    const { contentHash: hash, rulebookJson } = event.data
    const response: ExploreResponse = { type: 'explored', contentHash: hash, paths: draftPaths(JSON.parse(rulebookJson) as Rulebook) }
    self.postMessage(response)
    return
  }
  const { revision, text, file } = event.data
  const started = performance.now()
  const early = (partial: DraftCheck) => {
    const response: CheckResponse = { type: 'checked', revision, took: performance.now() - started, problems: partial.problems, outline: partial.outline, partial: true }
    self.postMessage(response)
  }
  const { rulebook, ...check } = checkDraft(text, file, early, pieces)
  const response: CheckResponse = {
    type: 'checked',
    revision,
    took: performance.now() - started,
    ...check,
    contentHash: rulebook ? contentHash(rulebook) : undefined,
    rulebookJson: rulebook ? JSON.stringify(rulebook) : undefined,
  }
  self.postMessage(response)
}
