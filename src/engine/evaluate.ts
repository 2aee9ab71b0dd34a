import type { Session } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import { hasWork, isCompleteAnswer, workOn } from './answers.ts'
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
  const { questionIndex, conclusionIndex } = compiled
  const answerStates: AnswerState[] = []
  const conclusionOutcomes: (Outcome | 'evaluating' | undefined)[] = []

  const byQuestionOrder = (ids: readonly string[]): string[] =>
    ids.length < 2
      ? [...ids]
      : [...ids].sort((a, b) => (questionIndex.get(a) ?? 0) - (questionIndex.get(b) ?? 0))
  const toTrace = (outcome: Outcome): Trace => ({
    decidedBy: byQuestionOrder(outcome.decided),
    missing: byQuestionOrder(outcome.missing),
    conclusions: [...outcome.conclusions],
  })

  const scope: EvaluationScope = {
    scenario: session.scenario,
    answer(questionId) {
      const index = questionIndex.get(questionId)
      if (index === undefined) return notAsked
      // A later question has no state yet; the linter forbids such forward references.
      return answerStates[index] ?? waiting
    },
    conclusion(conclusionId) {
      const index = conclusionIndex.get(conclusionId)
      return index === undefined ? undetermined : conclusionOutcome(index)
    },
    isConclusion: (id) => conclusionIndex.has(id),
  }

  function conclusionOutcome(index: number): Outcome {
    const known = conclusionOutcomes[index]
    if (known === 'evaluating') return undetermined // a cycle; the linter reports it
    if (known) return known
    conclusionOutcomes[index] = 'evaluating'
    const when = compiled.conclusions[index]!.when
    const outcome = when ? evaluateCondition(when, scope) : undetermined
    conclusionOutcomes[index] = outcome
    return outcome
  }

  const questions: QuestionState[] = []
  const progress = new Map<string, SectionProgress>()
  for (const section of compiled.rulebook.sections) {
    progress.set(section.id, { id: section.id, answered: 0, toAnswer: 0, waiting: 0, skipped: 0, stale: 0 })
  }
  let next: string | undefined
  let answered = 0
  let total = 0

  for (const compiledQuestion of compiled.questions) {
    const { question, index, when } = compiledQuestion
    const outcome = when ? evaluateCondition(when, scope) : undefined
    const asked = outcome ? outcome.truth : true
    const work = workOn(session.answers, question.id)
    const complete = isCompleteAnswer(compiledQuestion, work?.value)

    let status: QuestionStatus
    if (asked === true) {
      status = complete ? 'answered' : 'to-answer'
      answerStates[index] = complete ? { state: 'given', value: work!.value! } : toAnswer
    } else if (asked === false) {
      status = hasWork(work) ? 'stale' : 'skipped'
      answerStates[index] = notAsked
    } else {
      status = 'waiting'
      answerStates[index] = waiting
    }

    questions.push({
      id: question.id,
      index,
      section: question.section,
      status,
      trace: outcome ? toTrace(outcome) : noTrace,
    })
    const sectionProgress = progress.get(question.section)
    if (status === 'answered') answered++
    if (status === 'answered' || status === 'to-answer' || status === 'waiting') total++
    if (status === 'to-answer' && next === undefined) next = question.id
    if (sectionProgress) {
      if (status === 'answered') sectionProgress.answered++
      else if (status === 'to-answer') sectionProgress.toAnswer++
      else if (status === 'waiting') sectionProgress.waiting++
      else if (status === 'skipped') sectionProgress.skipped++
      else sectionProgress.stale++
    }
  }

  const conclusions: ConclusionState[] = compiled.conclusions.map(({ conclusion, index }) => {
    const outcome = conclusionOutcome(index)
    return {
      id: conclusion.id,
      status: outcome.truth === undefined ? 'undetermined' : outcome.truth ? 'holds' : 'fails',
      trace: toTrace(outcome),
    }
  })

  return {
    questions,
    conclusions,
    sections: [...progress.values()],
    next,
    progress: { answered, total },
  }
}
