import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoadMessage, LoadRequest } from '@/workers/load-protocol'

/** A stand-in for the file-reading worker: answers each request with an empty rulebook outcome. */
class FakeWorker {
  static made: FakeWorker[] = []
  /** What the next worker reports as read. */
  static outcome: unknown = { kind: 'rulebook', problems: [] }
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
    queueMicrotask(() => this.send({ type: 'done', outcome: FakeWorker.outcome } as LoadMessage))
  }
  send(message: LoadMessage) {
    this.onmessage?.({ data: message } as MessageEvent<LoadMessage>)
  }
  terminate() {
    this.terminated = true
  }
}

const file = () => new File(['id: x'], 'x.yaml')

describe('persistence/load-file: a worker started ahead of the file', () => {
  beforeEach(() => {
    FakeWorker.made = []
    FakeWorker.outcome = { kind: 'rulebook', problems: [] }
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

  describe('keeping the rulebook it read', () => {
    const checked = { kind: 'rulebook', rulebook: { id: 'x' }, contentHash: 'abc', problems: [] }

    it('asks the worker to keep it, and ends the worker only once it says it has', async () => {
      FakeWorker.outcome = checked
      const { loadFile } = await import('@/persistence/load-file')
      const outcome = await loadFile(file(), { keep: true })
      const worker = FakeWorker.made[0]!
      expect(worker.requests[0]!.keep).toBe(true)
      expect(outcome).toMatchObject(checked)
      // Reported before it is kept: the student sees the rulebook without waiting for the copy.
      expect(worker.terminated).toBe(false)
      worker.send({ type: 'kept', kept: true })
      await expect(outcome.kept).resolves.toBe(true)
      expect(worker.terminated).toBe(true)
    })

    it('says it was not kept when the worker could not, or was stopped first', async () => {
      FakeWorker.outcome = checked
      const { loadFile } = await import('@/persistence/load-file')
      const refused = await loadFile(file(), { keep: true })
      FakeWorker.made[0]!.send({ type: 'kept', kept: false })
      await expect(refused.kept).resolves.toBe(false)

      const stop = new AbortController()
      const stopped = await loadFile(file(), { keep: true, signal: stop.signal })
      stop.abort()
      await expect(stopped.kept).resolves.toBe(false)
      expect(FakeWorker.made[1]!.terminated).toBe(true)
    })

    it('ends a worker that has not kept it within the limit, saying it was not kept', async () => {
      vi.useFakeTimers()
      FakeWorker.outcome = checked
      const { keepingLimitMs, loadFile } = await import('@/persistence/load-file')
      const outcome = await loadFile(file(), { keep: true })
      const settled = vi.fn()
      void outcome.kept!.then(settled)
      await vi.advanceTimersByTimeAsync(keepingLimitMs - 1)
      expect(settled).not.toHaveBeenCalled()
      expect(FakeWorker.made[0]!.terminated).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toHaveBeenCalledWith(false)
      expect(FakeWorker.made[0]!.terminated).toBe(true)
    })

    it('does not wait for a rulebook with errors, a workbook, or when not asked', async () => {
      const { loadFile } = await import('@/persistence/load-file')
      FakeWorker.outcome = { kind: 'rulebook', problems: [{ code: 'x', severity: 'error' }] }
      expect(await loadFile(file(), { keep: true })).not.toHaveProperty('kept')
      FakeWorker.outcome = { kind: 'session', session: {}, problems: [] }
      expect(await loadFile(file(), { keep: true })).not.toHaveProperty('kept')
      FakeWorker.outcome = checked
      expect(await loadFile(file())).not.toHaveProperty('kept')
      expect(FakeWorker.made.every((worker) => worker.terminated)).toBe(true)
    })
  })
})
