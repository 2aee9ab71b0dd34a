import type { AnswerValue, QuestionWork } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import type { ConclusionStatus, QuestionStatus, Walk } from './walk.ts'
import { createLiveWalk, type SessionAnswers } from './evaluate.ts'
import { isCompleteAnswer, workOn } from './answers.ts'
import { createSums, type ExploreLimits, type Sums } from './explore/sums.ts'
import { feasible } from './explore/answer-sets.ts'
import type { Cube, Terms } from './explore/terms.ts'

/** What to change: a conclusion's status, or whether a question is asked. */
export type WhatIfTarget = { conclusion: string } | { question: string }

/** A question's status as what-if sees it: asked (answered or not), not asked, or not yet known. */
export type AskedStatus = 'asked' | 'not-asked' | 'waiting'

/** One change to the student's answers. */
export interface AnswerChange {
  question: string
  /** 1-based, as students see it. */
  number: number
  /** The answer now (undefined: none). */
  from: AnswerValue | undefined
  /** One answer that does it (undefined: clear the answer). */
  to: AnswerValue | undefined
  /** Every answer that would do, as option ids, `answered`, `unanswered`, or scale ranges like `4–5`. */
  allowed: string[]
}

/** One way to change the target: the changes, and what the walk then gives. */
export interface WhatIfOption {
  changes: AnswerChange[]
  /** The target's status after the changes. */
  status: ConclusionStatus | AskedStatus
  /** Every conclusion whose status the changes alter, with its new status. */
  alsoChanges: { conclusion: string; from: ConclusionStatus; to: ConclusionStatus }[]
}

export interface WhatIfResult {
  target: WhatIfTarget
  /** The target's status now. */
  status: ConclusionStatus | AskedStatus
  /** The smallest sets of changes first; none when nothing the student answers can change it. */
  options: WhatIfOption[]
  /** How many distinct minimal ways there are (options lists at most `max`). */
  found: number
  /** False when the explorer's budget cut the search: there may be other ways. */
  complete: boolean
}

const changeTime = '1970-01-01T00:00:00Z'

function askedStatus(status: QuestionStatus): AskedStatus {
  return status === 'answered' || status === 'to-answer' ? 'asked' : status === 'waiting' ? 'waiting' : 'not-asked'
}

/** The class (bit) a stored answer falls in for the explorer, or 0 for none. */
function classOf(sums: Sums, q: number, value: AnswerValue | undefined): number {
  const compiledQuestion = sums.compiled.questions[q]!
  if (!isCompleteAnswer(compiledQuestion, value)) return 0
  const labels = sums.layout.values[q]!
  switch (compiledQuestion.question.answer.kind) {
    case 'yes-no':
    case 'single-choice':
      return labels.indexOf(value as string)
    case 'scale':
      return sums.layout.ranges[q]!.findIndex((range) => range !== undefined && (value as number) >= range[0] && (value as number) <= range[1])
    case 'free-text':
    case 'multiple-choice':
      return 1
  }
}

function bits(mask: bigint): number[] {
  const found: number[] = []
  for (let k = 0; mask > 0n; k++, mask >>= 1n) if (mask & 1n) found.push(k)
  return found
}

/** The changes that bring the stored answers into a cube, or undefined when the scenario rules it out. */
function changesFor(sums: Sums, cube: Cube, session: SessionAnswers): AnswerChange[] | undefined {
  const { layout, compiled } = sums
  const wanted = new Map<number, { mask?: bigint; ticked: Set<number>; unticked: Set<number> }>()
  const entry = (q: number) => {
    let found = wanted.get(q)
    if (!found) wanted.set(q, (found = { ticked: new Set(), unticked: new Set() }))
    return found
  }
  for (let i = 0; i < cube.vars.length; i++) {
    const v = cube.vars[i]!
    const mask = cube.masks[i]!
    if (v === layout.scenarioVar) {
      const allowed = bits(mask).map((k) => layout.scenarios[k])
      if (!allowed.includes(session.scenario)) return undefined
    } else if (v < layout.questionCount) {
      entry(v).mask = mask
    } else {
      const owner = layout.optionOf.get(v)!
      if (mask === 2n) entry(owner.question).ticked.add(owner.option)
      if (mask === 1n) entry(owner.question).unticked.add(owner.option)
    }
  }
  const changes: AnswerChange[] = []
  for (const [q, want] of [...wanted.entries()].sort((a, b) => a[0] - b[0])) {
    const { question, options } = compiled.questions[q]!
    const from = workOn(session.answers, question.id)?.value
    const current = classOf(sums, q, from)
    const mask = want.mask ?? ~1n
    const labels = layout.values[q]!
    const allowed = bits(mask & ((1n << BigInt(labels.length)) - 1n)).map((k) => labels[k]!)
    if (question.answer.kind === 'multiple-choice') {
      const chosen = new Set(Array.isArray(from) && current === 1 ? from.map((id) => options.indexOf(id)).filter((k) => k >= 0) : [])
      if (mask === 1n) {
        if (current !== 0) changes.push({ question: question.id, number: q + 1, from, to: undefined, allowed: ['unanswered'] })
        continue
      }
      want.ticked.forEach((k) => chosen.add(k))
      want.unticked.forEach((k) => chosen.delete(k))
      if (chosen.size === 0 && (mask & 1n) === 0n) {
        const free = options.findIndex((_, k) => !want.unticked.has(k))
        if (free >= 0) chosen.add(free)
      }
      const to = [...chosen].sort((a, b) => a - b).map((k) => options[k]!)
      const same = Array.isArray(from) && current === 1 && to.length === from.length && to.every((id) => from.includes(id))
      if (!same && !(to.length === 0 && current === 0)) {
        const words = [...[...want.ticked].map((k) => `+${options[k]}`), ...[...want.unticked].map((k) => `-${options[k]}`)]
        changes.push({ question: question.id, number: q + 1, from, to: to.length > 0 ? to : undefined, allowed: words.length > 0 ? words : allowed })
      }
      continue
    }
    if ((mask & (1n << BigInt(current))) !== 0n) continue
    const target = bits(mask).find((k) => k > 0) ?? 0
    let to: AnswerValue | undefined
    switch (question.answer.kind) {
      case 'yes-no':
      case 'single-choice':
        to = target === 0 ? undefined : labels[target]
        break
      case 'scale':
        to = target === 0 ? undefined : layout.ranges[q]![target]![0]
        break
      case 'free-text':
        to = target === 0 ? undefined : typeof from === 'string' && from.trim() !== '' ? from : 'Written answer.'
        break
    }
    changes.push({ question: question.id, number: q + 1, from, to, allowed })
  }
  return changes
}

/** The work on a question once a change is made: the new answer, the rest of the work kept. */
function changedWork(session: SessionAnswers, change: AnswerChange): QuestionWork | undefined {
  const work = workOn(session.answers, change.question)
  if (change.to === undefined) {
    if (!work) return undefined
    const rest = { ...work }
    delete rest.value
    return rest
  }
  return { ...(work ?? {}), value: change.to, updatedAt: work?.updatedAt ?? changeTime }
}

/**
 * The smallest sets of changes to a student's answers that would change a conclusion's status (or
 * whether a question is asked), ranked by size, each with the status it would then have. Changes
 * respect the walk: an answer counts only where its question would then be asked, and the answers
 * that make it asked are part of the change. Pure; runs in the browser and in node.
 */
export function whatIf(
  compiled: CompiledRulebook,
  session: SessionAnswers,
  target: WhatIfTarget,
  options: { max?: number; limits?: ExploreLimits; sums?: Sums } = {},
): WhatIfResult {
  const max = options.max ?? 10
  const sums = options.sums ?? createSums(compiled, options.limits)
  // One walk, kept up to date: each way is tried by updating only the questions it changes,
  // then those questions are put back.
  const live = createLiveWalk(compiled, session)
  const snapshot = (): Walk => ({ ...live.walk, questions: live.walk.questions.slice(), conclusions: live.walk.conclusions.slice() })
  const before = snapshot()
  const statusIn = (walk: Walk): ConclusionStatus | AskedStatus =>
    'conclusion' in target
      ? walk.conclusions[compiled.conclusionIndex.get(target.conclusion)!]!.status
      : askedStatus(walk.questions[compiled.questionIndex.get(target.question)!]!.status)

  let goals: Terms[]
  if ('conclusion' in target) {
    const index = compiled.conclusionIndex.get(target.conclusion)
    if (index === undefined) throw new Error(`no conclusion ${target.conclusion}`)
    const split = sums.conclusion(index)
    const now = before.conclusions[index]!.status
    goals = now === 'holds' ? [split.no] : now === 'fails' ? [split.yes] : [split.yes, split.no]
  } else {
    const index = compiled.questionIndex.get(target.question)
    if (index === undefined) throw new Error(`no question ${target.question}`)
    const split = sums.question(index)
    const now = askedStatus(before.questions[index]!.status)
    goals = now === 'asked' ? [split.no] : now === 'not-asked' ? [split.yes] : [split.yes, split.no]
  }
  const status = statusIn(before)

  const candidates = new Map<string, AnswerChange[]>()
  const expanded = goals.map((goal) => sums.expand(goal, { accept: (cube) => feasible(sums.layout, cube) }))
  for (const goal of expanded) {
    for (const cube of goal.cubes) {
      if (!feasible(sums.layout, cube)) continue
      const changes = changesFor(sums, cube, session)
      if (!changes || changes.length === 0) continue
      const key = changes.map((c) => `${c.question}=${JSON.stringify(c.to)}`).join('&')
      if (!candidates.has(key)) candidates.set(key, changes)
    }
  }
  // Minimal: drop a way whose questions include every question of another way.
  const ways = [...candidates.values()].sort((a, b) => a.length - b.length || a[0]!.number - b[0]!.number)
  const minimal = ways.filter((way, i) => {
    const questions = new Set(way.map((c) => c.question))
    return !ways.some((other, j) => j !== i && other.length < way.length && other.every((c) => questions.has(c.question)))
  })

  const results: WhatIfOption[] = []
  for (const changes of minimal) {
    if (results.length >= max) break
    for (const change of changes) live.update(change.question, changedWork(session, change))
    const after = snapshot()
    for (const change of changes) live.update(change.question, workOn(session.answers, change.question))
    const newStatus = statusIn(after)
    // Checked by evaluation, not only derived: a way that does not change the target is left out.
    if (newStatus === status) continue
    results.push({
      changes,
      status: newStatus,
      alsoChanges: after.conclusions.flatMap((state, i) => {
        const from = before.conclusions[i]!.status
        return state.status !== from ? [{ conclusion: state.id, from, to: state.status }] : []
      }),
    })
  }
  const complete = !expanded.some((goal) => goal.cut)
  return { target, status, options: results, found: minimal.length, complete }
}
