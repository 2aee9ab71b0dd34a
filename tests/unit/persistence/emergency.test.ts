import { beforeEach, describe, expect, it } from 'vitest'
import { clearEmergencyCopy, readEmergencyBase, readEmergencyCopy, saveEmergencyCopy } from '@/persistence/emergency'
import type { Session } from '@/engine/generated/session'

const session: Session & { id: string } = {
  format: 'casework-session/1',
  id: 'wb-a',
  rulebook: { id: 'ui-test', version: '1.0.0', contentHash: '0123456789abcdef' },
  scenario: 'dock',
  student: { name: '' },
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  answers: { q: { reasoning: { issue: 'half a sentence' }, updatedAt: '2026-01-01T10:00:00.000Z' } },
}

describe('persistence/emergency', () => {
  beforeEach(() => localStorage.clear())

  it('keeps a copy in localStorage and reads it back', () => {
    expect(saveEmergencyCopy(session)).toBe(true)
    expect(readEmergencyCopy('wb-a')?.answers.q?.reasoning?.issue).toBe('half a sentence')
  })

  it('clears the copy', () => {
    saveEmergencyCopy(session)
    clearEmergencyCopy('wb-a')
    expect(readEmergencyCopy('wb-a')).toBeUndefined()
  })

  it('ignores a copy that is not a session', () => {
    localStorage.setItem('casework:emergency:wb-b', '{not json')
    expect(readEmergencyCopy('wb-b')).toBeUndefined()
  })

  it('remembers the revision a copy was based on, and lets only its own tab clear it', () => {
    saveEmergencyCopy(session, 3, 'tab-one')
    expect(readEmergencyBase('wb-a')).toBe(3)
    clearEmergencyCopy('wb-a', 'tab-two')
    expect(readEmergencyCopy('wb-a')).toBeDefined()
    clearEmergencyCopy('wb-a', 'tab-one')
    expect(readEmergencyCopy('wb-a')).toBeUndefined()
    expect(readEmergencyBase('wb-a')).toBeUndefined()
  })
})
