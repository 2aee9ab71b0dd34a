import { describe, expect, it } from 'vitest'
import { sourceLines } from '../../../src/engine/source-lines.ts'

const at = (line: number, column: number, endLine = line, endColumn = column + 1) => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
})

describe('engine/source-lines', () => {
  const yaml = 'id: dock\nquestions:\n  - id: q1\n    kind: yes-no-maybe\r\n'

  it('quotes the line a problem points at, marking its range, indentation kept', () => {
    expect(sourceLines(yaml, [at(4, 11, 4, 23)])).toEqual([{ line: 4, before: '    kind: ', marked: 'yes-no-maybe', after: '' }])
  })

  it('marks one character when the range runs onto later lines, and finds every line asked for', () => {
    expect(sourceLines(yaml, [at(3, 5, 5, 1), at(1, 1, 1, 3)])).toEqual([
      { line: 3, before: '  - ', marked: 'i', after: 'd: q1' },
      { line: 1, before: '', marked: 'id', after: ': dock' },
    ])
  })

  it('gives nothing for a line the file does not have', () => {
    expect(sourceLines(yaml, [at(40, 1)])).toEqual([undefined])
  })

  it('cuts a long line to a window around the problem, saying where it cut', () => {
    const long = `{"questions":[${'{"id":"q"},'.repeat(100)}{"id":7}]}`
    const column = long.indexOf('7') + 1
    const [quoted] = sourceLines(long, [at(1, column)], 60)
    expect(quoted!.marked).toBe('7')
    expect(quoted!.before.startsWith('…')).toBe(true)
    expect((quoted!.before + quoted!.marked + quoted!.after).length).toBeLessThanOrEqual(62)
  })

  it('shows control characters as spaces, so a line stays one line', () => {
    expect(sourceLines('a:\tb\u2028c', [at(1, 4)])).toEqual([{ line: 1, before: 'a: ', marked: 'b', after: ' c' }])
  })
})
