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

/** The walks in both cubes, or undefined when none is. */
export function meet(a: Cube, b: Cube): Cube | undefined {
  if (a.vars.length === 0) return b
  if (b.vars.length === 0) return a
  const vars: number[] = []
  const masks: bigint[] = []
  let i = 0
  let j = 0
  while (i < a.vars.length || j < b.vars.length) {
    const va = i < a.vars.length ? a.vars[i]! : Infinity
    const vb = j < b.vars.length ? b.vars[j]! : Infinity
    if (va === vb) {
      const mask = a.masks[i]! & b.masks[j]!
      if (mask === 0n) return undefined
      vars.push(va)
      masks.push(mask)
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
    if ((b.masks[j]! & ~a.masks[i]!) !== 0n) return false
  }
  return true
}

/** Drops every cube another cube covers, keeping the more general; fewest constraints first. */
export function absorb(cubes: readonly Cube[]): Cube[] {
  if (cubes.length < 2) return [...cubes]
  if (cubes.length <= 24) {
    // Few cubes (the common case): compare every pair; equal cubes keep the first.
    const kept: Cube[] = []
    cubes.forEach((cube, i) => {
      const covered = cubes.some((other, j) => j !== i && covers(other, cube) && (j < i || !covers(cube, other)))
      if (!covered) kept.push(cube)
    })
    return kept
  }
  // Products repeat cubes often: drop exact repeats first, cheaply, before the pairwise check.
  const unique = new Map<string, Cube>()
  for (const cube of cubes) {
    const key = `${cube.vars.join(',')}|${cube.masks.join(',')}`
    if (!unique.has(key)) unique.set(key, cube)
  }
  const sorted = [...unique.values()].sort((a, b) => a.vars.length - b.vars.length)
  const kept: Cube[] = []
  // Kept cubes by variable: a cube can only be covered by one whose variables it all has.
  const byVar = new Map<number, Cube[]>()
  const general: Cube[] = []
  for (const cube of sorted) {
    let covered = general.some((k) => covers(k, cube))
    if (!covered) {
      // Candidates must constrain the cube's first variable that they constrain; check all lists it has.
      const seen = new Set<Cube>()
      for (const v of cube.vars) {
        for (const k of byVar.get(v) ?? []) {
          if (seen.has(k)) continue
          seen.add(k)
          if (covers(k, cube)) {
            covered = true
            break
          }
        }
        if (covered) break
      }
    }
    if (covered) continue
    kept.push(cube)
    if (cube.vars.length === 0) general.push(cube)
    else {
      const first = cube.vars[0]!
      const list = byVar.get(first)
      if (list) list.push(cube)
      else byVar.set(first, [cube])
    }
  }
  return kept
}

/** How far the explorer may go: cubes kept per condition, and cube meetings in all. */
export interface Budget {
  maxCubes: number
  maxWork: number
  work: number
  /** Set when any sum was cut. */
  cut: boolean
}

export function createBudget(maxCubes: number, maxWork: number): Budget {
  return { maxCubes, maxWork, work: 0, cut: false }
}

function limit(cubes: Cube[], cut: boolean, budget: Budget): Terms {
  const kept = absorb(cubes)
  if (kept.length > budget.maxCubes) {
    budget.cut = true
    return { cubes: kept.slice(0, budget.maxCubes), cut: true }
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
    outer: for (const a of result.cubes) {
      for (const b of sum.cubes) {
        if (budget.work >= budget.maxWork) {
          cut = true
          break outer
        }
        budget.work++
        const met = meet(a, b)
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
