import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { absorb, covers, type Cube } from '../../../../src/engine/explore/terms.ts'

const cube = (entries: [number, bigint][]): Cube => ({ vars: entries.map(([v]) => v), masks: entries.map(([, m]) => m) })

describe('engine/explore/terms absorb', () => {
  it('drops a cube that a later cube with the same variables covers', () => {
    const narrow = cube([[6, 0b1110n], [8, 0b110n]])
    const wide = cube([[6, 0b101110n], [8, 0b1110n]])
    const other = cube([[9, 0b10n]])
    expect(absorb([narrow, other, wide])).toEqual([other, wide])
  })

  it('keeps one of equal cubes, the first, and the order of what it keeps', () => {
    const a = cube([[1, 0b10n]])
    const b = cube([[2, 0b01n], [3, 0b11n]])
    expect(absorb([b, a, cube([[1, 0b10n]]), cube([[2, 0b01n], [3, 0b11n]])])).toEqual([b, a])
  })

  it('keeps exactly the cubes no other cube covers, at any size', () => {
    const cubeArbitrary = fc
      .uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 4 })
      .chain((vars) =>
        fc.tuple(...vars.sort((x, y) => x - y).map((v) => fc.tuple(fc.constant(v), fc.bigInt({ min: 1n, max: 7n })))),
      )
      .map((entries) => cube(entries as [number, bigint][]))
    fc.assert(
      fc.property(fc.array(cubeArbitrary, { maxLength: 40 }), (cubes) => {
        const kept = absorb(cubes)
        // Brute force: a cube stays unless another covers it (of equal cubes, the first stays).
        const expected = cubes.filter((c, i) => !cubes.some((o, j) => j !== i && covers(o, c) && (j < i || !covers(c, o))))
        expect(kept).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
