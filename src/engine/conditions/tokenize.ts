import type { Span } from './ast.ts'

export type TokenType = 'identifier' | 'number' | 'punctuation' | 'operator' | 'end'

export interface Token {
  type: TokenType
  text: string
  span: Span
}

/** A mistake in the text of a condition, with where it is. */
export interface ConditionSyntaxError {
  message: string
  span: Span
}

const identifierStart = /[a-z]/
const identifierPart = /[a-z0-9-]/
const digit = /[0-9]/
const punctuation = new Set(['(', ')', '[', ']', ','])
const operators = ['<=', '>=', '!=', '<', '>', '=']

/** Splits a condition into tokens; ends with an `end` token. */
export function tokenize(text: string): { tokens: Token[]; error?: ConditionSyntaxError } {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const char = text[at]!
    if (/\s/.test(char)) {
      at++
      continue
    }
    const start = at
    if (identifierStart.test(char)) {
      while (at < text.length && identifierPart.test(text[at]!)) at++
      const word = text.slice(start, at)
      if (word.endsWith('-') || word.includes('--')) {
        return {
          tokens,
          error: { message: `\`${word}\` is not a valid id`, span: { start, end: at } },
        }
      }
      tokens.push({ type: 'identifier', text: word, span: { start, end: at } })
      continue
    }
    if (digit.test(char) || (char === '-' && digit.test(text[at + 1] ?? ''))) {
      at++
      while (at < text.length && /[0-9.]/.test(text[at]!)) at++
      tokens.push({ type: 'number', text: text.slice(start, at), span: { start, end: at } })
      continue
    }
    if (punctuation.has(char)) {
      at++
      tokens.push({ type: 'punctuation', text: char, span: { start, end: at } })
      continue
    }
    const operator = operators.find((op) => text.startsWith(op, at))
    if (operator) {
      at += operator.length
      tokens.push({ type: 'operator', text: operator, span: { start, end: at } })
      continue
    }
    const hint = /[A-Z]/.test(char) ? ' (ids are written in lower case)' : ''
    return {
      tokens,
      error: { message: `unexpected character \`${char}\`${hint}`, span: { start, end: at + 1 } },
    }
  }
  tokens.push({ type: 'end', text: '', span: { start: text.length, end: text.length } })
  return { tokens }
}
