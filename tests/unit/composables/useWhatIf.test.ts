import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { useWhatIf } from '@/composables/useWhatIf'
import type { WhatIfReply, WhatIfRequest } from '@/workers/whatif-protocol'
import { createWhatIfJob } from '@/workers/whatif-job'
import { freshPinia, openNewWorkbook, resetStorage } from '../../fixtures/ui/helpers'

/** A stand-in for the worker: it holds each request until the test lets it answer, in any order. */
class FakeWorker {
  static made: FakeWorker[] = []
  requests: WhatIfRequest[] = []
  terminated = false
  onmessage: ((event: MessageEvent<WhatIfReply>) => void) | null = null
  onerror: (() => void) | null = null
  private run = createWhatIfJob()
  constructor() {
    FakeWorker.made.push(this)
  }
  postMessage(request: WhatIfRequest) {
    this.requests.push(structuredClone(request))
  }
  /** Answers the request with this id, as the real worker would. */
  answer(id: number) {
    const request = this.requests.find((r) => r.id === id)!
    this.onmessage?.({ data: structuredClone(this.run(request)) } as MessageEvent<WhatIfReply>)
  }
  terminate() {
    this.terminated = true
  }
}

describe('composables/useWhatIf', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
    FakeWorker.made = []
    vi.stubGlobal('Worker', FakeWorker)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks again when an answer changes, and ignores the reply to the older question', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.answer('consent', 'no')
    const scope = effectScope()
    const { state } = scope.run(() => useWhatIf({ conclusion: 'prima-facie-breach' }))!
    await nextTick()
    const worker = FakeWorker.made[0]!
    expect(state.value.status).toBe('busy')
    expect(worker.requests).toHaveLength(1)
    // The first request carries the rulebook; the answers then change before it is answered.
    expect(worker.requests[0]!.rulebook?.id).toBe('ui-test')
    workbook.answer('consent', 'yes')
    await nextTick()
    expect(worker.requests).toHaveLength(2)
    worker.answer(worker.requests[1]!.id)
    await flushPromises()
    expect(state.value).toMatchObject({ status: 'done', result: { status: 'fails' } })
    // The late reply to the first question changes nothing.
    worker.answer(worker.requests[0]!.id)
    await flushPromises()
    expect(state.value).toMatchObject({ status: 'done', result: { status: 'fails' } })
    scope.stop()
    expect(worker.terminated).toBe(true)
  })

  it('does not ask again for reasoning typed, and shares one worker between panels', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    const first = effectScope()
    const second = effectScope()
    first.run(() => useWhatIf({ conclusion: 'prima-facie-breach' }))
    second.run(() => useWhatIf({ question: 'grounds' }))
    await nextTick()
    expect(FakeWorker.made).toHaveLength(1)
    const worker = FakeWorker.made[0]!
    expect(worker.requests).toHaveLength(2)
    workbook.setReasoning('use-of-force', 'application', 'Typed.')
    await nextTick()
    expect(worker.requests).toHaveLength(2)
    first.stop()
    expect(worker.terminated).toBe(false)
    second.stop()
    expect(worker.terminated).toBe(true)
  })

  it('asks about the answers being tried while a hypothetical is shown', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.answer('consent', 'no')
    const scope = effectScope()
    const { state } = scope.run(() => useWhatIf({ conclusion: 'prima-facie-breach' }))!
    await nextTick()
    workbook.tryAnswers([{ question: 'consent', to: 'yes' }])
    await nextTick()
    const worker = FakeWorker.made[0]!
    const last = worker.requests.at(-1)!
    expect(last.answers.consent!.value).toBe('yes')
    worker.answer(last.id)
    await flushPromises()
    expect(state.value).toMatchObject({ status: 'done', result: { status: 'fails' } })
    scope.stop()
  })
})
