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

// Character tests by code: conditions are tokenized for every question of large rulebooks.
const isLetter = (c: number) => c >= 97 && c <= 122
const isDigit = (c: number) => c >= 48 && c <= 57
const isIdentifierPart = (c: number) => isLetter(c) || isDigit(c) || c === 45
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13
const punctuation = new Set(['(', ')', '[', ']', ','])
const operators = ['<=', '>=', '!=', '<', '>', '=']

/** Splits a condition into tokens; ends with an `end` token. */
export function tokenize(text: string): { tokens: Token[]; error?: ConditionSyntaxError } {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const char = text[at]!
    const code = text.charCodeAt(at)
    if (isSpace(code)) {
      at++
      continue
    }
    const start = at
    if (isLetter(code)) {
      while (at < text.length && isIdentifierPart(text.charCodeAt(at))) at++
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
    if (isDigit(code) || (char === '-' && isDigit(text.charCodeAt(at + 1)))) {
      at++
      while (at < text.length && (isDigit(text.charCodeAt(at)) || text[at] === '.')) at++
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
