import { describe, expect, it } from 'vitest'
import { parseCondition } from '../../../../src/engine/conditions/parse.ts'
import { printCondition } from '../../../../src/engine/conditions/print.ts'
import { dependenciesOf } from '../../../../src/engine/conditions/dependencies.ts'

describe('engine/conditions/parse', () => {
  it.each([
    ['a is yes', 'a is yes'],
    ['a', 'a'],
    ['not a', 'not a'],
    ['a is not yes', 'a is not yes'],
    ['b is one of [x,y]', 'b is one of [x, y]'],
    ['c contains p', 'c contains p'],
    ['c contains all of [p, q]', 'c contains all of [p, q]'],
    ['d >= 3', 'd >= 3'],
    ['e is unanswered', 'e is unanswered'],
    ['scenario is not sea', 'scenario is not sea'],
    ['a and b is x or d > 4', 'a and b is x or d > 4'],
    ['a and (b is x or d > 4)', 'a and (b is x or d > 4)'],
    ['not (a or b is x)', 'not (a or b is x)'],
    ['((armed-attack))', 'armed-attack'],
  ])('reads `%s` and prints it back as `%s`', (text, printed) => {
    const result = parseCondition(text)
    if (!result.ok) throw new Error(result.error.message)
    expect(printCondition(result.node)).toBe(printed)
    expect(parseCondition(printed)).toEqual(parseCondition(printed)) // printing is stable
  })

  it('gives `and` precedence over `or`', () => {
    const result = parseCondition('a or b and c')
    expect(result.ok && result.node.type).toBe('or')
    expect(result.ok && result.node.type === 'or' && result.node.operands[1]!.type).toBe('and')
  })

  it.each([
    ['a is yes and and b', 'expected a question or conclusion id, found `and`', 13, 16],
    ['a is', 'expected an answer after `is` (such as `yes`, an option id, or `answered`), found the end of the condition', 4, 4],
    ['(a or b', 'expected `)` to close the `(` at column 1, found the end of the condition', 7, 7],
    ['a b', 'unexpected `b` (join tests with `and` or `or`)', 2, 3],
    ['d >= high', 'expected a number after `>=`, found `high`', 5, 9],
    ['b is one of x', 'expected a list such as `[first, second]`, found `x`', 12, 13],
    ['Armed-attack', 'unexpected character `A` (ids are written in lower case)', 0, 1],
    ['a is yes;', 'unexpected character `;`', 8, 9],
    ['scenario sea', 'expected `is` after `scenario`, found `sea`', 9, 12],
    ['', 'the condition is incomplete: expected a question or conclusion id', 0, 0],
  ])('reports `%s` as: %s', (text, message, start, end) => {
    const result = parseCondition(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toEqual({ message, span: { start, end } })
  })

  it('lists the ids a condition depends on, once each', () => {
    const result = parseCondition('a and (b is x or a is no) and not c contains p and scenario is sea')
    expect(result.ok && dependenciesOf(result.node)).toEqual(['a', 'b', 'c'])
  })
})
