import type { ComparisonOperator, ConditionNode, Identifier, Span } from './ast.ts'
import { tokenize, type ConditionSyntaxError, type Token } from './tokenize.ts'

/** The result of parsing: a tree, or the first mistake with where it is. */
export type ParseResult =
  | { ok: true; node: ConditionNode }
  | { ok: false; error: ConditionSyntaxError }

class SyntaxFailure {
  constructor(readonly error: ConditionSyntaxError) {}
}

const keywords = new Set(['and', 'or', 'not', 'is', 'contains', 'scenario'])

function describe(token: Token): string {
  return token.type === 'end' ? 'the end of the condition' : `\`${token.text}\``
}

/** Parses a condition written in the condition language (see conditions/README.md). */
export function parseCondition(text: string): ParseResult {
  const { tokens, error } = tokenize(text)
  if (error) return { ok: false, error }
  let at = 0

  const peek = (): Token => tokens[at]!
  const next = (): Token => tokens[at++]!
  const isWord = (token: Token, word: string) => token.type === 'identifier' && token.text === word
  const fail = (message: string, span: Span = peek().span): never => {
    throw new SyntaxFailure({ message, span })
  }
  const span = (start: Span, end: Span): Span => ({ start: start.start, end: end.end })

  function expectWord(word: string, after: string): Token {
    const token = peek()
    if (!isWord(token, word)) fail(`expected \`${word}\` after ${after}, found ${describe(token)}`)
    return next()
  }

  function identifier(what: string): Identifier {
    const token = peek()
    if (token.type !== 'identifier' || keywords.has(token.text)) {
      fail(`expected ${what}, found ${describe(token)}`)
    }
    next()
    return { name: token.text, span: token.span }
  }

  function list(): { items: Identifier[]; span: Span } {
    const open = peek()
    if (!(open.type === 'punctuation' && open.text === '[')) {
      fail(`expected a list such as \`[first, second]\`, found ${describe(open)}`)
    }
    next()
    const items = [identifier('an option id')]
    while (peek().type === 'punctuation' && peek().text === ',') {
      next()
      items.push(identifier('an option id'))
    }
    const close = peek()
    if (!(close.type === 'punctuation' && close.text === ']')) {
      fail(`expected \`,\` or \`]\` in the list, found ${describe(close)}`)
    }
    next()
    return { items, span: span(open.span, close.span) }
  }

  function orExpression(): ConditionNode {
    const operands = [andExpression()]
    while (isWord(peek(), 'or')) {
      next()
      operands.push(andExpression())
    }
    return operands.length === 1
      ? operands[0]!
      : { type: 'or', operands, span: span(operands[0]!.span, operands.at(-1)!.span) }
  }

  function andExpression(): ConditionNode {
    const operands = [unary()]
    while (isWord(peek(), 'and')) {
      next()
      operands.push(unary())
    }
    return operands.length === 1
      ? operands[0]!
      : { type: 'and', operands, span: span(operands[0]!.span, operands.at(-1)!.span) }
  }

  function unary(): ConditionNode {
    const token = peek()
    if (isWord(token, 'not')) {
      next()
      const operand = unary()
      return { type: 'not', operand, span: span(token.span, operand.span) }
    }
    return primary()
  }

  function primary(): ConditionNode {
    const token = peek()
    if (token.type === 'punctuation' && token.text === '(') {
      next()
      const inner = orExpression()
      const close = peek()
      if (!(close.type === 'punctuation' && close.text === ')')) {
        fail(`expected \`)\` to close the \`(\` at column ${token.span.start + 1}, found ${describe(close)}`)
      }
      next()
      return inner
    }
    if (isWord(token, 'scenario')) {
      next()
      expectWord('is', '`scenario`')
      const negated = isWord(peek(), 'not') && !!next()
      const scenario = identifier('a scenario id')
      return { type: 'scenario', scenario, negated, span: span(token.span, scenario.span) }
    }
    if (token.type === 'end') fail('the condition is incomplete: expected a question or conclusion id')
    const subject = identifier('a question or conclusion id')
    const after = peek()
    if (isWord(after, 'is')) return isTest(subject)
    if (isWord(after, 'contains')) return containsTest(subject)
    if (after.type === 'operator') return comparison(subject)
    return { type: 'reference', subject, span: subject.span }
  }

  function isTest(subject: Identifier): ConditionNode {
    next() // is
    const negated = isWord(peek(), 'not') && !!next()
    const token = peek()
    if (isWord(token, 'answered') || isWord(token, 'unanswered')) {
      next()
      return {
        type: 'answered',
        subject,
        negated: negated !== (token.text === 'unanswered'),
        span: span(subject.span, token.span),
      }
    }
    if (isWord(token, 'one')) {
      next()
      expectWord('of', '`one`')
      const { items, span: listSpan } = list()
      return { type: 'is', subject, negated, options: items, span: span(subject.span, listSpan) }
    }
    const option = identifier('an answer after `is` (such as `yes`, an option id, or `answered`)')
    return { type: 'is', subject, negated, options: [option], span: span(subject.span, option.span) }
  }

  function containsTest(subject: Identifier): ConditionNode {
    next() // contains
    const token = peek()
    if (isWord(token, 'any') || isWord(token, 'all')) {
      next()
      expectWord('of', `\`${token.text}\``)
      const { items, span: listSpan } = list()
      const mode = token.text as 'any' | 'all'
      return { type: 'contains', subject, mode, options: items, span: span(subject.span, listSpan) }
    }
    const option = identifier('an option id after `contains`')
    return {
      type: 'contains',
      subject,
      mode: 'any',
      options: [option],
      span: span(subject.span, option.span),
    }
  }

  function comparison(subject: Identifier): ConditionNode {
    const operator = next()
    const value = peek()
    if (value.type !== 'number' || !Number.isFinite(Number(value.text))) {
      fail(`expected a number after \`${operator.text}\`, found ${describe(value)}`)
    }
    next()
    return {
      type: 'compare',
      subject,
      operator: operator.text as ComparisonOperator,
      value: Number(value.text),
      span: span(subject.span, value.span),
    }
  }

  try {
    const node = orExpression()
    const rest = peek()
    if (rest.type !== 'end') {
      const hint =
        rest.type === 'identifier' && !keywords.has(rest.text)
          ? ' (join tests with `and` or `or`)'
          : ''
      fail(`unexpected ${describe(rest)}${hint}`)
    }
    return { ok: true, node }
  } catch (failure) {
    if (failure instanceof SyntaxFailure) return { ok: false, error: failure.error }
    throw failure
  }
}
