import { describe, expect, it } from 'vitest'
import { keepsInJson, pieceMemory, type PieceMemory } from '../../../src/engine/piece-memory.ts'
import { checkDraft } from '../../../src/studio/draft-check.ts'
import { readRepoFile } from '../helpers.ts'

/** The memory, counting the pieces it had and had not. */
function counted(memory: PieceMemory) {
  const counts = { hits: 0, misses: 0 }
  const cache: PieceMemory = {
    ...memory,
    get(key) {
      const value = memory.get(key)
      counts[value === undefined ? 'misses' : 'hits']++
      return value
    },
  }
  return { cache, counts }
}

describe('engine/piece-memory', () => {
  it('lets the studio parse again only the edited piece, with the same check as without it', () => {
    const text = readRepoFile('rules/soleimani-strike.yaml')
    const { cache, counts } = counted(pieceMemory())
    const first = checkDraft(text, 'x.yaml', undefined, cache)
    expect(first.problems).toEqual(checkDraft(text, 'x.yaml').problems)
    const pieces = counts.misses
    expect(pieces).toBeGreaterThan(20)

    const edited = text.replace('title: The Baghdad airport strike (3 January 2020)', 'title: The Baghdad airport strike, edited')
    counts.hits = counts.misses = 0
    const second = checkDraft(edited, 'x.yaml', undefined, cache)
    expect(counts).toEqual({ hits: pieces - 1, misses: 1 })
    expect(second.rulebook).toStrictEqual(checkDraft(edited, 'x.yaml').rulebook)

    const broken = edited.replace('\n    prompt: ', '\n    prompt: [unclosed ')
    expect(checkDraft(broken, 'x.yaml', undefined, cache).problems).toEqual(checkDraft(broken, 'x.yaml').problems)
  })

  it('keeps only the pieces of the last reading, each handed out as a copy of its own', () => {
    const memory = pieceMemory()
    memory.set('a', { a: [1] })
    memory.nextReading()
    const value = memory.get('a') as { a: number[] }
    value.a.push(2)
    expect(memory.get('a')).toEqual({ a: [1] })
    memory.nextReading()
    memory.nextReading()
    expect(memory.get('a')).toBeUndefined()
  })

  it('keeps no value that JSON would change', () => {
    expect([Infinity, -Infinity, NaN, -0, { a: [1, NaN] }].map(keepsInJson)).toEqual([false, false, false, false, false])
    expect([0, 1.5, 'x', null, true, { a: [1, 'b', { c: null }] }].map(keepsInJson)).toEqual([true, true, true, true, true, true])
    const memory = pieceMemory()
    memory.set('inf', { max: Infinity })
    memory.nextReading()
    expect(memory.get('inf')).toBeUndefined()
  })
})
