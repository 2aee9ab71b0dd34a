import { describe, expect, it } from 'vitest'
import { contextAt, keyPathAt } from '../../../src/studio/yaml-path.ts'

/** The context at the `‸` in the text. */
function at(text: string) {
  const offset = text.indexOf('‸')
  return contextAt(text.replace('‸', ''), offset)
}

describe('studio/yaml-path', () => {
  it('finds the object a property name is typed in, through list items', () => {
    const text = 'questions:\n  - id: q1\n    section: s\n    answer:\n      kind: yes-no\n      mi‸'
    expect(at(text)).toMatchObject({ kind: 'key', path: ['questions', '[]', 'answer'], prefix: 'mi' })
  })

  it('finds a new list item as an item of its list', () => {
    expect(at('questions:\n  - id: q1\n    section: s\n  - se‸')).toMatchObject({ kind: 'key', path: ['questions', '[]'], prefix: 'se' })
  })

  it('reads lists written at the column of their key', () => {
    expect(at('sections:\n- id: a\n  ti‸')).toMatchObject({ kind: 'key', path: ['sections', '[]'] })
  })

  it('gives the path of a value, a flow list entry and a block list item', () => {
    expect(at('questions:\n  - id: q1\n    section: fo‸')).toMatchObject({ kind: 'value', path: ['questions', '[]', 'section'], prefix: 'fo' })
    expect(at('questions:\n  - id: q1\n    facts: [a, b‸')).toMatchObject({ kind: 'value', path: ['questions', '[]', 'facts', '[]'], prefix: 'b' })
    // A bare word after `- ` may start a property of an item or be the item: the schema decides (see completions).
    expect(at('questions:\n  - id: q1\n    facts:\n      - dr‸')).toMatchObject({ kind: 'key', path: ['questions', '[]', 'facts', '[]'], prefix: 'dr' })
  })

  it('offers nothing inside a block of text', () => {
    expect(at('questions:\n  - id: q1\n    rule: |\n      Article 2(4) for‸')).toBeUndefined()
  })

  it('finds the property under the pointer for hover', () => {
    const text = 'questions:\n  - id: q1\n    answer:\n      kind: yes-no\n'
    const offset = text.indexOf('kind') + 2
    expect(keyPathAt(text, offset)).toMatchObject({ path: ['questions', '[]', 'answer', 'kind'] })
    expect(keyPathAt(text, text.indexOf('yes-no'))).toBeUndefined()
  })
})
