/**
 * What the LMS records of a workbook: one interaction per asked question, progress and
 * completion (SCORM 2004 RTE 4.2.9, 4.2.18, 4.2.4). No score: reasoning is not auto-graded, and an
 * invented number in the gradebook would mislead; instructors grade from the hand-in or the class view.
 * Pure: data in, data out.
 */
import type { Question, Rulebook } from '@/engine/generated/rulebook'
import type { AnswerValue, Session } from '@/engine/generated/session'
import type { Walk } from '@/engine/walk'

/** One `cmi.interactions.n` entry. */
export interface Interaction {
  id: string
  type: 'true-false' | 'choice' | 'numeric' | 'long-fill-in'
  description: string
  learnerResponse: string
  timestamp: string
}

/** Everything the runtime writes to the LMS besides the suspended session. */
export interface LmsRecord {
  interactions: Interaction[]
  /** Committed asked questions over asked questions, 0–1. */
  progressMeasure: number
  completionStatus: 'completed' | 'incomplete'
}

/** SPM of `long-fill-in` responses and of descriptions (RTE 4.2.9.1). */
const responseLimit = 4000
const descriptionLimit = 250

/** The LMS's view of a workbook: only questions the walk asks and the student answered. */
export function lmsRecord(rulebook: Rulebook, session: Session, walk: Walk): LmsRecord {
  const questions = new Map(rulebook.questions.map((question) => [question.id, question]))
  const asked = walk.questions.filter((state) => state.status === 'answered' || state.status === 'to-answer')
  const interactions: Interaction[] = []
  let committed = 0
  for (const state of asked) {
    const question = questions.get(state.id)
    const work = session.answers[state.id]
    if (work?.committedAt) committed++
    if (!question || work?.value === undefined || state.status !== 'answered') continue
    interactions.push({
      id: question.id,
      ...response(question, work.value),
      description: `Q${state.index + 1}. ${question.title}`.slice(0, descriptionLimit),
      timestamp: scormTime(work.updatedAt),
    })
  }
  const total = asked.length
  return {
    interactions,
    progressMeasure: total === 0 ? 0 : Math.round((committed / total) * 1e7) / 1e7,
    completionStatus: total > 0 && committed === total && walk.next === undefined ? 'completed' : 'incomplete',
  }
}

function response(question: Question, value: AnswerValue): Pick<Interaction, 'type' | 'learnerResponse'> {
  switch (question.answer.kind) {
    case 'yes-no':
      return { type: 'true-false', learnerResponse: value === 'yes' ? 'true' : 'false' }
    case 'single-choice':
      return { type: 'choice', learnerResponse: String(value) }
    case 'multiple-choice':
      // RTE 4.2.9.2: choice responses are identifiers joined by "[,]".
      return { type: 'choice', learnerResponse: (Array.isArray(value) ? value : [String(value)]).join('[,]') }
    case 'scale':
      return { type: 'numeric', learnerResponse: String(Number(value)) }
    case 'free-text': {
      // A leading "{" would be read as a language tag ({lang=…}); a space keeps the text as written.
      const text = String(value).slice(0, responseLimit - 1)
      return { type: 'long-fill-in', learnerResponse: text.startsWith('{') ? ` ${text}` : text }
    }
    default: {
      const never: never = question.answer.kind
      throw new Error(`unknown answer kind ${String(never)}`)
    }
  }
}

/**
 * An ISO date in SCORM's `time (second,10,0)` form, UTC. Its grammar nests the zone inside the
 * fraction (`YYYY-MM-DDThh:mm:ss[.s[TZD]]`, at most two digits of fraction), so keep hundredths.
 */
export function scormTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/(\.\d{2})\dZ$/, '$1Z')
}
