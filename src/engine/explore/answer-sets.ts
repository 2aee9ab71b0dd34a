import type { Session } from '../generated/session.ts'
import type { SessionAnswers } from '../evaluate.ts'
import type { Layout } from './layout.ts'
import type { Cube } from './terms.ts'
import type { Sums } from './sums.ts'

/** One answer of a minimal set, as data: what a question must be for the set to apply. */
export interface AnswerCondition {
  question: string
  /** 1-based, as students see it. */
  number: number
  /**
   * The answers allowed: option ids (`yes`, `no`, options), `answered` (free text or multiple
   * choice), `unanswered` (asked and left open), or scale ranges such as `4–10`.
   */
  values: string[]
  /** Multiple choice: options that must be ticked, and options that must not be. */
  ticked?: string[]
  unticked?: string[]
}

/** A set of answers (and possibly scenarios) on which something is decided. */
export interface AnswerSet {
  answers: AnswerCondition[]
  /** The scenarios it applies to; absent when it applies to every scenario. */
  scenarios?: string[]
}

function bits(mask: bigint): number[] {
  const found: number[] = []
  for (let k = 0; mask > 0n; k++, mask >>= 1n) if (mask & 1n) found.push(k)
  return found
}

/** Whether some partial walk lies in the cube: a ticked option is needed for an answered multiple choice. */
export function feasible(layout: Layout, cube: Cube): boolean {
  const forcedOut = new Map<number, number>()
  let answered: number[] | undefined
  cube.vars.forEach((v, i) => {
    const owner = layout.optionOf.get(v)
    if (owner && cube.masks[i] === 1n) forcedOut.set(owner.question, (forcedOut.get(owner.question) ?? 0) + 1)
    if (v < layout.questionCount && layout.optionVars[v] && cube.masks[i] === 2n) (answered ??= []).push(v)
  })
  return !answered?.some((q) => forcedOut.get(q) === layout.optionVars[q]!.length)
}

/** Whether a complete walk (every asked question answered) lies in the cube. */
export function completeFeasible(layout: Layout, cube: Cube): boolean {
  return cube.vars.every((v, i) => v >= layout.questionCount || (cube.masks[i]! & ~1n) !== 0n) && feasible(layout, cube)
}

/** A cube as a set of answers people and tools can read. */
export function answerSetOf(sums: Sums, cube: Cube): AnswerSet {
  const { layout, compiled } = sums
  const byQuestion = new Map<number, AnswerCondition>()
  const condition = (q: number): AnswerCondition => {
    let found = byQuestion.get(q)
    if (!found) {
      found = { question: compiled.questions[q]!.question.id, number: q + 1, values: [] }
      byQuestion.set(q, found)
    }
    return found
  }
  let scenarios: string[] | undefined
  cube.vars.forEach((v, i) => {
    const mask = cube.masks[i]!
    if (v === layout.scenarioVar) {
      scenarios = bits(mask).map((k) => layout.scenarios[k]!)
    } else if (v < layout.questionCount) {
      const labels = layout.values[v]!
      const everyAnswer = ((1n << BigInt(labels.length)) - 1n) & ~1n
      // Every answer allowed, but not none: the question is answered, whatever the answer.
      condition(v).values = mask === everyAnswer ? ['answered'] : bits(mask).map((k) => labels[k]!)
    } else {
      const owner = layout.optionOf.get(v)!
      const entry = condition(owner.question)
      const option = compiled.questions[owner.question]!.options[owner.option]!
      if (mask === 2n) (entry.ticked ??= []).push(option)
      if (mask === 1n) (entry.unticked ??= []).push(option)
    }
  })
  for (const entry of byQuestion.values()) if (entry.values.length === 0) entry.values = ['answered']
  const answers = [...byQuestion.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry)
  return scenarios ? { answers, scenarios } : { answers }
}

const witnessTime = '1970-01-01T00:00:00Z'

/**
 * A partial walk inside the cube: the first allowed answer to every question it names (an
 * answer rather than none, where both are allowed), nothing else answered.
 */
export function witnessOf(sums: Sums, cube: Cube, scenario?: string): SessionAnswers {
  const { layout, compiled } = sums
  const answers: Session['answers'] = {}
  let chosenScenario = scenario ?? layout.scenarios[0]!
  const ticked = new Map<number, Set<number>>()
  const banned = new Map<number, Set<number>>()
  cube.vars.forEach((v, i) => {
    const mask = cube.masks[i]!
    const owner = layout.optionOf.get(v)
    if (owner) {
      const into = mask === 2n ? ticked : mask === 1n ? banned : undefined
      if (into) into.set(owner.question, (into.get(owner.question) ?? new Set()).add(owner.option))
    }
  })
  cube.vars.forEach((v, i) => {
    const mask = cube.masks[i]!
    if (v === layout.scenarioVar) {
      const allowed = bits(mask).map((k) => layout.scenarios[k]!)
      if (!allowed.includes(chosenScenario)) chosenScenario = allowed[0]!
      return
    }
    if (v >= layout.questionCount) return
    const choices = bits(mask)
    const k = choices.find((c) => c > 0) ?? 0
    if (k === 0) return
    const { question, options } = compiled.questions[v]!
    let value: string | number | string[]
    switch (question.answer.kind) {
      case 'yes-no':
      case 'single-choice':
        value = layout.values[v]![k]!
        break
      case 'free-text':
        value = 'An answer.'
        break
      case 'scale':
        value = layout.ranges[v]![k]![0]
        break
      case 'multiple-choice': {
        const on = [...(ticked.get(v) ?? [])]
        if (on.length === 0) {
          const free = options.findIndex((_, o) => !banned.get(v)?.has(o))
          if (free >= 0) on.push(free)
        }
        value = on.sort((a, b) => a - b).map((o) => options[o]!)
        break
      }
    }
    answers[question.id] = { value, updatedAt: witnessTime }
  })
  return { scenario: chosenScenario, answers }
}
