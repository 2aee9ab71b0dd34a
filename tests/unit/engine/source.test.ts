import { afterEach, describe, expect, it, vi } from 'vitest'
import * as yaml from 'yaml'
import { parseSource } from '../../../src/engine/source.ts'

// Counts how often the slow, positional parser builds a document.
vi.mock('yaml', async (importOriginal) => {
  const original = await importOriginal<typeof import('yaml')>()
  return { ...original, parseDocument: vi.fn(original.parseDocument) }
})

afterEach(() => vi.mocked(yaml.parseDocument).mockClear())

describe('engine/source', () => {
  it('reads Markdown emphasis (`**bold**`, ` *word*`) on the fast path, locating only when asked', () => {
    const text =
      'summary: The **sovereignty** question, *in short*.\nlist:\n  - a *word* & **more**\n'
    const source = parseSource(text, 'emphasis.yaml')
    expect(source.value).toEqual({
      summary: 'The **sovereignty** question, *in short*.',
      list: ['a *word* & **more**'],
    })
    expect(yaml.parseDocument).not.toHaveBeenCalled()
    expect(source.locate(['summary']).start).toEqual({ line: 1, column: 10 })
    expect(yaml.parseDocument).toHaveBeenCalledTimes(1)
  })

  it('takes the careful path for a file that defines an anchor, and for an alias with none', () => {
    const anchored = parseSource('a: &x [1, 2]\nb: *x\n', 'anchor.yaml')
    expect(anchored.value).toEqual({ a: [1, 2], b: [1, 2] })
    expect(yaml.parseDocument).toHaveBeenCalledTimes(1)

    const dangling = parseSource('a: 1\nb: *nowhere\n', 'alias.yaml')
    expect(yaml.parseDocument).toHaveBeenCalledTimes(2)
    expect(dangling.syntaxErrors.map((error) => error.message)).toEqual([
      expect.stringContaining('nowhere'),
    ])
  })

  it('keeps questions, ampersands and brackets in prose on the fast path', () => {
    const text = 'prompt: Was it lawful? Yes & no.\nlist: [a, b]\nnote: "R&D, {a} and [b]?"\n'
    expect(parseSource(text, 'prose.yaml').value).toEqual({
      prompt: 'Was it lawful? Yes & no.',
      list: ['a', 'b'],
      note: 'R&D, {a} and [b]?',
    })
    expect(yaml.parseDocument).not.toHaveBeenCalled()
  })

  it('takes the careful path for a list or group written as a key, anywhere in the file', () => {
    for (const text of ['a: 1\n? b\n: 2\n', 'a: 1\nb:\n  [x, y]: 2\n', 'a: 1\nb: {x: 1}\n{y: 1} :\n  2\n', 'a: 1\nb: [1]\n]\n  : 2\n']) {
      vi.mocked(yaml.parseDocument).mockClear()
      parseSource(text, 'complex.yaml')
      expect(yaml.parseDocument, text).toHaveBeenCalledTimes(1)
    }
  })
})
