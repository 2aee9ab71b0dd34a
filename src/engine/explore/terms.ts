/**
 * Sets of partial walks as sums of cubes. A cube constrains some variables (a question's answer
 * state, one option of a multiple-choice question, the scenario) each to a set of values, written
 * as a bit mask; variables it does not name are free. A sum (`Terms`) is a list of cubes: a walk
 * is in it when it is in one of them. `cut` records that a budget dropped cubes, so the list is
 * correct but may be incomplete: a cut sum never proves that something cannot happen.
 */

/** Variables in increasing order, each with the values it may take. */
export interface Cube {
  vars: readonly number[]
  masks: readonly bigint[]
}

export interface Terms {
  cubes: readonly Cube[]
  cut: boolean
}

/** The cube that constrains nothing: every walk. */
export const anyWalk: Cube = { vars: [], masks: [] }
export const always: Terms = { cubes: [anyWalk], cut: false }
export const never: Terms = { cubes: [], cut: false }

/** A cube constraining one variable. */
export function literal(variable: number, mask: bigint): Cube {
  return { vars: [variable], masks: [mask] }
}

/**
 * The walks in both cubes, or undefined when none is. Most meetings in a large product fail, so
 * the shared variables are compared before anything is built; a cube that the other covers is
 * returned as it is.
 */
export function meet(a: Cube, b: Cube): Cube | undefined {
  const aVars = a.vars
  const bVars = b.vars
  const aCount = aVars.length
  const bCount = bVars.length
  if (aCount === 0) return b
  if (bCount === 0) return a
  let shared = 0
  // Whether a lies within b (b names no variable a does not, and allows a's values), and the reverse.
  let aWithin = true
  let bWithin = true
  for (let i = 0, j = 0; i < aCount && j < bCount; ) {
    const va = aVars[i]!
    const vb = bVars[j]!
    if (va === vb) {
      const ma = a.masks[i]!
      const mb = b.masks[j]!
      if (ma !== mb) {
        const both = ma & mb
        if (both === 0n) return undefined
        if (both !== ma) aWithin = false
        if (both !== mb) bWithin = false
      }
      shared++
      i++
      j++
    } else if (va < vb) {
      i++
    } else {
      j++
    }
  }
  if (aWithin && shared === bCount) return a
  if (bWithin && shared === aCount) return b
  const vars: number[] = []
  const masks: bigint[] = []
  let i = 0
  let j = 0
  while (i < aCount || j < bCount) {
    const va = i < aCount ? aVars[i]! : Infinity
    const vb = j < bCount ? bVars[j]! : Infinity
    if (va === vb) {
      const ma = a.masks[i]!
      const mb = b.masks[j]!
      vars.push(va)
      masks.push(ma === mb ? ma : ma & mb)
      i++
      j++
    } else if (va < vb) {
      vars.push(va)
      masks.push(a.masks[i++]!)
    } else {
      vars.push(vb)
      masks.push(b.masks[j++]!)
    }
  }
  return { vars, masks }
}

/** Whether every walk in `b` is in `a` (a is at least as general). */
export function covers(a: Cube, b: Cube): boolean {
  if (a.vars.length > b.vars.length) return false
  let j = 0
  for (let i = 0; i < a.vars.length; i++) {
    const v = a.vars[i]!
    while (j < b.vars.length && b.vars[j]! < v) j++
    if (j === b.vars.length || b.vars[j] !== v) return false
    const mb = b.masks[j]!
    const ma = a.masks[i]!
    if (mb !== ma && (mb & ma) !== mb) return false
  }
  return true
}

/**
 * Which variables a cube names, folded into 32 bits: a cube can cover another only if it names
 * no variable the other does not, so `(signature(a) & ~signature(b)) !== 0` rules a pair out
 * without comparing masks.
 */
function signature(cube: Cube): number {
  let bits = 0
  for (let i = 0; i < cube.vars.length; i++) bits |= 1 << (cube.vars[i]! & 31)
  return bits
}

/** A number that equal cubes share, to find repeats without building strings. */
function hashOf(cube: Cube): number {
  let hash = cube.vars.length
  for (let i = 0; i < cube.vars.length; i++) {
    hash = (Math.imul(hash, 31) + cube.vars[i]!) | 0
    hash = (Math.imul(hash, 31) + (Number(cube.masks[i]!) | 0)) | 0
  }
  return hash
}

/** Set bits in a 32-bit number. */
function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
}

/** How many values a cube allows, over all its variables. */
function valueCount(cube: Cube): number {
  let count = 0
  const masks = cube.masks
  for (let i = 0; i < masks.length; i++) {
    const mask = masks[i]!
    if (mask <= 0xffffffffn) count += popcount32(Number(mask))
    else for (let m = mask; m !== 0n; m &= m - 1n) count++
  }
  return count
}

function sameCube(a: Cube, b: Cube): boolean {
  if (a.vars.length !== b.vars.length) return false
  for (let i = 0; i < a.vars.length; i++) if (a.vars[i] !== b.vars[i] || a.masks[i] !== b.masks[i]) return false
  return true
}

/**
 * Drops every cube another cube covers, keeping the more general; of equal cubes, the first.
 * The cubes kept stay in their order. Candidates are compared fewest constraints first, each
 * against the cubes kept so far, filtered by variable signature before any mask is compared.
 */
export function absorb(cubes: readonly Cube[]): Cube[] {
  const n = cubes.length
  if (n < 2) return [...cubes]
  if (n <= smallSum) return absorbFew(cubes)
  // Drop exact repeats first, cheaply.
  const buckets = new Map<number, Cube[]>()
  const unique: number[] = []
  for (let i = 0; i < n; i++) {
    const cube = cubes[i]!
    const hash = hashOf(cube)
    const bucket = buckets.get(hash)
    if (bucket === undefined) buckets.set(hash, [cube])
    else if (bucket.some((other) => sameCube(other, cube))) continue
    else bucket.push(cube)
    unique.push(i)
  }
  // A cube can only be covered by one with no more variables, and among cubes with the same
  // variables by one allowing more values: fewest variables first, then most values, so that
  // every cube that could cover another is kept (or dropped) before it is compared.
  const values = new Int32Array(n)
  for (let u = 0; u < unique.length; u++) values[unique[u]!] = valueCount(cubes[unique[u]!]!)
  const order = unique.sort((x, y) => cubes[x]!.vars.length - cubes[y]!.vars.length || values[y]! - values[x]! || x - y)
  const keptIndex: number[] = []
  const keptSignature: number[] = []
  const kept = new Uint8Array(n)
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!
    const cube = cubes[i]!
    const mine = signature(cube)
    let covered = false
    for (let k = 0; k < keptIndex.length; k++) {
      if ((keptSignature[k]! & ~mine) !== 0) continue
      if (covers(cubes[keptIndex[k]!]!, cube)) {
        covered = true
        break
      }
    }
    if (covered) continue
    kept[i] = 1
    keptIndex.push(i)
    keptSignature.push(mine)
  }
  const result: Cube[] = []
  for (let i = 0; i < n; i++) if (kept[i]) result.push(cubes[i]!)
  return result
}

/** Sums this short (most of them) are absorbed by comparing every pair, with nothing to set up. */
const smallSum = 12

/**
 * `absorb` for a few cubes, by what it keeps: a cube is dropped when another, different cube
 * covers it, or an equal cube comes before it.
 */
function absorbFew(cubes: readonly Cube[]): Cube[] {
  const result: Cube[] = []
  outer: for (let i = 0; i < cubes.length; i++) {
    const cube = cubes[i]!
    for (let j = 0; j < cubes.length; j++) {
      if (j === i || !covers(cubes[j]!, cube)) continue
      if (j < i || !covers(cube, cubes[j]!)) continue outer
    }
    result.push(cube)
  }
  return result
}

/** How far the explorer may go: cubes kept per condition, and cube meetings in all. */
export interface Budget {
  maxCubes: number
  maxWork: number
  maxExpand: number
  work: number
  /** Set when any sum was cut. */
  cut: boolean
}

export function createBudget(maxCubes: number, maxWork: number, maxExpand = 200_000): Budget {
  return { maxCubes, maxWork, maxExpand, work: 0, cut: false }
}

function limit(cubes: Cube[], cut: boolean, budget: Budget): Terms {
  const kept = absorb(cubes)
  if (kept.length > budget.maxCubes) {
    budget.cut = true
    // Keep the most general cubes: they stand for the most walks.
    const general = [...kept].sort((a, b) => a.vars.length - b.vars.length)
    return { cubes: general.slice(0, budget.maxCubes), cut: true }
  }
  if (cut) budget.cut = true
  return { cubes: kept, cut }
}

/** The walks in any of the sums. */
export function union(sums: readonly Terms[], budget: Budget): Terms {
  const some = sums.filter((sum) => sum.cubes.length > 0 || sum.cut)
  if (some.length === 0) return never
  if (some.length === 1) return some[0]!
  sums = some
  const cubes: Cube[] = []
  let cut = false
  for (const sum of sums) {
    cubes.push(...sum.cubes)
    cut ||= sum.cut
  }
  return limit(cubes, cut, budget)
}

/** The walks in all of the sums. */
export function intersection(sums: readonly Terms[], budget: Budget): Terms {
  let result: Terms = always
  for (const sum of sums) {
    if (sum.cubes.length === 0 && !sum.cut) return never
    if (sum === always) continue
    if (result.cubes.length === 1 && result.cubes[0]!.vars.length === 0) {
      result = { cubes: sum.cubes, cut: result.cut || sum.cut }
      continue
    }
    const cubes: Cube[] = []
    let cut = result.cut || sum.cut
    // Indexed loops: this product is the explorer's innermost work, and in code not yet
    // optimised an array iterator costs more than the meeting it feeds.
    const left = result.cubes
    const right = sum.cubes
    outer: for (let i = 0; i < left.length; i++) {
      const a = left[i]!
      for (let j = 0; j < right.length; j++) {
        if (budget.work >= budget.maxWork) {
          cut = true
          break outer
        }
        budget.work++
        const met = meet(a, right[j]!)
        if (met) cubes.push(met)
      }
    }
    result = limit(cubes, cut, budget)
    if (result.cubes.length === 0 && !result.cut) return never
  }
  return result
}

/**
 * Merges cubes that differ only in the values of one variable, and drops covered ones, until
 * nothing changes: the shortest way to list the same walks, for people to read.
 */
export function simplify(cubes: readonly Cube[]): Cube[] {
  let current = absorb(cubes)
  for (let changed = true; changed && current.length < 2000; ) {
    changed = false
    const byShape = new Map<string, number[]>()
    current.forEach((cube, i) => {
      const key = cube.vars.join(',')
      const list = byShape.get(key)
      if (list) list.push(i)
      else byShape.set(key, [i])
    })
    const removed = new Set<number>()
    const added: Cube[] = []
    for (const indices of byShape.values()) {
      for (let x = 0; x < indices.length; x++) {
        if (removed.has(indices[x]!)) continue
        for (let y = x + 1; y < indices.length; y++) {
          if (removed.has(indices[y]!)) continue
          const a = current[indices[x]!]!
          const b = current[indices[y]!]!
          let differs = -1
          let count = 0
          for (let k = 0; k < a.vars.length && count < 2; k++) {
            if (a.masks[k] !== b.masks[k]) {
              differs = k
              count++
            }
          }
          if (count !== 1) continue
          const masks = [...a.masks]
          masks[differs] = a.masks[differs]! | b.masks[differs]!
          removed.add(indices[x]!)
          removed.add(indices[y]!)
          added.push({ vars: a.vars, masks })
          changed = true
          break
        }
      }
    }
    if (changed) current = absorb([...current.filter((_, i) => !removed.has(i)), ...added])
  }
  return current
}
