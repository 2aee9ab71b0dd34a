import { describe, expect, it } from 'vitest'
import validateSession from '../../../src/engine/generated/validate-session.js'

/** A session whose one answer's reasoning is `text` (the schema allows 100,000 characters of it). */
const sessionWith = (text: string) => ({
  format: 'casework-session/1',
  rulebook: { id: 'demo', version: '1.0.0', contentHash: '0123456789abcdef' },
  scenario: 'harbour',
  student: { name: 'Ada' },
  createdAt: '2026-01-10T09:00:00Z',
  updatedAt: '2026-01-10T09:00:00Z',
  answers: { basis: { value: 'yes', reasoning: { issue: text }, updatedAt: '2026-01-10T09:00:00Z' } },
})

// The validators count a text's length in characters (code points), as the schema means it: a
// quick path takes texts without surrogate pairs, the slow one the rest; both must agree.
describe('generated validators: text length in characters', () => {
  it('allows 100,000 characters and refuses one more, in plain text', () => {
    expect(validateSession(sessionWith('a'.repeat(100_000)))).toBe(true)
    expect(validateSession(sessionWith('a'.repeat(100_001)))).toBe(false)
    expect(validateSession.errors?.[0]?.keyword).toBe('maxLength')
  })

  it('counts a character outside the Basic Multilingual Plane once, though it takes two UTF-16 units', () => {
    const wide = '\u{1F600}'
    expect(wide.length).toBe(2)
    expect(validateSession(sessionWith(wide.repeat(100_000)))).toBe(true)
    expect(validateSession(sessionWith(`${wide.repeat(99_999)}ab`))).toBe(false)
  })

  it('counts a lone surrogate as one character', () => {
    expect(validateSession(sessionWith(`${'a'.repeat(99_999)}\uD800`))).toBe(true)
    expect(validateSession(sessionWith(`${'a'.repeat(100_000)}\uDC00`))).toBe(false)
  })
})
