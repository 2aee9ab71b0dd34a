import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORE_SCHEMA, load } from 'js-yaml'
import { cutYaml, joinYaml, splitYaml } from '../../../src/engine/yaml-chunks.ts'
import { parseSource, type PieceCache } from '../../../src/engine/source.ts'
import { loadRulebook } from '../../../src/engine/load.ts'
import { readRepoFile, repoRoot } from '../helpers.ts'

const parse = (text: string): unknown => load(text, { schema: CORE_SCHEMA })

/** The value from the pieces, each parsed on its own. */
function byPieces(text: string): unknown {
  const pieces = cutYaml(text)
  return pieces && joinYaml(pieces, pieces.map((piece) => parse(piece.text)))
}

/** A cache in memory that counts what it is asked for. */
function memoryCache() {
  const kept = new Map<string, string>()
  const counts = { hits: 0, misses: 0 }
  const cache: PieceCache = {
    keyOf: (text) => text,
    get(key) {
      const json = kept.get(key)
      if (json === undefined) {
        counts.misses++
        return undefined
      }
      counts.hits++
      return JSON.parse(json)
    },
    set: (key, value) => void kept.set(key, JSON.stringify(value)),
  }
  return { cache, counts }
}

const yamlFiles = (folder: string): string[] =>
  readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(folder, name))

describe('engine/yaml-chunks', () => {
  it.each([...yamlFiles('rules'), ...yamlFiles('tests/fixtures')])('gives %s the value a whole parse gives, or leaves it whole', (file) => {
    const text = readRepoFile(file).replace(/\r\n?/g, '\n')
    let whole: unknown
    try {
      whole = parse(text)
    } catch {
      return // not YAML the fast parser reads: the pieces are never used for it
    }
    const pieces = cutYaml(text)
    if (!pieces) return
    let joined: unknown
    try {
      joined = byPieces(text)
    } catch {
      joined = undefined // a piece that does not parse sends the reader back to the whole file
    }
    if (joined !== undefined) expect(joined).toStrictEqual(whole)
  })

  it('cuts the flagship at every top-level key and every item of its lists', () => {
    const text = readRepoFile('rules/venezuela-dock-strike.yaml')
    const pieces = cutYaml(text)!
    const value = parse(text) as Record<string, unknown>
    const lists = Object.entries(value).filter(([, v]) => Array.isArray(v) && v.length > 0)
    expect(pieces.filter((p) => p.item).length).toBe(lists.reduce((n, [, v]) => n + (v as unknown[]).length, 0))
    expect(new Set(pieces.map((p) => p.key))).toEqual(new Set(Object.keys(value)))
    expect(byPieces(text)).toStrictEqual(value)
    // A first reading parses the file whole and cuts its value: the same values, piece by piece.
    expect(splitYaml(pieces, value)).toStrictEqual(pieces.map((piece) => parse(piece.text)))
  })

  it('cuts a whole value only where the pieces say', () => {
    const pieces = cutYaml('a: 1\nb:\n  - x\n  - y\n')!
    expect(splitYaml(pieces, { a: 1, b: ['x', 'y'] })).toEqual([{ a: 1 }, ['x'], ['y']])
    expect(splitYaml(pieces, { a: 1, b: ['x'] })).toBeUndefined()
    expect(splitYaml(pieces, { a: 1, b: ['x', 'y', 'z'] })).toBeUndefined()
    expect(splitYaml(pieces, { a: 1, b: ['x', 'y'], c: 2 })).toBeUndefined()
    expect(splitYaml(pieces, ['a'])).toBeUndefined()
  })

  it.each([
    ['a document marker', '---\nid: x\n'],
    ['a directive', '%YAML 1.2\n---\nid: x\n'],
    ['a quoted key', '"id": x\n'],
    ['a list at column 0 under a key', 'questions:\n- id: a\n- id: b\n'],
    ['a key written twice', 'id: a\ntitle: t\nid: b\n'],
    ['text at column 0 that is not a key', 'id: a\n  b\nthen more\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a `__proto__` key', '__proto__: {}\n'],
  ])('leaves a file with %s whole', (_, text) => {
    expect(cutYaml(text)).toBeUndefined()
  })

  it('keeps a list whole when a line at its items’ indentation is not an item', () => {
    const text = 'questions:\n  - id: a\n  oops: 1\n'
    expect(cutYaml(text)).toEqual([{ text, key: 'questions', item: false }])
  })

  it('keeps comments and blank lines with the piece around them, and a block scalar in its item', () => {
    const text = [
      '# heading comment',
      'id: x',
      'questions: # the questions',
      '  # first',
      '  - id: a',
      '    rule: |',
      '      - not an item',
      '',
      '      still the rule',
      '  # second',
      '  - id: b',
      'title: T',
    ].join('\n')
    expect(cutYaml(text)!.map((p) => [p.key, p.item])).toEqual([
      ['id', false],
      ['questions', true],
      ['questions', true],
      ['title', false],
    ])
    expect(byPieces(text)).toStrictEqual(parse(text))
  })

  it('never accepts, piece by piece, a file the whole parse refuses or reads otherwise (random edits)', () => {
    const text = readRepoFile('rules/soleimani-strike.yaml')
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed / 0x7fffffff
    }
    const inserts = [':', ': ', '"', "'", '- ', '  ', '#', '|', '>', '[', ']', '{', '}', '\n', '\n  ', '\nx: 1\n', '\n  - id: z\n', '? ', '---\n', '\t', ',']
    let agreed = 0
    for (let round = 0; round < 120; round++) {
      let edited = text
      for (let edit = 0; edit < 1 + Math.floor(random() * 3); edit++) {
        const at = Math.floor(random() * edited.length)
        edited = random() < 0.4
          ? edited.slice(0, at) + edited.slice(at + 1 + Math.floor(random() * 3))
          : edited.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + edited.slice(at)
      }
      let joined: unknown
      try {
        joined = byPieces(edited)
      } catch {
        continue // a piece that does not parse: the whole file is read instead
      }
      if (joined === undefined) continue
      expect(() => parse(edited), `round ${round}`).not.toThrow()
      expect(joined, `round ${round}`).toStrictEqual(parse(edited))
      agreed++
    }
    expect(agreed).toBeGreaterThan(40)
  })

  it('refuses pieces that did not come out as cut', () => {
    const pieces = cutYaml('a: 1\nb:\n  - x\n')!
    expect(joinYaml(pieces, [{ a: 1 }, ['x']])).toEqual({ a: 1, b: ['x'] })
    expect(joinYaml(pieces, [{ a: 1, z: 2 }, ['x']])).toBeUndefined()
    expect(joinYaml(pieces, [{ a: 1 }, ['x', 'y']])).toBeUndefined()
    expect(joinYaml(pieces, [{ a: 1 }, 'x'])).toBeUndefined()
  })
})

describe('parsing with kept pieces', () => {
  it('parses again only the piece that changed, to the same rulebook and problems', () => {
    const text = readRepoFile('rules/soleimani-strike.yaml')
    const { cache, counts } = memoryCache()
    const first = parseSource(text, 'x.yaml', { pieces: cache })
    expect(first.value).toStrictEqual(parseSource(text, 'x.yaml').value)
    const pieceCount = counts.misses
    expect(pieceCount).toBeGreaterThan(20)
    // Kept from the first, whole, reading: read again unchanged, nothing is parsed.
    counts.misses = 0
    expect(parseSource(text, 'x.yaml', { pieces: cache }).value).toStrictEqual(first.value)
    expect(counts).toEqual({ hits: pieceCount, misses: 0 })

    counts.hits = 0
    const edited = text.replace('title: The Baghdad airport strike (3 January 2020)', 'title: The Baghdad airport strike (3 January 2020), edited')
    expect(edited).not.toBe(text)
    counts.misses = 0
    counts.hits = 0
    const second = parseSource(edited, 'x.yaml', { pieces: cache })
    expect(counts).toEqual({ hits: pieceCount - 1, misses: 1 })
    expect(second.value).toStrictEqual(parseSource(edited, 'x.yaml').value)

    // A mistake in an edited piece is found and located as without the cache.
    const broken = text.replace(/\n {4}prompt: /, '\n    prompt: [unclosed ')
    const loaded = loadRulebook(broken, 'x.yaml', undefined, { pieces: cache })
    expect(loaded.rulebook).toBeUndefined()
    expect(loaded.problems).toEqual(loadRulebook(broken, 'x.yaml').problems)
  })
})
