import { beforeEach, describe, expect, it, vi } from 'vitest'
import { closeStorage, describeStorageError, storage } from '@/persistence/storage'
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

  it('writes only the questions a save names, and removes work that is gone', async () => {
    const whole = record('wb-a', '2026-01-02T10:00:00.000Z')
    whole.session.answers.intensity = { value: 'low', updatedAt: '2026-01-02T10:00:00.000Z' }
    await storage.putWorkbook(whole)
    const later = '2026-01-03T10:00:00.000Z'
    const edited = structuredClone(whole)
    edited.session.updatedAt = later
    edited.session.answers['use-of-force'] = { value: 'no', updatedAt: later }
    // Changed here but not named: a save that writes only what it is told leaves it as stored.
    edited.session.answers.intensity = { value: 'high', updatedAt: later }
    edited.session.answers.attribution = { value: 'state', updatedAt: later }
    expect(await storage.saveWorkbook(edited, 1, ['use-of-force', 'attribution'])).toEqual({ ok: true, revision: 2 })
    let read = (await storage.getWorkbook('wb-a'))!
    expect(read.session.updatedAt).toBe(later)
    expect(read.session.answers['use-of-force']?.value).toBe('no')
    expect(read.session.answers.attribution?.value).toBe('state')
    expect(read.session.answers.intensity?.value).toBe('low')
    delete edited.session.answers.attribution
    expect(await storage.saveWorkbook(edited, 2, ['attribution'])).toEqual({ ok: true, revision: 3 })
    read = (await storage.getWorkbook('wb-a'))!
    expect(Object.keys(read.session.answers).sort()).toEqual(['intensity', 'use-of-force'])
    // A whole write replaces every question's work, and deleting removes it all.
    await storage.putWorkbook(record('wb-a', later))
    expect(Object.keys((await storage.getWorkbook('wb-a'))!.session.answers)).toEqual(['use-of-force'])
    await storage.deleteWorkbook('wb-a')
    await storage.putWorkbook({ ...record('wb-a', later), session: { ...record('wb-a', later).session, answers: {} } })
    expect((await storage.getWorkbook('wb-a'))!.session.answers).toEqual({})
  })

  it('opens a workbook saved by an older Casework (answers inside the record) and stores it the new way on its next save', async () => {
    await closeStorage()
    const legacy = record('wb-old', '2026-01-02T10:00:00.000Z')
    legacy.session.answers.intensity = { value: 'low', updatedAt: '2026-01-02T10:00:00.000Z' }
    // Version 1 of the database, as the previous Casework made it.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('casework', 1)
      open.onupgradeneeded = () => {
        open.result.createObjectStore('workbooks', { keyPath: 'id' })
        open.result.createObjectStore('rulebooks', { keyPath: 'contentHash' })
      }
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const transaction = open.result.transaction('workbooks', 'readwrite')
        transaction.objectStore('workbooks').put(legacy)
        transaction.oncomplete = () => {
          open.result.close()
          resolve()
        }
      }
    })
    expect((await storage.listWorkbooks()).map((s) => s.id)).toEqual(['wb-old'])
    const read = (await storage.getWorkbook('wb-old'))!
    expect(read.session.answers).toEqual(legacy.session.answers)
    // The student edits one question: the save names only it, yet every answer is kept.
    read.session.answers.intensity = { value: 'high', updatedAt: '2026-01-03T10:00:00.000Z' }
    // A record from before revisions counts as revision 0.
    expect(await storage.saveWorkbook(read, 0, ['intensity'])).toEqual({ ok: true, revision: 1 })
    const again = (await storage.getWorkbook('wb-old'))!
    expect(again.session.answers['use-of-force']?.value).toBe('yes')
    expect(again.session.answers.intensity?.value).toBe('high')
    // Stored the new way now: a later save of one question leaves the others alone.
    again.session.answers['use-of-force'] = { value: 'no', updatedAt: '2026-01-04T10:00:00.000Z' }
    again.session.answers.intensity = { value: 'medium', updatedAt: '2026-01-04T10:00:00.000Z' }
    expect(await storage.saveWorkbook(again, 1, ['use-of-force'])).toEqual({ ok: true, revision: 2 })
    const last = (await storage.getWorkbook('wb-old'))!
    expect(last.session.answers['use-of-force']?.value).toBe('no')
    expect(last.session.answers.intensity?.value).toBe('high')
  })

  it.each([
    ['QuotaExceededError', /no room left/],
    ['InvalidStateError', /will not let Casework store/],
    ['SomethingElse', /could not save/],
  ])('describes a %s in words a student understands', (name, message) => {
    expect(describeStorageError(new DOMException('x', name))).toMatch(message)
  })
})
