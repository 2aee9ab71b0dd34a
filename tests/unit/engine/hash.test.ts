import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { canonicalJson, contentHash } from '@/engine/hash'
import { generateRulebook } from '../../bench/generate'

/** The canonical form as first written: hashes stored in saved workbooks were made from it. */
function firstCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(firstCanonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${firstCanonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

const shipped = ['rules/venezuela-dock-strike.yaml', 'rules/soleimani-strike.yaml'].map((file) => load(readFileSync(file, 'utf8')))

describe('engine/hash', () => {
  it('gives the fingerprints it gave before (saved workbooks name their rulebook by it)', () => {
    // Taken from the first implementation; a change here orphans every saved workbook's rulebook.
    expect(contentHash({ b: [1, 'two', null, { d: true, c: undefined }], a: 'é "quoted" \n' })).toBe('0d8363db8a0f2af8')
    expect(contentHash(shipped[0])).toBe('c78e54de0befc763')
  })

  it('hashes the same canonical text as the first implementation, on rulebooks and odd values', () => {
    const odd = [
      [undefined, null, 1.5, -0, 'x', [], {}],
      { z: { y: [{ b: 1, a: [undefined] }] }, 'a"b': '\u2028', '': 0 },
      { b: 1, 10: 'ten', 9: 'nine', a: { 2: 'x', b: 'y' } },
      JSON.parse('{"b": 1, "__proto__": {"x": 2}, "a": [3]}'),
      { f: () => 1, s: Symbol('s'), list: [() => 1, Symbol('t')], when: new Date(0) },
      Object.assign(Object.create(null), { b: 2, a: 1 }),
      'plain',
      42,
      true,
      null,
    ]
    for (const value of [...shipped, generateRulebook(50), ...odd]) {
      expect(canonicalJson(value)).toBe(firstCanonicalJson(value))
    }
  })

  it('ignores the order of keys and tells apart any change of content', () => {
    expect(contentHash({ a: 1, b: [2, 3] })).toBe(contentHash({ b: [2, 3], a: 1 }))
    expect(contentHash({ a: 1, b: [2, 3] })).not.toBe(contentHash({ a: 1, b: [3, 2] }))
    expect(contentHash({ a: 'x' })).not.toBe(contentHash({ a: 'y' }))
  })
})
