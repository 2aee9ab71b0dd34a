import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadRulebook } from '@/engine/load'
import { parseSession } from '@/engine/session'
import { formatProblem } from '@/engine/problems'
import { looksLikeSession } from '@/engine/file-kind'
import { limits } from '@/engine/limits'
import { decodeText } from '@/workers/load-job'

/** Fixtures made by tests/fixtures/hostile/make.ts, each named after what it shows. */
const bytes = (name: string) => readFileSync(`tests/fixtures/hostile/${name}`)
const text = (name: string) => bytes(name).toString('utf8')
const check = (name: string) => {
  const content = text(name)
  const { problems } = looksLikeSession(content) ? parseSession(content, name) : loadRulebook(content, name)
  return problems.map(formatProblem)
}

describe('engine: hostile input gets a located problem in Casework’s words', () => {
  it.each([
    [
      'deep-block-sequence.yaml',
      'deep-block-sequence.yaml:78:129 error lists and groups are nested more than 64 deep here (a rulebook or a workbook needs only a few levels; look for brackets that are never closed) [limit]',
    ],
    [
      'deep-flow-sequence.yaml',
      'deep-flow-sequence.yaml:4:71 error lists and groups are nested more than 64 deep here (a rulebook or a workbook needs only a few levels; look for brackets that are never closed) [limit]',
    ],
    [
      'deep-session.json',
      'deep-session.json:17:85 error lists and groups are nested more than 64 deep here (a rulebook or a workbook needs only a few levels; look for brackets that are never closed) [limit]',
    ],
    [
      'duplicate-key.json',
      'duplicate-key.json:6:3 error `title` is written twice in the same group (first on line 5) (keep one of them: otherwise one would silently replace the other) [duplicate-key]',
    ],
    [
      'duplicate-key.yaml',
      'duplicate-key.yaml:5:1 error `title` is written twice in the same group (first on line 4) (keep one of them: otherwise one would silently replace the other) [duplicate-key]',
    ],
    [
      'duplicate-key-session.json',
      'duplicate-key-session.json:12:3 error `scenario` is written twice in the same group (first on line 11) (keep one of them: otherwise one would silently replace the other) [duplicate-key]',
    ],
    [
      'collection-key.yaml',
      'collection-key.yaml:77:3 error the file cannot be read as YAML: a key must be text, not a list or a group (write the key as plain text, such as `id`) [yaml-syntax]',
    ],
    [
      'utf-16.yaml',
      'utf-16.yaml:1:1 error the file is not UTF-8 text (it looks like UTF-16) (save it again as UTF-8, the encoding Casework reads) [encoding]',
    ],
    [
      'long-key-session.json',
      'long-key-session.json:11:3 error the file has an unknown property `x yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…` (allowed here: `$schema`, `format`, `id`, `title`, `rulebook`, `scenario`, `student`, `createdAt`, `updatedAt`, `currentQuestion` and `answers`) [session-schema]',
    ],
  ])('%s', (name, expected) => {
    expect(check(name)[0]).toBe(expected)
  })

  it('locates problems the same whatever the line endings (LF, CRLF, or a lone CR)', () => {
    const lf = check('../rulebooks/yaml-syntax.yaml').map((p) => p.replace(/^\S+?:/, ''))
    expect(lf[0]).toMatch(/^4:8 error/)
    expect(check('crlf-line-endings.yaml').map((p) => p.replace(/^\S+?:/, ''))).toEqual(lf)
    expect(check('cr-line-endings.yaml').map((p) => p.replace(/^\S+?:/, ''))).toEqual(lf)
  })

  it('reads UTF-16 with its byte-order mark (and UTF-8 with one) when the app decodes the bytes', () => {
    const decoded = decodeText(new Uint8Array(bytes('utf-16.yaml')))
    expect(loadRulebook(decoded, 'utf-16.yaml').problems.filter((p) => p.severity === 'error')).toEqual([])
    const withBom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('../rulebooks/valid.yaml')]))
    expect(loadRulebook(withBom, 'bom.yaml').rulebook?.id).toBe('tiny')
  })

  it('keeps every message on one short line, whatever the file quotes', () => {
    const problems = check('long-key-session.json')
    for (const line of problems) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(line.length).toBeLessThan(400)
    }
  })

  it('recognises a workbook by its content: keys sorted, or written as YAML', () => {
    for (const name of ['sorted-keys-session.json', 'yaml-session.yaml']) {
      expect(looksLikeSession(text(name))).toBe(true)
      expect(parseSession(text(name), name).problems).toEqual([])
    }
    expect(looksLikeSession(text('../rulebooks/valid.yaml'))).toBe(false)
    // Prose that mentions the format is not a workbook.
    expect(looksLikeSession('{"summary": "a \\"format\\": \\"casework-session/1\\" file"}')).toBe(false)
    expect(looksLikeSession('summary: |\n  format: casework-session/1\n')).toBe(false)
  })

  it('refuses a rulebook over the size limit before parsing it', () => {
    const huge = `title: ${'x'.repeat(limits.rulebookCharacters)}`
    expect(loadRulebook(huge, 'huge.yaml').problems.map(formatProblem)).toEqual([
      'huge.yaml:1:1 error the file is too large to be a rulebook (5 MB; at most 5 MB) [limit]',
    ])
  })

  it('refuses more questions than the limit, located at the list, before checking them', () => {
    const rulebook = loadRulebook(text('../rulebooks/valid.yaml'), 'valid.yaml').rulebook!
    const many = {
      ...rulebook,
      questions: Array.from({ length: 50_000 }, (_, i) => ({ id: `q${i}`, section: 'force', prompt: 'Q?', answer: { kind: 'yes-no' } })),
    }
    const json = JSON.stringify(many)
    const started = performance.now()
    const { problems } = loadRulebook(json, 'many.json')
    expect(problems.map(formatProblem)).toEqual([
      `many.json:1:${json.indexOf('"questions"') + 1} error \`questions\` lists 50,000 entries; a rulebook may have at most 10,000 (split the material into several rulebooks) [limit]`,
    ])
    // Refused after parsing only: far less than checking 50,000 questions would take.
    expect(performance.now() - started).toBeLessThan(20_000)
  })
})
