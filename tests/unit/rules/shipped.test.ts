import { describe, expect, it } from 'vitest'
import { shippedRulebookFiles } from '../../../scripts/vite-plugin-rulebooks.ts'
import { loadRulebook } from '../../../src/engine/load.ts'
import { formatProblem } from '../../../src/engine/problems.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import { runAuthorTests } from '../../../src/engine/author-tests.ts'
import { readRepoFile, repoRoot } from '../helpers.ts'

const files = shippedRulebookFiles(`${repoRoot}rules`)

describe('rules/ (every shipped rulebook)', () => {
  it('ships the flagship first, and at least one other rulebook', () => {
    expect(files[0]).toBe('venezuela-dock-strike.yaml')
    expect(files.length).toBeGreaterThanOrEqual(2)
  })

  // The explorer's findings on the flagship are what issue 10 reports; fixing its content is
  // another issue's work. Until then they are allowed there, and only there.
  const pendingContentFixes: Record<string, readonly string[]> = {
    'venezuela-dock-strike.yaml': ['lawful-unlawful', 'contradiction', 'never-fails', 'always-holds'],
  }

  it.each(files)('%s validates with no errors and no warnings', (name) => {
    const { rulebook, problems } = loadRulebook(readRepoFile(`rules/${name}`), `rules/${name}`)
    const allowed = pendingContentFixes[name] ?? []
    expect(problems.filter((p) => !(p.severity === 'warning' && allowed.includes(p.code))).map(formatProblem)).toEqual([])
    expect(rulebook).toBeDefined()
  })

  it.each(files)('%s passes its own author tests', (name) => {
    const { rulebook } = loadRulebook(readRepoFile(`rules/${name}`), `rules/${name}`)
    const failed = runAuthorTests(compileRulebook(rulebook!)).filter((result) => !result.passed)
    expect(failed.map((result) => `${result.name}: ${result.failures.map((f) => `${f.key} ${f.id}: ${f.actual}`).join(', ')}`)).toEqual([])
  })
})
