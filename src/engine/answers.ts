import type { AnswerValue, QuestionWork, Session } from './generated/session.ts'
import type { CompiledQuestion } from './compile.ts'

/** The work on a question, if any; own properties only, so ids like `constructor` stay inert. */
export function workOn(answers: Session['answers'], questionId: string): QuestionWork | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined
}

/** Whether a value is a complete answer to the question (a value for another kind is not). */
export function isCompleteAnswer(compiled: CompiledQuestion, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false
  const { answer } = compiled.question
  switch (answer.kind) {
    case 'yes-no':
    case 'single-choice':
      return typeof value === 'string' && compiled.options.includes(value)
    case 'multiple-choice':
      return (
        Array.isArray(value) && value.length > 0 && value.every((v) => compiled.options.includes(v))
      )
    case 'scale':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= (answer.min ?? -Infinity) &&
        value <= (answer.max ?? Infinity)
      )
    case 'free-text':
      return typeof value === 'string' && value.trim() !== ''
  }
}

/** Text with something in it. (Not a closure in `hasWork`, which runs for every question of a walk.) */
const filled = (text: string | undefined) => text !== undefined && text.trim() !== ''

/** Whether the student has done anything on a question that must never be thrown away. */
export function hasWork(work: QuestionWork | undefined): boolean {
  if (!work) return false
  const { value, reasoning, counterArgument, citedFacts, confidence } = work
  return (
    (value !== undefined && !(Array.isArray(value) && value.length === 0) && value !== '') ||
    filled(reasoning?.issue) ||
    filled(reasoning?.rule) ||
    filled(reasoning?.application) ||
    filled(reasoning?.conclusion) ||
    filled(counterArgument) ||
    (citedFacts?.length ?? 0) > 0 ||
    confidence !== undefined
  )
}
