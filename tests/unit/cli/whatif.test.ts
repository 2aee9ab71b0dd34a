import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/run.ts'
import { fakeIo } from '../helpers.ts'

const rulebook = 'tests/fixtures/rulebooks/explore.yaml'
const session = JSON.stringify({
  format: 'casework-session/1',
  rulebook: { id: 'explore', version: '1.0.0', contentHash: '0000000000000000' },
  scenario: 'land',
  student: { name: 'Test' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  answers: {
    force: { value: 'yes', updatedAt: '2026-01-01T00:00:00Z' },
    targets: { value: ['state'], updatedAt: '2026-01-01T00:00:00Z' },
    consent: { value: 'none', updatedAt: '2026-01-01T00:00:00Z' },
    gravity: { value: 2, updatedAt: '2026-01-01T00:00:00Z' },
  },
})

describe('cli/whatif', () => {
  it('lists the smallest changes that flip a conclusion, in words, with what else changes', async () => {
    const { io, stdout } = fakeIo({ 'session.json': session })
    expect(await run(['whatif', rulebook, 'session.json', 'excused'], io)).toBe(0)
    expect(stdout()).toBe(
      [
        '“The force was excused.” (`excused`) fails now.',
        '',
        '1. It holds with 1 change:',
        '   Q3 “Consent”: “Not at all” → “Expressly”',
        '   Also changes: `consented` fails → holds, `unlawful-force` holds → fails',
        '',
        '2. It holds with 1 change:',
        '   Q4 “Gravity”: “2 on a scale of 1–5” → “4 on a scale of 1–5”',
        '   Also changes: `grave` fails → holds',
        '',
        '2 minimal ways found.',
        '',
      ].join('\n'),
    )
  })

  it('takes a question id, and prints JSON with --json', async () => {
    const { io, stdout } = fakeIo({ 'session.json': session })
    expect(await run(['whatif', '--json', rulebook, 'session.json', 'consent'], io)).toBe(0)
    expect(JSON.parse(stdout())).toMatchObject({ target: { question: 'consent' }, status: 'asked', found: 2 })
  })

  it('exits 2 for an unknown id or bad arguments, 1 for a broken session', async () => {
    expect(await run(['whatif', rulebook, 'session.json', 'nothing'], fakeIo({ 'session.json': session }).io)).toBe(2)
    expect(await run(['whatif', rulebook, 'session.json'], fakeIo({ 'session.json': session }).io)).toBe(2)
    expect(await run(['whatif', rulebook, 'session.json', 'excused', '--max', '0'], fakeIo({ 'session.json': session }).io)).toBe(2)
    expect(await run(['whatif', rulebook, 'session.json', 'excused'], fakeIo({ 'session.json': '{' }).io)).toBe(1)
  })
})
