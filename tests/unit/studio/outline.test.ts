import { describe, expect, it } from 'vitest'
import { idsOf, outlineOf } from '../../../src/studio/outline.ts'
import { readRepoFile } from '../helpers.ts'
import { loadRulebook } from '../../../src/engine/load.ts'

describe('studio/outline', () => {
  it('lists every id of the flagship with the line of its id, as the loader reads it', () => {
    const text = readRepoFile('rules/venezuela-dock-strike.yaml')
    const { rulebook } = loadRulebook(text, 'flagship.yaml')
    const outline = outlineOf(text)
    expect(idsOf(outline, 'question').map((e) => e.id)).toEqual(rulebook!.questions.map((q) => q.id))
    expect(idsOf(outline, 'conclusion').map((e) => e.id)).toEqual(rulebook!.conclusions.map((c) => c.id))
    expect(idsOf(outline, 'section').map((e) => e.id)).toEqual(rulebook!.sections.map((s) => s.id))
    expect(idsOf(outline, 'authority').map((e) => e.id)).toEqual(rulebook!.authorities.map((a) => a.id))
    expect(idsOf(outline, 'fact').map((e) => e.id)).toEqual(rulebook!.scenarios.flatMap((s) => (s.facts ?? []).map((f) => f.id)))
    const lines = text.split('\n')
    for (const entry of outline) expect(lines[entry.line - 1]!.slice(entry.column - 1)).toMatch(new RegExp(`^["']?${entry.id}`))
  })

  it('gives options their question, questions their section and a label', () => {
    const outline = outlineOf(
      'questions:\n  - id: q1\n    section: s1\n    prompt: >-\n      Was it force?\n    answer:\n      kind: single-choice\n      options:\n        - id: a\n          label: Option A\n',
    )
    expect(outline).toEqual([
      { kind: 'question', id: 'q1', line: 2, column: 9, label: 'Was it force?', section: 's1' },
      { kind: 'option', id: 'a', line: 9, column: 15, label: 'Option A', owner: 'q1' },
    ])
  })

  it('reads a draft that does not parse', () => {
    expect(outlineOf('sections:\n  - id: a\n    title: [unclosed\n  - id: b\n').map((e) => e.id)).toEqual(['a', 'b'])
  })
})
