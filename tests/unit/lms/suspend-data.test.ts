import { describe, expect, it } from 'vitest'
import { packSession, SUSPEND_DATA_LIMIT, unpackSession } from '@/lms/suspend-data'

describe('lms/suspend-data', () => {
  it('packs a session and unpacks it unchanged, accents and all', () => {
    const json = JSON.stringify({ format: 'casework-session/1', answers: { q: { reasoning: { issue: 'Article 2(4) — ¶5 “force” č š é' } } } })
    const packed = packSession(json)
    expect(packed.ok).toBe(true)
    if (packed.ok) expect(unpackSession(packed.data)).toBe(json)
  })

  it('compresses repetitive reasoning well below its length', () => {
    const json = JSON.stringify({ text: 'The strike violated Venezuela’s territorial sovereignty. '.repeat(2000) })
    const packed = packSession(json)
    expect(packed.ok && packed.data.length).toBeLessThan(json.length / 20)
  })

  it('refuses, rather than cuts, a session that will not fit in 64,000 characters', () => {
    // Random text does not compress: about 1.4 characters of base64 per character of input.
    let random = ''
    let seed = 7
    for (let index = 0; index < 100_000; index++) {
      // xorshift32: fast, seeded, and incompressible enough.
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      random += String.fromCharCode(33 + ((seed >>> 0) % 90))
    }
    const packed = packSession(JSON.stringify({ random }))
    expect(packed).toMatchObject({ ok: false, reason: 'too-large' })
    expect(!packed.ok && packed.length).toBeGreaterThan(SUSPEND_DATA_LIMIT)
  })

  it('reads nothing from data that is not ours or is damaged', () => {
    expect(unpackSession('')).toBeUndefined()
    expect(unpackSession('bookmark=5')).toBeUndefined()
    expect(unpackSession('cw1:not-base64-deflate!!')).toBeUndefined()
  })
})
