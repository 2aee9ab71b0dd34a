import { beforeEach, describe, expect, it } from 'vitest'
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
