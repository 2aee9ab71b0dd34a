/**
 * The work the what-if worker does, as a function that also runs in place where there are no
 * workers (the component tests): compile the rulebook once per content hash, keep the explorer's
 * sums for it, and answer each request with the engine's `whatIf`.
 */
import { compileRulebook, type CompiledRulebook } from '@/engine/compile'
import { createSums, type Sums } from '@/engine/explore/sums'
import { whatIf } from '@/engine/whatif'
import type { WhatIfReply, WhatIfRequest } from './whatif-protocol'

/** A what-if runner that remembers the last rulebook it compiled (and its sums) between requests. */
export function createWhatIfJob(): (request: WhatIfRequest) => WhatIfReply {
  let kept: { contentHash: string; compiled: CompiledRulebook; sums: Sums } | undefined
  return (request) => {
    const { id, contentHash, rulebook, scenario, answers, target, max } = request
    try {
      if (kept?.contentHash !== contentHash) {
        if (!rulebook) return { id, type: 'need-rulebook' }
        const compiled = compileRulebook(rulebook)
        kept = { contentHash, compiled, sums: createSums(compiled) }
      }
      const { compiled, sums } = kept
      const known = 'conclusion' in target ? compiled.conclusionIndex.has(target.conclusion) : compiled.questionIndex.has(target.question)
      if (!known) return { id, type: 'failed', message: 'This rulebook has no such conclusion or question.' }
      return { id, type: 'done', result: whatIf(compiled, { scenario, answers }, target, { sums, max: max ?? 5 }) }
    } catch {
      // The engine checked this rulebook when it was opened: reaching here is a bug.
      return { id, type: 'failed', message: 'What would change this could not be worked out.' }
    }
  }
}
