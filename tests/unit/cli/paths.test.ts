import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/run.ts'
import { fakeIo } from '../helpers.ts'

const fixture = 'tests/fixtures/rulebooks/explore.yaml'

describe('cli/paths', () => {
  it('lists each conclusion’s scenarios and minimal answer sets in words, with warnings and contradictions', async () => {
    const { io, stdout } = fakeIo()
    expect(await run(['paths', fixture], io)).toBe(0)
    const text = stdout()
    expect(text).toContain('  Q3 Consent\n')
    expect(text).toContain(
      [
        '“The force was unlawful.” (`unlawful-force`, unlawful)',
        '  Can hold in: “On land”, “At sea”',
        '  Holds when (1 minimal set):',
        '    1. Q1 = “Yes”, Q2 includes “A State” and Q3 = “Not at all”',
        '  Fails when (3 minimal sets):',
        '    1. Q1 = “No”',
        '    2. Q1 = “Yes” and Q2 not “A State”',
        '    3. Q1 = “Yes”, Q2 includes “A State” and Q3 = “Expressly” or “Tacitly”',
      ].join('\n'),
    )
    expect(text).toContain('  Warning: it can never hold: no walk satisfies its condition.')
    expect(text).toContain('Declared contradictions that can hold together: 1\n  `excused` and `unlawful-force` both hold when (1 minimal set):\n    1. Q1 = “Yes”, Q2 includes “A State”, Q3 = “Not at all” and Q4 = 4 to 5')
    expect(text).toMatch(/Explored every walk \(\d+ combinations of answers\)\.\n$/)
  })

  it('keeps to one scenario with --scenario', async () => {
    const { io, stdout } = fakeIo()
    expect(await run(['paths', fixture, '--scenario', 'land'], io)).toBe(0)
    expect(stdout()).toContain('“Force was used at sea.” (`at-sea`, finding)\n  Holds when: never')
  })

  it('prints JSON with --json', async () => {
    const { io, stdout } = fakeIo()
    await run(['paths', '--json', fixture], io)
    const result = JSON.parse(stdout()) as { conclusions: { id: string; holds: { words: string }[] }[]; clashes: { first: string; second: string }[] }
    expect(result.conclusions.find((c) => c.id === 'grave')!.holds.map((s) => s.words)).toEqual(['Q1 = “Yes” and Q4 = 4 to 5'])
    expect(result.clashes).toMatchObject([{ first: 'excused', second: 'unlawful-force', reason: 'contradicts' }])
  })

  it('exits 1 on a rulebook with errors and 2 when it cannot run', async () => {
    const broken = fakeIo()
    expect(await run(['paths', 'tests/fixtures/rulebooks/cycle.yaml'], broken.io)).toBe(1)
    expect(broken.stderr()).toContain('[cycle]')
    expect(await run(['paths', fixture, '--scenario', 'air'], fakeIo().io)).toBe(2)
    expect(await run(['paths'], fakeIo().io)).toBe(2)
    expect(await run(['paths', fixture, '--bogus'], fakeIo().io)).toBe(2)
    expect(await run(['paths', 'rules/none.yaml'], fakeIo().io)).toBe(2)
  })
})
