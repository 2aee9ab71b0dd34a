/**
 * Asks the what-if worker (workers/whatif.worker.ts) what would change a conclusion or whether a
 * question is asked, for the answers the walk shows now, and asks again when they change. A reply
 * to an older question is ignored. Where there are no workers (tests in jsdom) the same job runs
 * in place.
 */
import { computed, onScopeDispose, shallowRef, toRaw, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { WhatIfResult, WhatIfTarget } from '@/engine/whatif'
import { useWorkbookStore } from '@/stores/workbook'
import type { WhatIfReply, WhatIfRequest } from '@/workers/whatif-protocol'

/** Where the answer has got to. */
export type WhatIfState =
  | { status: 'busy' }
  | { status: 'done'; result: WhatIfResult }
  | { status: 'failed'; message: string }

type Ask = (request: WhatIfRequest) => Promise<WhatIfReply>

/** One worker for every open panel; ended when the last panel closes. */
let shared: { ask: Ask; users: number; end: () => void } | undefined

function startWorker(): { ask: Ask; end: () => void } {
  if (typeof Worker === 'undefined') {
    const job = import('@/workers/whatif-job').then(({ createWhatIfJob }) => createWhatIfJob())
    return { ask: (request) => job.then((run) => run(request)), end: () => {} }
  }
  const worker = new Worker(new URL('../workers/whatif.worker.ts', import.meta.url), { type: 'module', name: 'casework-whatif' })
  const waiting = new Map<number, (reply: WhatIfReply) => void>()
  worker.onmessage = (event: MessageEvent<WhatIfReply>) => {
    const reply = event.data
    waiting.get(reply.id)?.(reply)
    waiting.delete(reply.id)
  }
  worker.onerror = () => {
    for (const [id, resolve] of waiting) resolve({ id, type: 'failed', message: 'What would change this could not be worked out.' })
    waiting.clear()
  }
  return {
    ask: (request) =>
      new Promise((resolve) => {
        waiting.set(request.id, resolve)
        worker.postMessage(request)
      }),
    end: () => worker.terminate(),
  }
}

let nextId = 0
/** The content hash whose rulebook the shared worker has been sent. */
let sentHash: string | undefined

/** What would change `target`, worked out off the main thread while `active` is true. */
export function useWhatIf(target: MaybeRefOrGetter<WhatIfTarget>, active: MaybeRefOrGetter<boolean> = true) {
  const workbook = useWorkbookStore()
  const state = shallowRef<WhatIfState>({ status: 'busy' })
  let latest = -1
  let using = false

  // The answers as the walk shows them (tried ones included), read only while the panel is open:
  // reasoning typed elsewhere changes none of it, so it asks again only when an answer changes.
  const question = computed(() => {
    if (!toValue(active)) return undefined
    void workbook.revision
    void workbook.hypothetical
    const session = workbook.session
    const compiled = workbook.compiled
    if (!session || !compiled) return undefined
    const answers = workbook.shownAnswers()
    const values = compiled.rulebook.questions.map(({ id }) => (Object.hasOwn(answers, id) ? answers[id]!.value : undefined))
    return { key: JSON.stringify([session.rulebook.contentHash, session.scenario, toValue(target), values]), answers }
  })

  async function run(contentHash: string, answers: WhatIfRequest['answers']) {
    const compiled = workbook.compiled
    const session = workbook.session
    if (!compiled || !session) return
    if (!using) {
      shared ??= { ...startWorker(), users: 0 }
      shared.users++
      using = true
    }
    const id = (latest = nextId++)
    state.value = { status: 'busy' }
    const base = { id, contentHash, scenario: session.scenario, answers: toRaw(answers), target: { ...toRaw(toValue(target)) } }
    let reply = await shared!.ask(sentHash === contentHash ? base : { ...base, rulebook: toRaw(compiled.rulebook) })
    sentHash = contentHash
    if (reply.type === 'need-rulebook') reply = await shared!.ask({ ...base, rulebook: toRaw(compiled.rulebook) })
    if (id !== latest) return // the answers changed meanwhile: a newer question is on its way
    state.value =
      reply.type === 'done'
        ? { status: 'done', result: reply.result }
        : { status: 'failed', message: reply.type === 'failed' ? reply.message : 'What would change this could not be worked out.' }
  }

  watch(
    () => question.value?.key,
    (key) => {
      const asked = question.value
      if (key === undefined || !asked) {
        latest = -1
        return
      }
      void run(workbook.session!.rulebook.contentHash, asked.answers).catch(() => {
        state.value = { status: 'failed', message: 'What would change this could not be worked out.' }
      })
    },
    { immediate: true },
  )

  onScopeDispose(() => {
    latest = -1
    if (!using || !shared) return
    if (--shared.users === 0) {
      shared.end()
      shared = undefined
      sentHash = undefined
    }
  })

  return { state }
}
