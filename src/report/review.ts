/**
 * The check before hand-in: what is unanswered, answered without reasoning, not committed, stale,
 * or revised after the model answer was revealed. Shown by the workbook before export and at the
 * top of the report, from the same data, so the two cannot disagree. Pure.
 */
import type { CompiledRulebook } from '../engine/compile.ts'
import type { QuestionWork, Reasoning, Session } from '../engine/generated/session.ts'
import type { Walk } from '../engine/walk.ts'
import { hasWork, workOn } from '../engine/answers.ts'
import { questionTitle } from '../engine/explain.ts'

/** A question the review points to. */
export interface ReviewItem {
  id: string
  /** Position in the rulebook, 1-based. */
  number: number
  title: string
}

/** The review of a workbook, in the order a student should see it. */
export interface Review {
  unanswered: ReviewItem[]
  withoutReasoning: ReviewItem[]
  uncommitted: ReviewItem[]
  stale: ReviewItem[]
  revisedAfterReveal: ReviewItem[]
  /** Questions asked (or that may be asked), and how many are answered, reasoned and committed. */
  counts: { total: number; answered: number; reasoned: number; committed: number }
}

/** The parts of a review, with their headings, for every view that lists them. */
export const reviewParts: { key: Exclude<keyof Review, 'counts'>; heading: string }[] = [
  { key: 'unanswered', heading: 'Not answered' },
  { key: 'withoutReasoning', heading: 'Answered without reasoning' },
  { key: 'uncommitted', heading: 'Answered and not committed' },
  { key: 'stale', heading: 'Stale work (no longer asked)' },
  { key: 'revisedAfterReveal', heading: 'Revised after the model answer was revealed' },
]

/** Whether the reasoning has any text in it. */
export function hasReasoning(reasoning: Reasoning | undefined): boolean {
  return Object.values(reasoning ?? {}).some(
    (text) => typeof text === 'string' && text.trim() !== '',
  )
}

function sameReasoning(a: Reasoning | undefined, b: Reasoning | undefined): boolean {
  const parts = ['issue', 'rule', 'application', 'conclusion'] as const
  return parts.every((part) => (a?.[part] ?? '').trim() === (b?.[part] ?? '').trim())
}

/** Whether the work was changed after its model answer was shown: a changed answer or reasoning. */
export function revisedAfterReveal(work: QuestionWork | undefined, revealed: boolean): boolean {
  if (!work?.committedAt) return false
  if (work.revisions?.some((revision) => revision.afterReveal)) return true
  return (
    revealed &&
    work.committed !== undefined &&
    !sameReasoning(work.committed.reasoning, work.reasoning)
  )
}

/** Reviews a session against its walk. */
export function reviewWorkbook(compiled: CompiledRulebook, session: Session, walk: Walk): Review {
  const review: Review = {
    unanswered: [],
    withoutReasoning: [],
    uncommitted: [],
    stale: [],
    revisedAfterReveal: [],
    counts: {
      total: walk.progress.total,
      answered: walk.progress.answered,
      reasoned: 0,
      committed: 0,
    },
  }
  for (const state of walk.questions) {
    const { question } = compiled.questions[state.index]!
    const work = workOn(session.answers, question.id)
    const item: ReviewItem = {
      id: question.id,
      number: state.index + 1,
      title: questionTitle(question),
    }
    if (state.status === 'to-answer') review.unanswered.push(item)
    if (state.status === 'stale' && hasWork(work)) review.stale.push(item)
    if (state.status === 'answered') {
      if (hasReasoning(work?.reasoning)) review.counts.reasoned++
      else review.withoutReasoning.push(item)
      if (work?.committedAt) review.counts.committed++
      else review.uncommitted.push(item)
    }
    const reveal = question.modelAnswer?.reveal ?? 'after-commit'
    const revealed = question.modelAnswer !== undefined && reveal !== 'never'
    if (
      (state.status === 'answered' || state.status === 'stale') &&
      revisedAfterReveal(work, revealed)
    )
      review.revisedAfterReveal.push(item)
  }
  return review
}

/** Whether there is nothing left to look at before hand-in. */
export function reviewIsClear(review: Review): boolean {
  return reviewParts.every(({ key }) => review[key].length === 0)
}
