import { describe, expect, it } from 'vitest'
import { migrateRulebookRecord, migrateWorkbookRecord } from '@/persistence/migrations'

describe('persistence/migrations', () => {
  it('reads a current workbook record as it is', () => {
    const record = { version: 1, id: 'wb-a', session: { answers: {} }, summary: { id: 'wb-a' } }
    expect(migrateWorkbookRecord(record)).toEqual(record)
  })

  it.each([
    ['not an object', 'text'],
    ['no version', { id: 'wb-a', session: { answers: {} }, summary: {} }],
    ['a version from the future', { version: 99, id: 'wb-a', session: { answers: {} }, summary: {} }],
    ['no session', { version: 1, id: 'wb-a', summary: {} }],
  ])('refuses a workbook record with %s', (_name, raw) => {
    expect(migrateWorkbookRecord(raw)).toBeUndefined()
  })

  it('refuses a rulebook record without a rulebook', () => {
    expect(migrateRulebookRecord({ version: 1, contentHash: 'abc' })).toBeUndefined()
  })
})
