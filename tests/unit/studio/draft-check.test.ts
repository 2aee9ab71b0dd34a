import { describe, expect, it } from 'vitest'
import { checkDraft, maxDraftBytes } from '../../../src/studio/draft-check.ts'
import { blankRulebook } from '../../../src/studio/skeleton.ts'
import { loadRulebook } from '../../../src/engine/load.ts'
import { readRepoFile } from '../helpers.ts'

describe('studio/draft-check', () => {
  it('starts blank drafts from a rulebook with no problems', () => {
    const { rulebook, problems } = checkDraft(blankRulebook(), 'blank.yaml')
    expect(problems).toEqual([])
    expect(rulebook?.questions).toHaveLength(1)
  })

  it('reports exactly what casework validate reports, with offsets', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/unknown-section.yaml')
    const { problems } = checkDraft(text, 'x.yaml')
    const expected = loadRulebook(text, 'x.yaml').problems
    expect(problems.map(({ code, message, hint, range }) => ({ code, message, hint, range }))).toEqual(
      expected.map(({ code, message, hint, range }) => ({ code, message, hint, range })),
    )
    const first = problems[0]!
    const lineStart = text.split('\n').slice(0, first.range.start.line - 1).join('\n').length + 1
    expect(first.from).toBe(lineStart + first.range.start.column - 1)
  })

  it('offers a fix for a misspelt property with one close match', () => {
    const text = blankRulebook().replace('    statement: State A', '    statment: State A')
    const problem = checkDraft(text, 'x.yaml').problems.find((p) => p.message.includes('statment'))!
    expect(problem.fix).toMatchObject({ insert: 'statement', title: 'Change to “statement”' })
    expect(text.slice(problem.fix!.from, problem.fix!.to)).toBe('statment')
  })

  it('offers a fix for an unknown id with one close match, inside a condition', () => {
    const text = blankRulebook().replace('    when: use-of-force', '    when: use-of-forc')
    const problem = checkDraft(text, 'x.yaml').problems.find((p) => p.code === 'unknown-reference')!
    expect(problem.fix).toMatchObject({ insert: 'use-of-force' })
    expect(text.slice(problem.fix!.from, problem.fix!.to)).toBe('use-of-forc')
  })

  it('offers no fix when no id is close', () => {
    const text = blankRulebook().replace('    section: force', '    section: armed-conflict')
    const problem = checkDraft(text, 'x.yaml').problems.find((p) => p.code === 'unknown-section')!
    expect(problem.fix).toBeUndefined()
  })

  it('refuses a draft too large to be a rulebook with a clear problem, at once', () => {
    const { problems, rulebook } = checkDraft('a: b\n'.repeat(maxDraftBytes / 4), 'x.yaml')
    expect(rulebook).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toMatch(/MB, more than the 2 MB/)
  })

  it('turns an alias bomb and deep nesting into problems, never an exception', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n')
    expect(checkDraft(bomb, 'x.yaml').problems[0]!.code).toBe('yaml-syntax')
    expect(checkDraft('a: ' + '['.repeat(10_000) + ']'.repeat(10_000), 'x.yaml').problems[0]!.code).toBe('limit')
  })
})

describe('studio/draft-check: problems first, the explorer after', () => {
  it('gives every problem but the explorer’s warnings before the explorer runs, then all of them', () => {
    const text = readRepoFile('tests/fixtures/rulebooks/explore.yaml')
    const early: string[][] = []
    const done = checkDraft(text, 'explore.yaml', (partial) => early.push(partial.problems.map((p) => p.code)))
    const explorerCodes = ['always-holds', 'contradiction', 'never-fails', 'unreachable']
    expect(done.problems.map((p) => p.code)).toEqual(explorerCodes)
    expect(early).toEqual([[]])
    // The same problems, in the same order and words, as `casework validate` gives.
    expect(done.problems.map((p) => p.message)).toEqual(loadRulebook(text, 'explore.yaml').problems.map((p) => p.message))
  })

  it('hears nothing early when the file cannot be read at all', () => {
    const early: unknown[] = []
    checkDraft('title: [unclosed', 'x.yaml', (partial) => early.push(partial))
    expect(early).toEqual([])
  })
})

describe('studio/draft-check: author tests', () => {
  it('runs the draft’s tests and places a failure at the expectation that failed', async () => {
    const { appendTest } = await import('../../../src/studio/walk-test.ts')
    const passing = appendTest(blankRulebook(), {
      name: 'Force',
      scenario: 'main',
      answers: { 'use-of-force': 'yes' },
      expect: { holds: ['force-used'] },
      because: 'A strike is force.',
    }).text
    const ok = checkDraft(passing, 'x.yaml')
    expect(ok.problems).toEqual([])
    expect(ok.tests).toMatchObject([{ name: 'Force', passed: true, failures: [] }])

    const changed = passing.replace('    when: use-of-force\n', '    when: use-of-force is no\n')
    const failing = checkDraft(changed, 'x.yaml').tests![0]!
    expect(failing.passed).toBe(false)
    expect(failing.failures).toHaveLength(1)
    const failure = failing.failures[0]!
    expect(failure).toMatchObject({ key: 'holds', id: 'force-used', expected: 'holds', actual: 'fails' })
    expect(changed.slice(failure.from, failure.to)).toBe('force-used')
    expect(changed.split('\n')[failing.line - 1]).toMatch(/- name: "Force"/)
  })
})
