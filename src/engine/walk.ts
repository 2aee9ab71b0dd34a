/**
 * The result of evaluating a rulebook against a session: which questions are asked, what follows
 * from the answers, and why. The UI and the CLI only present it.
 */

/** Where a question stands for this student. */
export type QuestionStatus =
  /** Asked, not yet answered. */
  | 'to-answer'
  /** Asked and answered. */
  | 'answered'
  /** Not asked: its condition fails, and there is no work on it. */
  | 'skipped'
  /** Answered (or worked on) earlier, but no longer asked because an earlier answer changed. Its work is kept. */
  | 'stale'
  /** Whether it is asked depends on an earlier question not yet answered. */
  | 'waiting'

/** What a conclusion amounts to, given the answers so far. */
export type ConclusionStatus = 'holds' | 'fails' | 'undetermined'

/** Why a condition came out as it did. */
export interface Trace {
  /** Questions whose answers (or whose not being asked) decided the result, in rulebook order. */
  decidedBy: string[]
  /** Questions whose missing answers leave the result undetermined, in rulebook order. */
  missing: string[]
  /** Conclusions the condition relied on directly. */
  conclusions: string[]
}

/** One question in the walk. */
export interface QuestionState {
  id: string
  /** Position in the rulebook, 0-based; students see `index + 1`. */
  index: number
  section: string
  status: QuestionStatus
  /** The trace of the question's `when` condition; empty for a question that is always asked. */
  trace: Trace
}

/** One conclusion in the walk. */
export interface ConclusionState {
  id: string
  status: ConclusionStatus
  trace: Trace
}

/** Progress through one section, counting only questions that are (or may yet be) asked. */
export interface SectionProgress {
  id: string
  answered: number
  toAnswer: number
  waiting: number
  skipped: number
  stale: number
}

/** The walk of a rulebook for one session. */
export interface Walk {
  /** Every question, in rulebook order. */
  questions: QuestionState[]
  /** Every conclusion, in rulebook order. */
  conclusions: ConclusionState[]
  sections: SectionProgress[]
  /** The first question still to answer, if any. */
  next: string | undefined
  /** Questions answered, and questions asked or possibly asked in all (answered + to answer + waiting). */
  progress: { answered: number; total: number }
}
