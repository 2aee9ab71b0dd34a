import type { Session } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import type { Walk } from './walk.ts'
import { workOn } from './answers.ts'

/** Where the student stands with the scenario's model memo. */
export interface MemoState {
  /** The memo (Markdown): present only once it is revealed. */
  memo: string | undefined
  /** Whether the scenario has a memo at all. */
  exists: boolean
  /** Questions asked now, and how many of them the student has committed. */
  asked: number
  committed: number
  /** Questions still to commit before the memo is revealed: asked ones, and ones whose asking waits on an answer. */
  remaining: number
}

/**
 * The model memo of the student's scenario, revealed once the student has committed every question
 * asked (at least one): it shows how the answers fit together, so it comes after the student's own.
 */
export function memoState(
  compiled: CompiledRulebook,
  session: Pick<Session, 'scenario' | 'answers'>,
  walk: Pick<Walk, 'questions'>,
): MemoState {
  const text = compiled.scenarios.get(session.scenario)?.memo
  const asked = walk.questions.filter((q) => q.status === 'to-answer' || q.status === 'answered')
  const committed = asked.filter((q) => workOn(session.answers, q.id)?.committedAt !== undefined).length
  // A question whose asking still waits on an answer counts as still to do.
  const waiting = walk.questions.filter((q) => q.status === 'waiting').length
  const remaining = asked.length - committed + waiting
  const revealed = text !== undefined && asked.length > 0 && remaining === 0
  return { memo: revealed ? text : undefined, exists: text !== undefined, asked: asked.length, committed, remaining }
}
