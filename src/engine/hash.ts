import type { Question } from './generated/rulebook.ts'

/** JSON with object keys sorted, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * A 64-bit fingerprint (16 hex digits) of a value's content: two independent 32-bit FNV-1a-style
 * lanes. It detects change; it is not a cryptographic seal, and needs no WebCrypto or node:crypto,
 * so the engine stays the same in every environment.
 */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value)
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
    b ^= b >>> 15
  }
  a ^= a >>> 16
  a = Math.imul(a, 0x85ebca6b) ^ (a >>> 13)
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** Fingerprint of what a student answered: the prompt, the kind of answer and its options. */
export function questionHash(question: Question): string {
  return contentHash({ prompt: question.prompt, answer: question.answer })
}
