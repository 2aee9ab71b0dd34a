import type { Question } from './generated/rulebook.ts'

/**
 * JSON with object keys sorted, so equal content always hashes the same.
 *
 * Made by the engine's own `JSON.stringify`, on a copy of the value whose objects have their keys
 * inserted in sorted order. The copy gives the same text as the first definition for all that
 * plain data from YAML or JSON holds. Where it could differ, `writtenCanonically` writes it the
 * first way: undefined, a function or a symbol in a list or as a value, an object other than a
 * plain one, a key that is an array index (objects keep those first), or `__proto__`. Hashing a
 * 5,000-question rulebook, as each time one is opened, takes about a third less time.
 */
export function canonicalJson(value: unknown): string | undefined {
  const sorted = sortedCopy(value)
  return sorted === unsortable ? writtenCanonically(value) : JSON.stringify(sorted)
}

const unsortable = Symbol('unsortable')
const arrayIndex = /^(?:0|[1-9]\d*)$/

/** `value` with every object's keys in sorted order, or `unsortable`. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' || value === undefined ? unsortable : value
  }
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i])
      if (item === unsortable) return unsortable
      copy[i] = item
    }
    return copy
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return unsortable
  const record = value as Record<string, unknown>
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue
    // `copy.__proto__ = …` would set the copy's prototype, not add the key.
    if (arrayIndex.test(key) || key === '__proto__') return unsortable
    const item = sortedCopy(record[key])
    if (item === unsortable) return unsortable
    copy[key] = item
  }
  return copy
}

/** The canonical text as first defined: hashes stored in saved workbooks were made from it. */
function writtenCanonically(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(writtenCanonically).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${writtenCanonically((value as Record<string, unknown>)[key])}`)
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
  const text = canonicalJson(value) ?? ''
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
