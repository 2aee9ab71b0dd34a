import type { AnswerValue, Session } from './generated/session.ts'
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

const noTrace: Trace = Object.freeze({
  decidedBy: Object.freeze([]) as unknown as string[],
  missing: Object.freeze([]) as unknown as string[],
  conclusions: Object.freeze([]) as unknown as string[],
})
const notAsked: AnswerState = { state: 'not-asked' }
const toAnswer: AnswerState = { state: 'to-answer' }
const waiting: AnswerState = { state: 'waiting' }
const undetermined: Outcome = { truth: undefined, decided: [], missing: [], conclusions: [] }

/**
 * Walks the rulebook for a session: which questions are asked, skipped, stale or waiting, what
 * comes next, and which conclusions hold, each with the trace of the answers that decided it.
 * Pure: the same rulebook and answers always give the same walk.
 */
export function evaluate(compiled: CompiledRulebook, session: SessionAnswers): Walk {
  return createEvaluator(compiled)(session)
}

/** Which questions and conclusions must be re-evaluated when a question's answer changes. */
interface Dependents {
  questions: number[][]
  conclusions: number[][]
}

/** The conclusions each conclusion's condition names, by index. */
function conclusionReferences(compiled: CompiledRulebook): number[][] {
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

function findDependents(compiled: CompiledRulebook): Dependents {
  const { questionIndex, conclusionIndex } = compiled
  const questionCount = compiled.questions.length
  // The questions each conclusion depends on, through other conclusions (cycle-safe).
  const conclusionQuestions = new Map<number, Set<number>>()
  const references = conclusionReferences(compiled)
  inDependencyOrder(
    references,
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
  return dependents
}

function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === b) return true
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  return a.every((item, i) => item === b[i])
}

function sameState(a: AnswerState, b: AnswerState): boolean {
  if (a.state !== b.state) return false
  return a.state !== 'given' || sameValue(a.value, (b as { value: AnswerValue }).value)
}

/** What the previous evaluation saw and concluded, to re-evaluate only what an edit affects. */
interface Memory {
  scenario: string
  values: (AnswerValue | undefined)[]
  worked: boolean[]
  answerStates: AnswerState[]
  questions: QuestionState[]
  outcomes: (Outcome | undefined)[]
  conclusions: ConclusionState[]
}

/**
 * An evaluator that remembers its last walk: after one answer changes, it re-evaluates only the
 * questions and conclusions that depend on it, so a walk stays fast on very large rulebooks.
 * Gives the same walk as `evaluate`.
 */
export function createEvaluator(compiled: CompiledRulebook): (session: SessionAnswers) => Walk {
  const { questionIndex, conclusionIndex } = compiled
  const questionCount = compiled.questions.length
  let dependents: Dependents | undefined
  let references: number[][] | undefined
  let memory: Memory | undefined

  const byQuestionOrder = (ids: readonly string[]): string[] =>
    ids.length < 2
      ? [...ids]
      : [...ids].sort((a, b) => (questionIndex.get(a) ?? 0) - (questionIndex.get(b) ?? 0))
  const toTrace = (outcome: Outcome): Trace => ({
    decidedBy: byQuestionOrder(outcome.decided),
    missing: byQuestionOrder(outcome.missing),
    conclusions: [...outcome.conclusions],
  })

  return function evaluateSession(session: SessionAnswers): Walk {
    const previous = memory?.scenario === session.scenario ? memory : undefined
    const values: (AnswerValue | undefined)[] = new Array(questionCount)
    const worked: boolean[] = new Array(questionCount)
    const dirty = new Uint8Array(questionCount)
    let firstDirty = previous ? questionCount : 0

    for (let i = 0; i < questionCount; i++) {
      const work = workOn(session.answers, compiled.questions[i]!.question.id)
      const value = work?.value
      // Copy lists: a caller may edit an answer's list in place.
      values[i] = Array.isArray(value) ? [...value] : value
      // Kept work matters only to questions not asked (stale rather than skipped).
      worked[i] = previous?.answerStates[i] === notAsked || !previous ? hasWork(work) : false
      if (previous && (!sameValue(values[i], previous.values[i]) || worked[i] !== previous.worked[i])) {
        dirty[i] = 1
        if (i < firstDirty) firstDirty = i
      }
    }

    const answerStates: AnswerState[] = previous ? previous.answerStates.slice() : []
    const questions: QuestionState[] = previous ? previous.questions.slice() : new Array(questionCount)
    const outcomes: (Outcome | undefined)[] = previous ? previous.outcomes.slice() : []
    const evaluating = new Set<number>()

    const scope: EvaluationScope = {
      scenario: session.scenario,
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
    let current = 0

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

    function conclusionOutcome(index: number): Outcome {
      const known = outcomes[index]
      if (known) return known
      // The conclusions it names first, in dependency order, so evaluation never nests deeply.
      references ??= conclusionReferences(compiled)
      inDependencyOrder(references, [index], (i) => outcomes[i] !== undefined, evaluateOne)
      return outcomes[index] ?? evaluateOne(index)
    }

    const changedConclusions = new Set<number>()
    if (previous) dependents ??= findDependents(compiled)
    for (current = firstDirty; current < questionCount; current++) {
      if (previous && !dirty[current]) continue
      const compiledQuestion = compiled.questions[current]!
      const { question, index, when } = compiledQuestion
      const outcome = when ? evaluateCondition(when, scope) : undefined
      const asked = outcome ? outcome.truth : true
      const value = values[index]
      const complete = isCompleteAnswer(compiledQuestion, value)

      let status: QuestionStatus
      let state: AnswerState
      if (asked === true) {
        status = complete ? 'answered' : 'to-answer'
        state = complete ? { state: 'given', value: value! } : toAnswer
      } else if (asked === false) {
        worked[index] = hasWork(workOn(session.answers, question.id))
        status = worked[index] ? 'stale' : 'skipped'
        state = notAsked
      } else {
        status = 'waiting'
        state = waiting
      }
      const stateChanged = !previous || !sameState(state, previous.answerStates[index]!)
      answerStates[index] = state
      questions[index] = {
        id: question.id,
        index,
        section: question.section,
        status,
        trace: outcome ? toTrace(outcome) : noTrace,
      }
      if (previous && stateChanged) {
        for (const q of dependents!.questions[index]!) dirty[q] = 1
        for (const c of dependents!.conclusions[index]!) {
          if (!changedConclusions.has(c)) {
            changedConclusions.add(c)
            outcomes[c] = undefined
          }
        }
      }
    }

    const conclusions: ConclusionState[] = previous ? previous.conclusions.slice() : []
    for (const { conclusion, index } of compiled.conclusions) {
      if (previous && !changedConclusions.has(index)) continue
      const outcome = conclusionOutcome(index)
      conclusions[index] = {
        id: conclusion.id,
        status: outcome.truth === undefined ? 'undetermined' : outcome.truth ? 'holds' : 'fails',
        trace: toTrace(outcome),
      }
    }

    memory = { scenario: session.scenario, values, worked, answerStates, questions, outcomes, conclusions }
    return summarise(compiled, questions, conclusions)
  }
}

/** Counts progress per section and finds the next question to answer. */
function summarise(compiled: CompiledRulebook, questions: QuestionState[], conclusions: ConclusionState[]): Walk {
  const sections: SectionProgress[] = compiled.rulebook.sections.map(({ id }) => ({
    id,
    answered: 0,
    toAnswer: 0,
    waiting: 0,
    skipped: 0,
    stale: 0,
  }))
  const { sectionIndex } = compiled
  let next: string | undefined
  let answered = 0
  let total = 0
  for (const { id, section, status } of questions) {
    const counts = sections[sectionIndex.get(section) ?? -1]
    switch (status) {
      case 'answered':
        answered++
        total++
        if (counts) counts.answered++
        break
      case 'to-answer':
        total++
        next ??= id
        if (counts) counts.toAnswer++
        break
      case 'waiting':
        total++
        if (counts) counts.waiting++
        break
      case 'skipped':
        if (counts) counts.skipped++
        break
      case 'stale':
        if (counts) counts.stale++
        break
    }
  }
  return { questions, conclusions, sections, next, progress: { answered, total } }
}
