/** Messages between the app and the worker that finds what would change a conclusion (whatif.worker.ts). */
import type { Rulebook } from '@/engine/generated/rulebook'
import type { Session } from '@/engine/generated/session'
import type { WhatIfResult, WhatIfTarget } from '@/engine/whatif'

/** One question to the worker: what would change this target, given these answers. */
export interface WhatIfRequest {
  /** Raised by the app for every request: a reply to an older one is ignored. */
  id: number
  /** The rulebook's content hash: the worker keeps what it compiled for it. */
  contentHash: string
  /** Sent with the first request for a content hash; the worker asks again if it has forgotten it. */
  rulebook?: Rulebook
  scenario: string
  answers: Session['answers']
  target: WhatIfTarget
  max?: number
}

/** The worker's answer to one request. */
export type WhatIfReply =
  | { id: number; type: 'done'; result: WhatIfResult }
  /** The worker has no rulebook for this content hash: send it again with the rulebook. */
  | { id: number; type: 'need-rulebook' }
  | { id: number; type: 'failed'; message: string }
