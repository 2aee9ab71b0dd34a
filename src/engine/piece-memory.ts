import type { PieceCache } from './source.ts'

/** JSON keeps the value exactly: no infinite number, no NaN, no -0 (which JSON writes as 0). */
export function keepsInJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (typeof value !== 'object' || value === null) return true
  return Object.values(value).every(keepsInJson)
}

/** A `PieceCache` in memory that, after `nextReading`, keeps only the pieces the last reading used. */
export interface PieceMemory extends PieceCache {
  nextReading(): void
}

/**
 * The pieces of a draft kept in memory from one check to the next: the studio checks the draft
 * after each pause in typing, and then parses again only the pieces that were edited. Values are
 * kept as JSON text, so nothing a check does to the rulebook it was given is kept.
 */
export function pieceMemory(): PieceMemory {
  let kept = new Map<string, string>()
  let used = new Map<string, string>()
  return {
    keyOf: (text) => text,
    get(key) {
      const json = used.get(key) ?? kept.get(key)
      if (json === undefined) return undefined
      used.set(key, json)
      return JSON.parse(json)
    },
    set(key, value) {
      if (keepsInJson(value)) used.set(key, JSON.stringify(value))
    },
    nextReading() {
      kept = used
      used = new Map()
    },
  }
}
