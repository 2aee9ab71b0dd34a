import { beforeEach, describe, expect, it } from 'vitest'
import { storage } from '@/persistence/storage'
import { KEPT_UNUSED_MS, pruneKeptRulebooks } from '@/persistence/prune'
import { RECORD_VERSION, summarizeWorkbook } from '@/persistence/records'
import type { Session } from '@/engine/generated/session'
import { resetStorage } from '../../fixtures/ui/helpers'
import { uiRulebook } from '../../fixtures/ui/rulebook'

const now = Date.parse('2026-03-10T12:00:00.000Z')
const daysAgo = (days: number) => new Date(now - days * 24 * 60 * 60 * 1000).toISOString()

function keep(contentHash: string, savedAt: string) {
  return storage.putRulebook({ version: RECORD_VERSION, contentHash, file: `${contentHash}.yaml`, rulebook: uiRulebook, savedAt })
}

function workbookOn(id: string, contentHash: string) {
  const session: Session = {
    format: 'casework-session/1',
    id,
    title: id,
    rulebook: { id: 'ui-test', version: '1.0.0', contentHash },
    scenario: 'dock',
    student: { name: '' },
    createdAt: daysAgo(3),
    updatedAt: daysAgo(3),
    answers: {},
  }
  return storage.putWorkbook({ version: RECORD_VERSION, id, session, summary: summarizeWorkbook(id, session, uiRulebook, { answered: 0, total: 5 }) })
}

describe('persistence/prune: rulebooks kept from files that no workbook uses', () => {
  beforeEach(resetStorage)

  it('removes an unused rulebook kept over a day ago, and keeps the used and the recent ones', async () => {
    await keep('aaaa', daysAgo(3)) // its workbook was deleted
    await keep('bbbb', daysAgo(3)) // still used
    await keep('cccc', new Date(now - KEPT_UNUSED_MS / 2).toISOString()) // another tab may be making its workbook
    await workbookOn('wb-1', 'bbbb')
    expect(await pruneKeptRulebooks(now)).toBe(1)
    expect(await storage.getRulebook('aaaa')).toBeUndefined()
    expect((await storage.getRulebook('bbbb'))?.file).toBe('bbbb.yaml')
    expect((await storage.getRulebook('cccc'))?.file).toBe('cccc.yaml')
  })

  it('removes a rulebook once its last workbook is deleted', async () => {
    await keep('aaaa', daysAgo(2))
    await workbookOn('wb-1', 'aaaa')
    await workbookOn('wb-2', 'aaaa')
    await storage.deleteWorkbook('wb-1')
    expect(await pruneKeptRulebooks(now)).toBe(0)
    await storage.deleteWorkbook('wb-2')
    expect(await pruneKeptRulebooks(now)).toBe(1)
    expect(await storage.getRulebook('aaaa')).toBeUndefined()
  })
})
