import { describe, expect, it } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'
import { guidanceFor, resolveScenarios } from '../../../src/engine/scenarios.ts'
import { rulebookMeta } from '../../../src/engine/meta.ts'
import type { Rulebook } from '../../../src/engine/generated/rulebook.ts'
import { readRepoFile } from '../helpers.ts'

const rulebook = loadRulebook(readRepoFile('tests/fixtures/rulebooks/variations.yaml'), 'variations.yaml').rulebook!
const compiled = compileRulebook(rulebook)
const variant = compiled.scenarios.get('land-consented')!

describe('engine/scenarios', () => {
  it('inherits the base summary and sources, and keeps its own title and variation', () => {
    expect(variant.title).toBe('Variation: the government consented in advance')
    expect(variant.summary).toBe('A strike on land.')
    expect(variant.variation).toBe('The territorial government gave its consent, in writing, the day before the strike.')
    expect(variant.extends).toBe('land')
    expect(variant.lineage).toEqual(['land-consented', 'land'])
    expect(compiled.scenarios.get('land')!.memo).toBeUndefined()
    expect(variant.memo).toContain('precludes the wrongfulness')
  })

  it('replaces an overridden fact in place, keeping its paragraph number, and numbers new facts on after a removed one', () => {
    expect(variant.paragraphs.map((p) => [p.number, p.fact.id, p.origin])).toEqual([
      [1, 'land-strike', 'inherited'],
      [2, 'land-silence', 'override'],
      [4, 'land-letter', 'own'],
    ])
    expect(variant.facts.get('land-silence')!.fact.text).toBe('The territorial government consented in writing the day before the strike.')
    expect(variant.removed.map((p) => [p.number, p.fact.id])).toEqual([[3, 'land-people']])
    // The base is untouched.
    expect(compiled.scenarios.get('land')!.facts.get('land-silence')!.fact.text).toBe('The territorial government said nothing about the strike.')
  })

  it('locates a fact in the first scenario that states it', () => {
    expect(compiled.facts.get('land-silence')).toMatchObject({ scenario: 'land', number: 2 })
    expect(compiled.facts.get('land-letter')).toMatchObject({ scenario: 'land-consented', number: 4 })
  })

  it('lets `scenario is <base>` hold in a variation, and not the other way round', () => {
    const answers = { 'use-of-force': { value: 'yes' }, consent: { value: 'yes' } }
    const inVariant = evaluate(compiled, { scenario: 'land-consented', answers } as never)
    expect(inVariant.questions.find((q) => q.id === 'consent')?.status).toBe('answered')
    expect(inVariant.conclusions.find((c) => c.id === 'consented')?.status).toBe('holds')
    const atSea = evaluate(compiled, { scenario: 'sea', answers } as never)
    expect(atSea.questions.find((q) => q.id === 'consent')?.status).not.toBe('answered')
  })

  it("gives a variation its own guidance, or else its base's", () => {
    const guidance = rulebook.questions[1]!.scenarioGuidance
    expect(guidanceFor(guidance, variant).map((g) => g.scenario)).toEqual(['land-consented'])
    const bare = guidance!.filter((g) => g.scenario === 'land')
    expect(guidanceFor(bare, variant).map((g) => g.scenario)).toEqual(['land'])
    expect(guidanceFor(bare, compiled.scenarios.get('sea')!)).toEqual([])
  })

  it('resolves chains of variations, numbering on from every number the chain has used', () => {
    const chained: Pick<Rulebook, 'scenarios'> = {
      scenarios: [
        ...rulebook.scenarios,
        { id: 'land-later', extends: 'land-consented', facts: [{ id: 'land-later', text: 'Later.', certainty: 'reported', source: 'media' }] },
      ],
    }
    const later = resolveScenarios(chained).scenarios.at(-1)!
    expect(later.lineage).toEqual(['land-later', 'land-consented', 'land'])
    expect(later.title).toBe('Variation: the government consented in advance')
    expect(later.variation).toBeUndefined()
    expect(later.paragraphs.map((p) => p.number)).toEqual([1, 2, 4, 5])
  })

  it('resolves a scenario with an unknown base or in a cycle as if it extended nothing, never throwing', () => {
    const { scenarios, issues } = resolveScenarios({
      scenarios: [
        { id: 'a', extends: 'b' },
        { id: 'b', extends: 'a' },
        { id: 'c', extends: 'c' },
        { id: 'd', extends: 'nowhere' },
      ],
    } as Pick<Rulebook, 'scenarios'>)
    expect(scenarios.map((s) => s.paragraphs.length)).toEqual([0, 0, 0, 0])
    // `a` extends `b`, which resolved with no facts: lint reports only the cycle.
    expect(issues.map((i) => i.kind)).toEqual(['cycle', 'no-facts', 'cycle', 'unknown-base'])
    expect(issues[2]).toMatchObject({ kind: 'cycle', ids: ['c', 'c'] })
  })

  it('lists variations in the metadata with what they change and how many facts they hold', () => {
    const meta = rulebookMeta(rulebook)
    expect(meta.scenarios[1]).toEqual({
      id: 'land-consented',
      title: 'Variation: the government consented in advance',
      summary: 'A strike on land.',
      factCount: 3,
      extends: 'land',
      variation: 'The territorial government gave its consent, in writing, the day before the strike.',
    })
    expect(meta.forInstructors).toBe(true)
    expect(meta.citeAs).toBe('Test Author and Second Author, “A tiny rulebook with variations”, Casework rulebook, version 1.1.0 (updated 15 January 2026), licence CC-BY-4.0.')
  })
})
