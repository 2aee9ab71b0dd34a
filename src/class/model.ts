/**
 * The class as data: many students' sessions on one rulebook, counted per question, per
 * conclusion, per path, per student and per fact. Built by `aggregateClass`; the app, the CSV and
 * the summaries only lay it out. Students are referred to by their index in `students`, so that
 * their reasoning is kept once (in their session) however many tables show it.
 */
import type { ConclusionKind, Question } from '../engine/generated/rulebook.ts'
import type { Confidence, Session } from '../engine/generated/session.ts'
import type { ConclusionStatus, QuestionStatus } from '../engine/walk.ts'

/** A session file accepted into the class. */
export interface ClassStudent {
  /** Stable across loads: the workbook id, or the name and start time when the file has none. */
  key: string
  file: string
  /** The student's name as written; `(no name)` is the renderers' business. */
  name: string
  session: Session
  /** What changed in the rulebook since the work was done, in words (empty when nothing). */
  notices: string[]
}

/** Why a file is not in the class. */
export type RejectionCode =
  | 'unreadable'
  | 'not-a-session'
  | 'another-rulebook'
  | 'unknown-scenario'
  | 'duplicate'

/** A file left out, and why, in the instructor's words. */
export interface RejectedFile {
  file: string
  code: RejectionCode
  reason: string
}

/** One student's work on one question, as the class tables show it. */
export interface ClassResponse {
  /** Index into `ClassAggregate.students`. */
  student: number
  status: QuestionStatus
  /** The answer in words, or undefined when there is none. */
  answer: string | undefined
  /** The option ids chosen (yes-no, single and multiple choice), for filtering. */
  optionIds: string[]
  /** The scale value, when the question is a scale. */
  scale: number | undefined
  /** Words of the written answer (free text). */
  answerWords: number
  /** Words of the reasoning (the four IRAC parts) and the counter-argument. */
  reasoningWords: number
  confidence: Confidence | undefined
  committed: boolean
  /** Committed, then changed after the model answer was revealed. */
  revised: boolean
  stale: boolean
  citedFacts: string[]
}

/** A count with what it counts. */
export interface Tally {
  id: string
  label: string
  count: number
}

/** How one scenario's students answered one question: the figures, without each student's work. */
export interface ClassQuestionFigures {
  scenario: string
  scenarioTitle: string
  /** Students of the scenario to whom the question is asked (answered, to answer, or waiting). */
  asked: number
  answered: number
  /** Per option (choice kinds), in the rulebook's order; multiple choice counts each option chosen. */
  options: Tally[]
  /** For scales: each value from min to max with its count, and the spread. */
  scale:
    | { values: Tally[]; min: number | undefined; max: number | undefined; median: number | undefined; mean: number | undefined }
    | undefined
  /** For free text: the written answers' length in words. */
  freeText: { answers: number; medianWords: number; minWords: number; maxWords: number } | undefined
  confidence: Record<Confidence | 'none', number>
  committed: number
  revised: number
  stale: number
  /** Students with work on the question (asked or stale): the length of `responses`. */
  worked: number
  /** Facts cited here, most cited first. */
  citedFacts: Tally[]
  /** Facts the rulebook marks relevant (of this scenario) that nobody cited. */
  uncitedRelevantFacts: Tally[]
}

/** How one scenario's students answered one question, with every student's work. */
export interface ClassQuestionScenario extends ClassQuestionFigures {
  /** Every student with work on the question (asked or stale), in student order. */
  responses: ClassResponse[]
}

/** A question across the class. */
export interface ClassQuestion {
  id: string
  /** Position in the rulebook, 1-based. */
  number: number
  title: string
  sectionTitle: string
  kind: Question['answer']['kind']
  scenarios: ClassQuestionScenario[]
}

/** What a conclusion came to across one scenario's students. */
export interface ClassConclusionScenario {
  scenario: string
  scenarioTitle: string
  counts: Record<ConclusionStatus, number>
  /** The answers that most often decided it (from the evaluation traces), per status reached. */
  deciders: { status: 'holds' | 'fails'; question: string; number: number; answer: string; count: number }[]
  /** Students for whom it holds, by index. */
  holdsFor: number[]
}

/** A conclusion across the class. */
export interface ClassConclusion {
  id: string
  statement: string
  kind: ConclusionKind
  scenarios: ClassConclusionScenario[]
}

/** A route through the questions: the answers chosen, in rulebook order. */
export interface ClassRoute {
  /** `Q1 Yes → Q3 No basis`; free-text answers show as `answered`. */
  steps: { question: string; number: number; answer: string }[]
  count: number
}

/** A question where students who arrived by the same route answered differently. */
export interface ClassSplit {
  /** The answers shared before the split (empty: at the start). */
  after: ClassRoute['steps']
  question: string
  number: number
  title: string
  /** Students who reached this point. */
  reached: number
  branches: Tally[]
}

/**
 * A branch of the routes' diagram: the answers a group of students shared from where their
 * branch left the one before (a run with no split is one branch), then where they split.
 */
export interface ClassPathNode {
  /** Stable within the diagram: `0` for the start, `0.1` for its second branch, and so on. */
  id: string
  /** The answers on this branch, in order (the first is where it left its parent; empty at a start nobody shared). */
  steps: ClassRoute['steps']
  /** Students on this branch. */
  count: number
  /** Students whose route ends on this branch. */
  ended: number
  /** Students on smaller branches from here, left out of the drawing (counted, never lost). */
  others: number
  /** The branches from here, largest first. */
  children: ClassPathNode[]
}

/** Paths through the rulebook, per scenario. */
export interface ClassPaths {
  scenario: string
  scenarioTitle: string
  students: number
  /** The most common routes, most frequent first (at most ten). */
  routes: ClassRoute[]
  /** Distinct routes in all. */
  distinct: number
  /** Where the class split, largest groups first (at most ten). */
  splits: ClassSplit[]
  /** The routes as a tree of branches, for the diagram: the larger branches, a few levels deep. */
  diagram: ClassPathNode
}

/** One student's standing. */
export interface ClassStudentSummary {
  student: number
  key: string
  name: string
  file: string
  scenario: string
  scenarioTitle: string
  answered: number
  total: number
  /** Question ids, in rulebook order. */
  unanswered: string[]
  unreasoned: string[]
  uncommitted: string[]
  stale: string[]
  holds: string[]
  notices: string[]
}

/** The class's figures without the sessions or any student's work: what the class view's page holds. */
export interface ClassOverview {
  rulebook: ClassAggregate['rulebook']
  rejected: RejectedFile[]
  questions: (Omit<ClassQuestion, 'scenarios'> & { scenarios: ClassQuestionFigures[] })[]
  conclusions: ClassConclusion[]
  paths: ClassPaths[]
  summaries: ClassStudentSummary[]
}

/** The whole class. */
export interface ClassAggregate {
  rulebook: { id: string; title: string; version: string; contentHash: string }
  students: ClassStudent[]
  rejected: RejectedFile[]
  questions: ClassQuestion[]
  conclusions: ClassConclusion[]
  paths: ClassPaths[]
  summaries: ClassStudentSummary[]
}

/** The instructor's notes, by question id and by student key. */
export interface ClassNotes {
  questions: Record<string, string>
  students: Record<string, string>
}
