import { describe, expect, it } from 'vitest'
import { completionsAt, hoverAt } from '../../../src/studio/completions.ts'
import { outlineOf } from '../../../src/studio/outline.ts'
import { blankRulebook } from '../../../src/studio/skeleton.ts'

const draft = blankRulebook()
const outline = outlineOf(draft)

/** Completions with the draft cut at the end of `upTo`, followed by `typed`. */
function complete(upTo: string, typed: string) {
  const before = draft.slice(0, draft.indexOf(upTo) + upTo.length) + typed
  return completionsAt(before, before.length, outline)
}

describe('studio/completions', () => {
  it('offers the properties of a question with their schema descriptions', () => {
    const found = complete('    facts: [first-fact]', '\n    mod')!
    expect(found.kind).toBe('key')
    const model = found.options.find((o) => o.label === 'modelAnswer')!
    expect(model.info).toMatch(/model answer/i)
    expect(model.apply).toBe('modelAnswer: ')
  })

  it('offers enum values with the property description', () => {
    const found = complete('  - id: force-used\n', '    kind: ')!
    expect(found.options.map((o) => o.label)).toEqual(['lawful', 'unlawful', 'open-question', 'finding'])
  })

  it('offers section ids for `section:` and fact ids in a list of facts', () => {
    expect(complete('  - id: use-of-force\n', '    section: ')!.options.map((o) => o.label)).toEqual(['force'])
    const facts = complete('    facts: [first-fact]', '\n    facts:\n      - fi')!
    expect(facts.options.map((o) => o.label)).toEqual(['first-fact'])
    expect(facts.options[0]!.info).toMatch(/drone fired/)
  })

  it('offers questions, conclusions and words in a condition, and a question’s answers after `is`', () => {
    const when = complete('  - id: force-used\n', '    when: use')!
    expect(when.options.map((o) => o.label)).toEqual(expect.arrayContaining(['use-of-force', 'force-used', 'and', 'not']))
    const afterIs = complete('  - id: force-used\n', '    when: use-of-force is ')!
    expect(afterIs.options.map((o) => o.label)).toEqual(['yes', 'no', 'answered'])
  })

  it('documents a property on hover, and what an id names', () => {
    const at = draft.indexOf('certainty:') + 3
    const line = draft.slice(0, draft.indexOf('\n', at))
    expect(hoverAt(line, at, outline)).toMatchObject({ title: 'certainty', text: expect.stringMatching(/^How certain the fact is\. .*`confirmed`/) })
    const id = draft.indexOf('use-of-force', draft.indexOf('when:'))
    const idLine = draft.slice(0, draft.indexOf('\n', id))
    expect(hoverAt(idLine, id + 2, outline)).toMatchObject({ title: 'use-of-force', detail: 'question, line 23' })
  })
})
