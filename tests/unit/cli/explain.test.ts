import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/run.ts'
import { createSession } from '../../../src/engine/session.ts'
import { contentHash } from '../../../src/engine/hash.ts'
import { answersOf, compileFile, fakeIo } from '../helpers.ts'

const { rulebook } = compileFile('tests/fixtures/rulebooks/valid.yaml')
const sessionFile = (answers: Record<string, unknown>) =>
  JSON.stringify({
    ...createSession({ rulebook, contentHash: contentHash(rulebook), scenario: 'land', studentName: 'Ana', now: '2026-01-15T10:00:00Z' }),
    answers: answersOf(answers),
  })

describe('cli/explain', () => {
  it('prints the walk and the conclusions in words', async () => {
    const { io, stdout } = fakeIo({ 's.json': sessionFile({ 'use-of-force': 'yes', consent: 'yes' }) })
    expect(await run(['explain', 'tests/fixtures/rulebooks/valid.yaml', 's.json'], io)).toBe(0)
    const text = stdout()
    expect(text).toContain('Student: Ana')
    expect(text).toContain('Progress: 2 of 2 questions answered')
    expect(text).toContain('Q1 ✓ answered  Was it a use of force? — Yes')
    expect(text).toContain('Q3 – skipped   What basis does the acting state claim?')
    expect(text).toContain('you answered “Yes” to Q2 “Did the territorial state consent?”')
    expect(text).toContain('✓ holds        A prima facie breach of art. 2(4).')
    expect(text).toContain('✗ fails        The strike was unlawful.')
  })

  it('refuses a session made for another rulebook, and a tampered one', async () => {
    const other = JSON.parse(sessionFile({})) as { rulebook: { id: string } }
    other.rulebook.id = 'another-rulebook'
    const wrong = fakeIo({ 's.json': JSON.stringify(other) })
    expect(await run(['explain', 'tests/fixtures/rulebooks/valid.yaml', 's.json'], wrong.io)).toBe(1)
    expect(wrong.stderr()).toContain('This session was made for the rulebook `another-rulebook`, not `tiny`.')
    const tampered = fakeIo({ 's.json': sessionFile({}).replace('"answers":{}', '"answers":[]') })
    expect(await run(['explain', 'tests/fixtures/rulebooks/valid.yaml', 's.json'], tampered.io)).toBe(1)
    expect(tampered.stderr()).toContain('`answers` should be a group of `key: value` entries')
  })

  it('explains work made on an older version, saying what changed', async () => {
    const older = JSON.parse(sessionFile({ 'use-of-force': 'yes', 'dropped-question': 'yes' })) as {
      rulebook: { version: string; contentHash: string }
    }
    older.rulebook.version = '0.9.0'
    older.rulebook.contentHash = '0000000000000000'
    const { io, stdout, stderr } = fakeIo({ 's.json': JSON.stringify(older) })
    expect(await run(['explain', 'tests/fixtures/rulebooks/valid.yaml', 's.json'], io)).toBe(0)
    expect(stderr()).toContain('s.json: warning:')
    expect(stderr()).toContain('dropped-question')
    expect(stdout()).toContain('Q1 ✓ answered  Was it a use of force? — Yes')
  })
})
