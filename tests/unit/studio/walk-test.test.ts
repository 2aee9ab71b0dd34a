import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { appendTest, testFromWalk, type WalkTest } from '../../../src/studio/walk-test.ts'
import { nextMinorVersion, setVersion, versionOf } from '../../../src/studio/version.ts'
import { previewSession } from '../../../src/studio/preview-session.ts'
import { blankRulebook } from '../../../src/studio/skeleton.ts'
import { loadRulebook } from '../../../src/engine/load.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'

const test: WalkTest = {
  name: 'Force, yes',
  scenario: 'main',
  answers: { 'use-of-force': 'yes', many: ['a', 'b'], scale: 3, free: 'it said: "no"', none: null },
  expect: { holds: ['force-used'], next: 'q2' },
  because: 'A strike on a warehouse is force.',
}

describe('studio/walk-test', () => {
  it('records the answers given and every conclusion’s state', () => {
    const compiled = compileRulebook(loadRulebook(blankRulebook(), 'x.yaml').rulebook!)
    const walk = evaluate(compiled, previewSession('main', { 'use-of-force': 'no' }))
    expect(testFromWalk(compiled, 'main', { 'use-of-force': 'no' }, walk, 'No force')).toMatchObject({
      name: 'No force',
      scenario: 'main',
      answers: { 'use-of-force': 'no' },
      expect: { fails: ['force-used'] },
    })
  })

  it('appends a test that reads back as the same data, creating `tests:` when absent', () => {
    const { text, line } = appendTest('id: x\n', test)
    expect(parse(text).tests).toEqual([test])
    expect(text.split('\n')[line - 1]).toBe('  - name: "Force, yes"')
  })

  it('appends to the end of an existing `tests:` list, before what follows', () => {
    const first = appendTest('id: x\n', test).text + 'authorities: []\n'
    const { text } = appendTest(first, { ...test, name: 'Second' })
    const data = parse(text)
    expect(data.tests.map((t: WalkTest) => t.name)).toEqual(['Force, yes', 'Second'])
    expect(data.authorities).toEqual([])
  })

  it('raises the version line in place', () => {
    expect(nextMinorVersion('1.2.3')).toBe('1.3.0')
    expect(nextMinorVersion('2.0.0-draft')).toBe('2.1.0')
    const text = 'format: x\nversion: 1.0.0\ntitle: y\n'
    expect(versionOf(setVersion(text, '1.1.0'))).toBe('1.1.0')
    expect(setVersion(text, '1.1.0')).toBe('format: x\nversion: 1.1.0\ntitle: y\n')
  })
})
