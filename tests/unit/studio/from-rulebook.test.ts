import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { rulebookToYaml } from '../../../src/studio/from-rulebook.ts'
import type { Rulebook } from '../../../src/engine/generated/rulebook.ts'
import { readRepoFile } from '../helpers.ts'

const shipped = (file: string) => parse(readRepoFile(file)) as Rulebook

describe('studio/from-rulebook', () => {
  it.each(['rules/venezuela-dock-strike.yaml', 'rules/soleimani-strike.yaml'])('writes %s back as YAML that reads as the same rulebook', (file) => {
    const book = shipped(file)
    const text = rulebookToYaml(book, false)
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true)
    expect(parse(text)).toEqual(book)
  })

  it('keeps prose written on several lines as a literal block, line for line', () => {
    const text = rulebookToYaml(shipped('rules/venezuela-dock-strike.yaml'), false)
    expect(text).toContain(
      [
        '    prompt: |',
        '      Which part of the US government carried out the operation, as far as the record shows? Why might',
        '      the answer matter even though it does not matter for attribution?',
      ].join('\n'),
    )
  })

  it('makes a new rulebook, which leaves the original’s workbooks alone, when asked', () => {
    const book = shipped('rules/soleimani-strike.yaml')
    const copy = parse(rulebookToYaml(book, true)) as Rulebook
    expect([copy.id, copy.title, copy.version]).toEqual([`${book.id}-copy`, `${book.title} (copy)`, '0.1.0'])
    expect(copy.questions).toEqual(book.questions)
  })
})
