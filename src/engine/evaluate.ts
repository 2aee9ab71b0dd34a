import type { AnswerValue, QuestionWork, Session } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import { hasWork, isCompleteAnswer, workOn } from './answers.ts'
import { subjectsOf } from './conditions/dependencies.ts'
import {
  evaluateCondition,
  type AnswerState,
  type EvaluationScope,
  type Outcome,
} from './conditions/evaluate.ts'
import type { ConclusionState, QuestionState, QuestionStatus, SectionProgress, Trace, Walk } from './walk.ts'

/** What evaluation needs of a session: the scenario and the answers. */
export type SessionAnswers = Pick<Session, 'scenario' | 'answers'>

/** What one update changed in a live walk: the positions whose entries were replaced. */
export interface WalkChanges {
  /** Indices into `walk.questions` whose state was replaced, in rulebook order. */
  questions: readonly number[]
  /** Indices into `walk.conclusions` whose state was replaced, in rulebook order. */
  conclusions: readonly number[]
  /** Indices into `walk.sections` whose progress was replaced. */
  sections: readonly number[]
  /** Whether `walk.next` or `walk.progress` changed. */
  summary: boolean
}

/**
 * A walk kept up to date as the student works: `update` re-evaluates only what one question's
 * work can affect (the questions and conclusions whose conditions depend on it, transitively)
 * and says what it replaced, so its cost follows the edit, not the size of the rulebook.
 */
export interface LiveWalk {
  /**
   * The walk, updated in place: a changed entry of `questions`, `conclusions` or `sections` is
   * replaced by a new object (entries are never edited), and `next` and `progress` are
   * reassigned. Equal, at every moment, to `evaluate` on the same answers.
   */
  readonly walk: Walk
  /** Re-evaluates after the work on one question changed (its answer, or whether it has any work). */
  update(questionId: string, work: QuestionWork | undefined): WalkChanges
}

const noTrace: Trace = Object.freeze({
  decidedBy: Object.freeze([]) as unknown as string[],
  missing: Object.freeze([]) as unknown as string[],
  conclusions: Object.freeze([]) as unknown as string[],
})
const notAsked: AnswerState = { state: 'not-asked' }
const toAnswer: AnswerState = { state: 'to-answer' }
const waiting: AnswerState = { state: 'waiting' }
const undetermined: Outcome = { truth: undefined, decided: [], missing: [], conclusions: [] }
const nothingChanged: WalkChanges = Object.freeze({ questions: [], conclusions: [], sections: [], summary: false })

/**
 * Walks the rulebook for a session: which questions are asked, skipped, stale or waiting, what
 * comes next, and which conclusions hold, each with the trace of the answers that decided it.
 * Pure: the same rulebook and answers always give the same walk.
 */
export function evaluate(compiled: CompiledRulebook, session: SessionAnswers): Walk {
  return createLiveWalk(compiled, session).walk
}

/** Which questions and conclusions must be re-evaluated when a question's answer changes. */
interface Dependents {
  questions: number[][]
  conclusions: number[][]
}

const referencesOf = new WeakMap<CompiledRulebook, number[][]>()

/** The conclusions each conclusion's condition names, by index: found once per rulebook (a class walks it for every student). */
function conclusionReferences(compiled: CompiledRulebook): number[][] {
  let known = referencesOf.get(compiled)
  if (!known) referencesOf.set(compiled, (known = findConclusionReferences(compiled)))
  return known
}

function findConclusionReferences(compiled: CompiledRulebook): number[][] {
  return compiled.conclusions.map(({ when }) => {
    const found: number[] = []
    for (const subject of when ? subjectsOf(when) : []) {
      const c = compiled.conclusionIndex.get(subject.name)
      if (c !== undefined) found.push(c)
    }
    return found
  })
}

/**
 * Visits conclusions so that each comes after every conclusion it names, with an explicit stack:
 * a chain of 50,000 conclusions must not overflow the call stack. Cycles (an error the linter
 * reports) are cut where they close.
 */
function inDependencyOrder(references: number[][], roots: Iterable<number>, done: (index: number) => boolean, visit: (index: number) => void): void {
  const onStack = new Set<number>()
  for (const root of roots) {
    if (done(root) || onStack.has(root)) continue
    const stack: { index: number; next: number }[] = [{ index: root, next: 0 }]
    onStack.add(root)
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const refs = references[top.index]!
      if (top.next < refs.length) {
        const dep = refs[top.next++]!
        if (!done(dep) && !onStack.has(dep)) {
          onStack.add(dep)
          stack.push({ index: dep, next: 0 })
        }
        continue
      }
      stack.pop()
      onStack.delete(top.index)
      visit(top.index)
    }
  }
}

const dependentsOf = new WeakMap<CompiledRulebook, Dependents>()

function findDependents(compiled: CompiledRulebook): Dependents {
  const known = dependentsOf.get(compiled)
  if (known) return known
  const { questionIndex, conclusionIndex } = compiled
  const questionCount = compiled.questions.length
  // The questions each conclusion depends on, through other conclusions (cycle-safe).
  const conclusionQuestions = new Map<number, Set<number>>()
  inDependencyOrder(
    conclusionReferences(compiled),
    compiled.conclusions.map((c) => c.index),
    (index) => conclusionQuestions.has(index),
    (index) => {
      const found = new Set<number>()
      const when = compiled.conclusions[index]!.when
      for (const subject of when ? subjectsOf(when) : []) {
        const q = questionIndex.get(subject.name)
        const c = conclusionIndex.get(subject.name)
        if (q !== undefined) found.add(q)
        else if (c !== undefined) conclusionQuestions.get(c)?.forEach((i) => found.add(i))
      }
      conclusionQuestions.set(index, found)
    },
  )
  const questionsOfConclusion = (index: number): Set<number> => conclusionQuestions.get(index) ?? new Set()
  const dependents: Dependents = {
    questions: Array.from({ length: questionCount }, () => []),
    conclusions: Array.from({ length: questionCount }, () => []),
  }
  compiled.conclusions.forEach(({ index }) =>
    questionsOfConclusion(index).forEach((q) => dependents.conclusions[q]!.push(index)),
  )
  for (const { index, when } of compiled.questions) {
    const on = new Set<number>()
    for (const subject of when ? subjectsOf(when) : []) {
      const q = questionIndex.get(subject.name)
      const c = conclusionIndex.get(subject.name)
      if (q !== undefined) on.add(q)
      else if (c !== undefined) questionsOfConclusion(c).forEach((i) => on.add(i))
    }
    on.forEach((q) => dependents.questions[q]!.push(index))
  }
  dependentsOf.set(compiled, dependents)
  return dependents
}

function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === b) return true
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  return a.every((item, i) => item === b[i])
}

function sameState(a: AnswerState, b: AnswerState | undefined): boolean {
  if (!b || a.state !== b.state) return false
  return a.state !== 'given' || sameValue(a.value, (b as { value: AnswerValue }).value)
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]))
}

function sameTrace(a: Trace, b: Trace): boolean {
  return a === b || (sameList(a.decidedBy, b.decidedBy) && sameList(a.missing, b.missing) && sameList(a.conclusions, b.conclusions))
}

/** A small min-heap of question indices: dependents are re-evaluated in rulebook order. */
class IndexQueue {
  private items: number[] = []
  private queued: Uint8Array
  constructor(size: number) {
    this.queued = new Uint8Array(size)
  }
  get size() {
    return this.items.length
  }
  push(index: number) {
    if (this.queued[index]) return
    this.queued[index] = 1
    const items = this.items
    let i = items.push(index) - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (items[parent]! <= index) break
      items[i] = items[parent]!
      i = parent
    }
    items[i] = index
  }
  pop(): number {
    const items = this.items
    const top = items[0]!
    const last = items.pop()!
    if (items.length > 0) {
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        if (left >= items.length) break
        const right = left + 1
        const child = right < items.length && items[right]! < items[left]! ? right : left
        if (items[child]! >= last) break
        items[i] = items[child]!
        i = child
      }
      items[i] = last
    }
    this.queued[top] = 0
    return top
  }
}

/** Counts kept per section, indexed like the rulebook's sections. */
const statusField = {
  answered: 'answered',
  'to-answer': 'toAnswer',
  waiting: 'waiting',
  skipped: 'skipped',
  stale: 'stale',
} as const satisfies Record<QuestionStatus, keyof Omit<SectionProgress, 'id'>>

/**
 * Evaluates a session once, then keeps its walk up to date one question at a time (see
 * `LiveWalk`). The answers are read once here; after that, only what `update` is given.
 */
export function createLiveWalk(compiled: CompiledRulebook, session: SessionAnswers): LiveWalk {
  const { questionIndex, conclusionIndex, sectionIndex } = compiled
  const questionCount = compiled.questions.length
  const scenario = session.scenario

  const values: (AnswerValue | undefined)[] = new Array(questionCount)
  const worked: boolean[] = new Array(questionCount)
  const answerStates: AnswerState[] = new Array(questionCount)
  const whenOutcomes: (Outcome | undefined)[] = new Array(questionCount)
  const outcomes: (Outcome | undefined)[] = new Array(compiled.conclusions.length)
  const evaluating = new Set<number>()
  const sectionOf = new Int32Array(questionCount)
  // One bit per question to answer, so the next one is found in a few word reads.
  const toAnswerBits = new Uint32Array(Math.ceil(questionCount / 32))

  const byQuestionOrder = (ids: readonly string[]): string[] =>
    ids.length < 2
      ? [...ids]
      : [...ids].sort((a, b) => (questionIndex.get(a) ?? 0) - (questionIndex.get(b) ?? 0))
  const toTrace = (outcome: Outcome): Trace => ({
    decidedBy: byQuestionOrder(outcome.decided),
    missing: byQuestionOrder(outcome.missing),
    conclusions: [...outcome.conclusions],
  })

  let current = 0
  const scope: EvaluationScope = {
    scenario,
    lineage: compiled.scenarios.get(scenario)?.lineage,
    answer(questionId) {
      const index = questionIndex.get(questionId)
      if (index === undefined) return notAsked
      // A later question has no state yet; the linter forbids such forward references.
      return index < current ? answerStates[index]! : waiting
    },
    conclusion(conclusionId) {
      const index = conclusionIndex.get(conclusionId)
      return index === undefined ? undetermined : conclusionOutcome(index)
    },
    isConclusion: (id) => conclusionIndex.has(id),
  }

  let references: number[][] | undefined

  function conclusionOutcome(index: number): Outcome {
    const known = outcomes[index]
    if (known) return known
    // The conclusions it names first, in dependency order, so evaluation never nests deeply.
    references ??= conclusionReferences(compiled)
    inDependencyOrder(references, [index], (i) => outcomes[i] !== undefined, evaluateOne)
    return outcomes[index] ?? evaluateOne(index)
  }

  function evaluateOne(index: number): Outcome {
    const known = outcomes[index]
    if (known) return known
    if (evaluating.has(index)) return undetermined // a cycle; the linter reports it
    evaluating.add(index)
    const when = compiled.conclusions[index]!.when
    const outcome = when ? evaluateCondition(when, scope) : undetermined
    evaluating.delete(index)
    outcomes[index] = outcome
    return outcome
  }

  function conclusionState(index: number): ConclusionState {
    const outcome = conclusionOutcome(index)
    return {
      id: compiled.conclusions[index]!.conclusion.id,
      status: outcome.truth === undefined ? 'undetermined' : outcome.truth ? 'holds' : 'fails',
      trace: toTrace(outcome),
    }
  }

  /** Where question `index` stands, from its condition (re-evaluated if asked) and its own work. */
  function questionState(index: number, reevaluate: boolean, previous: Trace | undefined): { state: AnswerState; entry: QuestionState } {
    const compiledQuestion = compiled.questions[index]!
    const { question, when } = compiledQuestion
    current = index
    let outcome = whenOutcomes[index]
    let trace = previous
    if (reevaluate || !trace) {
      outcome = when ? evaluateCondition(when, scope) : undefined
      whenOutcomes[index] = outcome
      trace = outcome ? toTrace(outcome) : noTrace
      if (previous && sameTrace(trace, previous)) trace = previous
    }
    const asked = outcome ? outcome.truth : true
    const value = values[index]
    const complete = isCompleteAnswer(compiledQuestion, value)
    let status: QuestionStatus
    let state: AnswerState
    if (asked === true) {
      status = complete ? 'answered' : 'to-answer'
      state = complete ? { state: 'given', value: value! } : toAnswer
    } else if (asked === false) {
      status = worked[index] ? 'stale' : 'skipped'
      state = notAsked
    } else {
      status = 'waiting'
      state = waiting
    }
    return { state, entry: { id: question.id, index, section: question.section, status, trace } }
  }

  // --- The first, full evaluation -----------------------------------------------------------

  const questions: QuestionState[] = new Array(questionCount)
  for (let i = 0; i < questionCount; i++) {
    const { question } = compiled.questions[i]!
    const work = workOn(session.answers, question.id)
    const value = work?.value
    // Copy lists: a caller may edit an answer's list in place.
    values[i] = Array.isArray(value) ? [...value] : value
    worked[i] = hasWork(work)
    sectionOf[i] = sectionIndex.get(question.section) ?? -1
    const { state, entry } = questionState(i, true, undefined)
    answerStates[i] = state
    questions[i] = entry
  }
  current = questionCount
  const conclusions: ConclusionState[] = compiled.conclusions.map(({ index }) => conclusionState(index))

  const counts = compiled.rulebook.sections.map(({ id }): SectionProgress => ({
    id,
    answered: 0,
    toAnswer: 0,
    waiting: 0,
    skipped: 0,
    stale: 0,
  }))
  let answered = 0
  let total = 0
  for (const { index, status } of questions) {
    const section = counts[sectionOf[index]!]
    if (section) section[statusField[status]]++
    if (status === 'answered') answered++
    if (status === 'answered' || status === 'to-answer' || status === 'waiting') total++
    if (status === 'to-answer') toAnswerBits[index >>> 5]! |= 1 << (index & 31)
  }
  const sections = counts.map((progress) => ({ ...progress }))

  function firstToAnswer(): string | undefined {
    for (let word = 0; word < toAnswerBits.length; word++) {
      const bits = toAnswerBits[word]!
      if (bits !== 0) return questions[word * 32 + (31 - Math.clz32(bits & -bits))]!.id
    }
    return undefined
  }

  const walk: Walk = { questions, conclusions, sections, next: firstToAnswer(), progress: { answered, total } }

  // --- Updates ---------------------------------------------------------------------------------

  const dependents = findDependents(compiled)
  const queue = new IndexQueue(questionCount)
  const conditionDirty = new Uint8Array(questionCount)

  function recount(index: number, from: QuestionStatus, to: QuestionStatus, changedSections: Set<number>) {
    const s = sectionOf[index]!
    const section = counts[s]
    if (section) {
      section[statusField[from]]--
      section[statusField[to]]++
      changedSections.add(s)
    }
    const counted = (status: QuestionStatus) => status === 'answered' || status === 'to-answer' || status === 'waiting'
    answered += Number(to === 'answered') - Number(from === 'answered')
    total += Number(counted(to)) - Number(counted(from))
    if (to === 'to-answer') toAnswerBits[index >>> 5]! |= 1 << (index & 31)
    else toAnswerBits[index >>> 5]! &= ~(1 << (index & 31))
  }

  function update(questionId: string, work: QuestionWork | undefined): WalkChanges {
    const start = questionIndex.get(questionId)
    if (start === undefined) return nothingChanged
    const raw = work?.value
    const value = Array.isArray(raw) ? [...raw] : raw
    const hadWork = hasWork(work)
    if (sameValue(value, values[start]) && hadWork === worked[start]) return nothingChanged
    values[start] = value
    worked[start] = hadWork

    const changedQuestions: number[] = []
    const changedSections = new Set<number>()
    const changedConclusions = new Set<number>()
    queue.push(start)
    while (queue.size > 0) {
      const index = queue.pop()
      const reevaluate = conditionDirty[index] === 1
      conditionDirty[index] = 0
      const before = questions[index]!
      const { state, entry } = questionState(index, reevaluate, before.trace)
      if (entry.status !== before.status || entry.trace !== before.trace) {
        questions[index] = entry
        changedQuestions.push(index)
        if (entry.status !== before.status) recount(index, before.status, entry.status, changedSections)
      }
      if (sameState(state, answerStates[index])) continue
      answerStates[index] = state
      for (const q of dependents.questions[index]!) {
        conditionDirty[q] = 1
        queue.push(q)
      }
      for (const c of dependents.conclusions[index]!) {
        if (changedConclusions.has(c)) continue
        changedConclusions.add(c)
        outcomes[c] = undefined
      }
    }

    current = questionCount
    const replacedConclusions: number[] = []
    for (const index of [...changedConclusions].sort((a, b) => a - b)) {
      const before = conclusions[index]!
      const after = conclusionState(index)
      if (after.status === before.status && sameTrace(after.trace, before.trace)) continue
      conclusions[index] = after
      replacedConclusions.push(index)
    }

    for (const s of changedSections) sections[s] = { ...counts[s]! }
    let summary = false
    if (walk.progress.answered !== answered || walk.progress.total !== total) {
      walk.progress = { answered, total }
      summary = true
    }
    const next = firstToAnswer()
    if (next !== walk.next) {
      walk.next = next
      summary = true
    }
    if (changedQuestions.length === 0 && replacedConclusions.length === 0 && !summary) return nothingChanged
    return {
      questions: changedQuestions.sort((a, b) => a - b),
      conclusions: replacedConclusions,
      sections: [...changedSections],
      summary,
    }
  }

  return { walk, update }
}

/**
 * An evaluator that remembers its last walk: given the whole session again after edits, it
 * finds which questions' work changed and re-evaluates only what those can affect. Gives the
 * same walk as `evaluate`. Finding the changes reads every answer; an editor that knows which
 * question it changed should keep a `createLiveWalk` and call `update` instead.
 */
export function createEvaluator(compiled: CompiledRulebook): (session: SessionAnswers) => Walk {
  let live: LiveWalk | undefined
  let scenario: string | undefined
  return function evaluateSession(session: SessionAnswers): Walk {
    if (!live || scenario !== session.scenario) {
      live = createLiveWalk(compiled, session)
      scenario = session.scenario
    } else {
      for (const { question } of compiled.questions) live.update(question.id, workOn(session.answers, question.id))
    }
    const { questions, conclusions, sections, next, progress } = live.walk
    return { questions: questions.slice(), conclusions: conclusions.slice(), sections: sections.slice(), next, progress }
  }
}
