import { describe, expect, it } from 'vitest'
import { createSession, isAnswered, parseSession } from '../../../src/engine/session.ts'
import { contentHash, questionHash } from '../../../src/engine/hash.ts'
import { compileFile } from '../helpers.ts'

const { rulebook } = compileFile('tests/fixtures/rulebooks/valid.yaml')
const fresh = () =>
  createSession({ rulebook, contentHash: contentHash(rulebook), scenario: 'land', studentName: 'Ana', now: '2026-01-15T10:00:00.000Z' })

describe('engine/session', () => {
  it('creates a session that its own schema accepts', () => {
    const session = fresh()
    expect(session.rulebook).toEqual({ id: 'tiny', version: '1.0.0', contentHash: contentHash(rulebook), title: 'A tiny rulebook' })
    expect(parseSession(JSON.stringify(session), 's.json')).toEqual({ session, problems: [] })
  })

  it('reports malformed JSON with its line and column', () => {
    const { session, problems } = parseSession('{\n  "format": "casework-session/1",\n  "answers": {,}\n}', 'broken.json')
    expect(session).toBeUndefined()
    expect(problems[0]).toMatchObject({ code: 'session-syntax', file: 'broken.json', range: { start: { line: 3, column: 15 } } })
  })

  it('locates wrong types and unknown fields in the words of the session', () => {
    const session = { ...fresh(), answers: { consent: { value: true, updatedAt: '2026-01-15T10:00:00Z', mood: 'tired' } } }
    const text = JSON.stringify(session, null, 2)
    const { problems } = parseSession(text, 'tampered.json')
    expect(problems.map((p) => [p.message, p.range.start.line])).toEqual([
      ['the answer to `consent` has an unknown property `mood`', 19],
      ['the answer to `consent` › `value` should be text, a number, or a list of option ids', 17],
    ])
  })

  it('refuses a ten-megabyte answer with a clear limit', () => {
    const session = { ...fresh(), answers: { consent: { counterArgument: 'x'.repeat(10 * 1024 * 1024), updatedAt: '2026-01-15T10:00:00Z' } } }
    const { problems } = parseSession(JSON.stringify(session), 'huge.json')
    expect(problems.map((p) => p.message)).toEqual(['the answer to `consent` › `counterArgument` is too long (at most 100,000 characters)'])
  })

  it('tells complete answers from incomplete ones, by kind', () => {
    const [force, , basis, severity] = rulebook.questions
    expect(isAnswered(force!, 'yes')).toBe(true)
    expect(isAnswered(force!, 'maybe')).toBe(false)
    expect(isAnswered(basis!, 'none')).toBe(true)
    expect(isAnswered(severity!, 5)).toBe(true)
    expect(isAnswered(severity!, 6)).toBe(false)
    expect(isAnswered(severity!, undefined)).toBe(false)
  })
})

describe('engine/hash', () => {
  it('fingerprints content, not key order', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }))
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }))
    expect(contentHash(rulebook)).toMatch(/^[0-9a-f]{16}$/)
  })

  it('changes a question fingerprint when its prompt is reworded', () => {
    const question = rulebook.questions[0]!
    expect(questionHash({ ...question, prompt: 'Was it force?' })).not.toBe(questionHash(question))
    expect(questionHash({ ...question, rule: 'Another rule.' })).toBe(questionHash(question))
  })
})
