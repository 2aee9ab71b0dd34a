import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { repairEdit, segments, tokenRanges, toEditable, toStored, type FactNumbers } from '@/reasoning/citation-tokens'

const ids = ['dock-destroyed', 'no-consent', 'gang-link']
const facts: FactNumbers = {
  numberOf: (factId) => (ids.includes(factId) ? ids.indexOf(factId) + 1 : undefined),
  factOf: (number) => ids[number - 1],
}

describe('reasoning/citation-tokens', () => {
  it('shows stored citations of this scenario as [¶n] tokens, and stores them back as links', () => {
    const stored = 'Hit [¶1](#fact-dock-destroyed); no consent [¶2](#fact-no-consent).'
    expect(toEditable(stored, facts)).toBe('Hit [¶1]; no consent [¶2].')
    expect(toStored('Hit [¶1]; no consent [¶2].', facts)).toBe(stored)
  })

  it('leaves alone what is not a citation of this scenario: other numbers, other facts, real links', () => {
    // ¶9 names no paragraph here; the link to gang-link says ¶7, which is not its number here.
    const text = 'See [¶9] and [¶7](#fact-gang-link) and [a page](https://example.org) and [¶2](https://x.org).'
    expect(toEditable(text, facts)).toBe(text)
    expect(toStored(text, facts)).toBe(text.replace('[¶9]', '[¶9]'))
  })

  it('round-trips any stored text without tokens typed by hand', () => {
    const piece = fc.constantFrom('[¶1](#fact-dock-destroyed)', '[¶3](#fact-gang-link)', '[¶2](#fact-gang-link)', '[¶', ']', '(', 'a', ' ', '\n', '¶', '#fact-x)')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const stored = pieces.join('')
        fc.pre(!/\[¶\d+\](?!\()/.test(stored))
        expect(toStored(toEditable(stored, facts), facts)).toBe(stored)
      }),
      { seed: 20261126, numRuns: 300 },
    )
  })

  it('finds the tokens and splits the text around them for the chips', () => {
    expect(tokenRanges('a [¶1] b [¶9] [¶3]', facts)).toEqual([[2, 6], [14, 18]])
    expect(segments('a [¶1] b', facts)).toEqual([
      { text: 'a ', token: false },
      { text: '[¶1]', token: true },
      { text: ' b', token: false },
    ])
  })

  it('removes a whole token when an edit deletes part of it', () => {
    // Backspace just after the token, Delete just before it, a selection across its middle.
    expect(repairEdit('a [¶1] b', 'a [¶1 b', facts)).toEqual({ text: 'a  b', caret: 2 })
    expect(repairEdit('a [¶1] b', 'a ¶1] b', facts)).toEqual({ text: 'a  b', caret: 2 })
    expect(repairEdit('x [¶12] y', 'x [¶ y', facts)).toBeUndefined() // [¶12] names no paragraph: plain text
    expect(repairEdit('one [¶1] two [¶2] three', 'one [¶ three', facts)).toEqual({ text: 'one  three', caret: 4 })
  })

  it('puts text typed inside a token after it, and replaces a token pasted over whole', () => {
    expect(repairEdit('a [¶1] b', 'a [¶x1] b', facts)).toEqual({ text: 'a [¶1]x b', caret: 7 })
    expect(repairEdit('a [¶1] b', 'a [Z] b', facts)).toEqual({ text: 'a Z b', caret: 3 })
  })

  it('lets every edit that keeps tokens whole through untouched', () => {
    expect(repairEdit('a [¶1] b', 'a [¶1] bc', facts)).toBeUndefined()
    expect(repairEdit('a [¶1] b', 'a  b', facts)).toBeUndefined() // the whole token deleted already
    expect(repairEdit('a [¶1] b', 'za [¶1] b', facts)).toBeUndefined()
  })
})
