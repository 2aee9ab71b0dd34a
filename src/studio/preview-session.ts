/** The preview's answers as the engine evaluates them. Pure. */
import type { SessionAnswers } from '@/engine/evaluate'
import type { AnswerValue, QuestionWork } from '@/engine/generated/session'

const epoch = '1970-01-01T00:00:00.000Z'

/** A session of just answers (no reasoning, no timestamps worth keeping), for evaluation. */
export function previewSession(scenario: string, answers: Readonly<Record<string, AnswerValue>>): SessionAnswers {
  const work: Record<string, QuestionWork> = {}
  for (const [questionId, value] of Object.entries(answers)) work[questionId] = { value, createdAt: epoch, updatedAt: epoch }
  return { scenario, answers: work }
}
