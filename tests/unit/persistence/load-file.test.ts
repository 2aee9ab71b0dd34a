import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoadMessage, LoadRequest } from '@/workers/load-protocol'

/** A stand-in for the file-reading worker: answers each request with an empty rulebook outcome. */
class FakeWorker {
  static made: FakeWorker[] = []
  onmessage: ((event: MessageEvent<LoadMessage>) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  terminated = false
  requests: LoadRequest[] = []
  private errorListeners: (() => void)[] = []
  constructor() {
    FakeWorker.made.push(this)
  }
  addEventListener(type: string, listener: () => void) {
    if (type === 'error') this.errorListeners.push(listener)
  }
  /** The worker's code failed to load, as when the app is offline and the chunk is not cached. */
  fail() {
    for (const listener of this.errorListeners) listener()
    this.onerror?.(new Event('error'))
  }
  postMessage(request: LoadRequest) {
    this.requests.push(request)
    queueMicrotask(() => this.onmessage?.({ data: { type: 'done', outcome: { kind: 'rulebook', problems: [] } } } as unknown as MessageEvent<LoadMessage>))
  }
  terminate() {
    this.terminated = true
  }
}

const file = () => new File(['id: x'], 'x.yaml')

describe('persistence/load-file: a worker started ahead of the file', () => {
  beforeEach(() => {
    FakeWorker.made = []
    vi.stubGlobal('Worker', FakeWorker)
    vi.resetModules()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('reads the file in the worker prepared ahead, and prepares only one', async () => {
    const { loadFile, prepareLoadWorker } = await import('@/persistence/load-file')
    prepareLoadWorker()
    prepareLoadWorker()
    expect(FakeWorker.made).toHaveLength(1)
    const outcome = await loadFile(file())
    expect(outcome).toEqual({ kind: 'rulebook', problems: [] })
    expect(FakeWorker.made).toHaveLength(1)
    expect(FakeWorker.made[0]!.requests.map((r) => r.name)).toEqual(['x.yaml'])
    // Used once, then ended; the next file gets a worker of its own.
    expect(FakeWorker.made[0]!.terminated).toBe(true)
    await loadFile(file())
    expect(FakeWorker.made).toHaveLength(2)
  })

  it('replaces a prepared worker whose code failed to load, rather than waiting on it', async () => {
    const { loadFile, prepareLoadWorker } = await import('@/persistence/load-file')
    prepareLoadWorker()
    FakeWorker.made[0]!.fail()
    await expect(loadFile(file())).resolves.toEqual({ kind: 'rulebook', problems: [] })
    expect(FakeWorker.made).toHaveLength(2)
    expect(FakeWorker.made[0]!.terminated).toBe(true)
  })

  it('ends a prepared worker nobody used after a minute', async () => {
    vi.useFakeTimers()
    const { prepareLoadWorker } = await import('@/persistence/load-file')
    prepareLoadWorker()
    vi.advanceTimersByTime(59_000)
    expect(FakeWorker.made[0]!.terminated).toBe(false)
    vi.advanceTimersByTime(1_000)
    expect(FakeWorker.made[0]!.terminated).toBe(true)
    // A later visit to the picker prepares a fresh one.
    prepareLoadWorker()
    expect(FakeWorker.made).toHaveLength(2)
  })
})
