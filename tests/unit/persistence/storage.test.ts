import { beforeEach, describe, expect, it, vi } from 'vitest'
import { describeStorageError, storage } from '@/persistence/storage'
import { RECORD_VERSION, summarizeWorkbook, type WorkbookRecord } from '@/persistence/records'
import type { Session } from '@/engine/generated/session'
import { resetStorage } from '../../fixtures/ui/helpers'
import { uiRulebook } from '../../fixtures/ui/rulebook'

function record(id: string, updatedAt: string): WorkbookRecord {
  const session: Session = {
    format: 'casework-session/1',
    id,
    title: `Workbook ${id}`,
    rulebook: { id: 'ui-test', version: '1.0.0', contentHash: '0123456789abcdef' },
    scenario: 'dock',
    student: { name: 'Ada' },
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt,
    answers: { 'use-of-force': { value: 'yes', updatedAt } },
  }
  return {
    version: RECORD_VERSION,
    id,
    session,
    summary: summarizeWorkbook(id, session, uiRulebook, { answered: 1, total: 5 }),
  }
}

describe('persistence/storage', () => {
  beforeEach(resetStorage)

  it('saves a workbook and reads it back unchanged', async () => {
    await storage.putWorkbook(record('wb-a', '2026-01-02T10:00:00.000Z'))
    const read = await storage.getWorkbook('wb-a')
    expect(read?.session.answers['use-of-force']?.value).toBe('yes')
    expect(read?.summary).toMatchObject({ scenarioTitle: 'The dock strike', answered: 1, total: 5 })
  })

  it('lists workbooks most recently edited first', async () => {
    await storage.putWorkbook(record('wb-old', '2026-01-02T10:00:00.000Z'))
    await storage.putWorkbook(record('wb-new', '2026-01-03T10:00:00.000Z'))
    expect((await storage.listWorkbooks()).map((s) => s.id)).toEqual(['wb-new', 'wb-old'])
  })

  it('raises the revision on every write', async () => {
    expect(await storage.putWorkbook(record('wb-a', '2026-01-02T10:00:00.000Z'))).toBe(1)
    expect(await storage.putWorkbook(record('wb-a', '2026-01-03T10:00:00.000Z'))).toBe(2)
    expect((await storage.getWorkbook('wb-a'))?.revision).toBe(2)
  })

  it('saves over the revision a tab read, and refuses to write over a newer one', async () => {
    await storage.putWorkbook(record('wb-a', '2026-01-02T10:00:00.000Z'))
    // Two tabs read revision 1; the first to save wins.
    expect(await storage.saveWorkbook(record('wb-a', '2026-01-03T10:00:00.000Z'), 1)).toEqual({ ok: true, revision: 2 })
    const refused = await storage.saveWorkbook(record('wb-a', '2026-01-04T10:00:00.000Z'), 1)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.current?.session.updatedAt).toBe('2026-01-03T10:00:00.000Z')
    expect((await storage.getWorkbook('wb-a'))?.session.updatedAt).toBe('2026-01-03T10:00:00.000Z')
  })

  it('refuses to bring back a deleted workbook, and creates one only where none is stored', async () => {
    await storage.putWorkbook(record('wb-a', '2026-01-02T10:00:00.000Z'))
    await storage.deleteWorkbook('wb-a')
    expect(await storage.saveWorkbook(record('wb-a', '2026-01-03T10:00:00.000Z'), 1)).toEqual({ ok: false, current: undefined })
    expect(await storage.getWorkbook('wb-a')).toBeUndefined()
    expect(await storage.saveWorkbook(record('wb-b', '2026-01-03T10:00:00.000Z'), undefined)).toEqual({ ok: true, revision: 1 })
    expect((await storage.saveWorkbook(record('wb-b', '2026-01-03T10:00:00.000Z'), undefined)).ok).toBe(false)
  })

  it('treats a workbook saved before revisions existed as revision 0', async () => {
    const old = record('wb-old', '2026-01-02T10:00:00.000Z')
    await storage.putWorkbook(old)
    // Written as an older Casework did: no revision.
    const { openDB } = await import('idb')
    const raw = await openDB('casework')
    await raw.put('workbooks', old)
    raw.close()
    expect((await storage.saveWorkbook(old, 0)).ok).toBe(true)
  })

  it('tells other listeners when a workbook is saved or deleted', async () => {
    const { listenToWorkbook } = await import('@/persistence/workbook-channel')
    const heard: unknown[] = []
    const stop = listenToWorkbook('wb-a', (message) => heard.push(message))
    await storage.putWorkbook(record('wb-a', '2026-01-02T10:00:00.000Z'))
    await storage.saveWorkbook(record('wb-a', '2026-01-03T10:00:00.000Z'), 1)
    await storage.putWorkbook(record('wb-other', '2026-01-02T10:00:00.000Z'))
    await storage.deleteWorkbook('wb-a')
    await vi.waitFor(() => expect(heard).toHaveLength(3))
    stop()
    expect(heard).toEqual([
      { type: 'saved', id: 'wb-a', revision: 1 },
      { type: 'saved', id: 'wb-a', revision: 2 },
      { type: 'deleted', id: 'wb-a' },
    ])
  })

  it('keeps the file a workbook is synced to, and forgets it with the workbook', async () => {
    await storage.putWorkbook(record('wb-a', '2026-01-02T10:00:00.000Z'))
    await storage.putFileHandle('wb-a', { kind: 'file' }, 'a.casework.json')
    expect(await storage.getFileHandle('wb-a')).toMatchObject({ name: 'a.casework.json', handle: { kind: 'file' } })
    await storage.deleteWorkbook('wb-a')
    expect(await storage.getFileHandle('wb-a')).toBeUndefined()
  })

  it('deletes a workbook', async () => {
    await storage.putWorkbook(record('wb-a', '2026-01-02T10:00:00.000Z'))
    await storage.deleteWorkbook('wb-a')
    expect(await storage.getWorkbook('wb-a')).toBeUndefined()
    expect(await storage.listWorkbooks()).toEqual([])
  })

  it('keeps rulebooks opened from disk by content hash', async () => {
    await storage.putRulebook({
      version: RECORD_VERSION,
      contentHash: 'abcdefabcdefabcd',
      file: 'mine.yaml',
      rulebook: uiRulebook,
      savedAt: '2026-01-01T00:00:00.000Z',
    })
    expect((await storage.getRulebook('abcdefabcdefabcd'))?.rulebook.id).toBe('ui-test')
    expect(await storage.getRulebook('ffffffffffffffff')).toBeUndefined()
  })

  it.each([
    ['QuotaExceededError', /no room left/],
    ['InvalidStateError', /will not let Casework store/],
    ['SomethingElse', /could not save/],
  ])('describes a %s in words a student understands', (name, message) => {
    expect(describeStorageError(new DOMException('x', name))).toMatch(message)
  })
})
