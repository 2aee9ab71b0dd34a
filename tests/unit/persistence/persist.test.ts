import { beforeEach, describe, expect, it, vi } from 'vitest'
import { askForPersistence, askedBefore, persistenceState } from '@/persistence/persist'

function api(persisted: boolean, grant: boolean) {
  return { persisted: vi.fn(async () => persisted), persist: vi.fn(async () => grant) }
}

describe('persistence/persist', () => {
  beforeEach(() => localStorage.clear())

  it('says when the browser cannot keep storage persistent', async () => {
    expect(await persistenceState(undefined)).toBe('unsupported')
    expect(await askForPersistence({})).toBe('unsupported')
  })

  it('asks once per browser, and reports what the browser decided', async () => {
    const refusing = api(false, false)
    expect(await askForPersistence(refusing)).toBe('not-persisted')
    expect(askedBefore()).toBe(true)
    // Not again on its own: no nagging.
    expect(await askForPersistence(refusing)).toBe('not-persisted')
    expect(refusing.persist).toHaveBeenCalledTimes(1)
    // Only when the student asks.
    const granting = api(false, true)
    expect(await askForPersistence(granting, true)).toBe('persisted')
    expect(granting.persist).toHaveBeenCalledTimes(1)
  })

  it('does not ask when storage is already persistent', async () => {
    const already = api(true, true)
    expect(await askForPersistence(already)).toBe('persisted')
    expect(already.persist).not.toHaveBeenCalled()
    expect(askedBefore()).toBe(false)
  })
})
