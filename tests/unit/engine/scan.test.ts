import { describe, expect, it } from 'vitest'
import { yamlTooDeepAt } from '../../../src/engine/scan.ts'

/** Plain lines the scan passes over without visiting their characters: prose with `'`, `>` and `[`. */
const prose = "b: it's a State's claim > a rule [not a list]: still text\n".repeat(200)
const brackets = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`

describe('engine/scan yamlTooDeepAt', () => {
  it('finds nesting that opens at a value after many plain lines, at the bracket past the limit', () => {
    const text = `${prose}c: ${brackets(70)}\n`
    // One block level (the top mapping), so the 64th bracket is the first too deep.
    expect(yamlTooDeepAt(text, 64)).toBe(prose.length + 3 + 63)
  })

  it('does not count brackets in plain text, after an apostrophe, or inside a quote that spans lines', () => {
    expect(yamlTooDeepAt(`${prose}c: it's ${brackets(70)}\n`, 64)).toBeUndefined()
    expect(yamlTooDeepAt(`${prose}c: 'a quote\n  ${brackets(70)} still quoted'\nd: 1\n`, 64)).toBeUndefined()
    expect(yamlTooDeepAt(`${prose}c: >-\n  ${brackets(70)}\nd: 1\n`, 64)).toBeUndefined()
  })

  it('skips a block scalar to the first line that ends it, and no further', () => {
    // A comment or blank line does not end it; a less indented key does.
    const block = `c: |\n  ${brackets(70)}\n# a comment\n\n    ${brackets(70)}\n`
    const text = `${prose}${block}d: ${brackets(70)}\n`
    expect(yamlTooDeepAt(text, 64)).toBe(prose.length + block.length + 3 + 63)
    expect(yamlTooDeepAt(`${prose}${block}`, 64)).toBeUndefined()
  })

  it('counts a flow collection that opens after a quote closes on a later line', () => {
    const text = `${prose}c: "a quote\n  ends here"\nd: ${brackets(70)}\n`
    expect(yamlTooDeepAt(text, 64)).toBe(text.indexOf('d: ') + 3 + 63)
  })

  it('finds nesting after an anchor, and in a list item', () => {
    expect(yamlTooDeepAt(`${prose}c: &x ${brackets(70)}\n`, 64)).toBe(prose.length + 6 + 63)
    // The list adds two levels (its indentation and its `- `): the 62nd bracket makes 65.
    expect(yamlTooDeepAt(`${prose}c:\n  - ${brackets(70)}\n`, 64)).toBe(prose.length + 3 + 4 + 61)
  })
})
