/**
 * The conclusion report as data: what every format (Markdown, HTML, DOCX) presents, in the same
 * order, so that the formats cannot disagree. Built by `buildReport`; the renderers only lay it out.
 *
 * Fields typed `MarkdownText` hold Markdown written by a student or an instructor: untrusted, and
 * rendered by each format through its safe path. Every other string is plain text.
 */
import type {
  AuthorityKind,
  Certainty,
  ConclusionKind,
  Reveal,
} from '../engine/generated/rulebook.ts'
import type { Confidence } from '../engine/generated/session.ts'
import type { ConclusionStatus, QuestionStatus } from '../engine/walk.ts'
import type { Review } from './review.ts'

/** Markdown from a student or the rulebook; never trusted as HTML. */
export type MarkdownText = string

/** The whole report. */
export interface Report {
  title: ReportTitle
  /** The check before hand-in (unanswered, without reasoning, uncommitted, stale, revised after reveal): shown first. */
  review: Review
  /** What changed since the work was done (rulebook version, reworded questions), in words. */
  notices: string[]
  /** Rulebook sections with the questions answered in them, in rulebook order. */
  sections: ReportSection[]
  /** Questions asked (or that may be asked) and not answered yet. */
  unanswered: ReportPendingQuestion[]
  /** Work kept on questions that are no longer asked, because an earlier answer changed. */
  stale: ReportQuestion[]
  /** Work kept on questions that are no longer in the rulebook. */
  orphaned: ReportOrphan[]
  conclusions: ReportConclusion[]
  /** The table of authorities, grouped by kind as in a brief. */
  authorities: ReportAuthorityGroup[]
  /** The scenario's facts, numbered, so that citations and fact links resolve. */
  facts: ReportFact[]
  /** Whether model answers the rulebook keeps from students (`reveal: never`) are shown. */
  instructorCopy: boolean
  /** The student chose to hand in without the model answers (and memo) the rulebook would show. */
  modelAnswersLeftOut?: boolean
  /** What changes in the student's scenario, when it is a variation of another. */
  variation?: MarkdownText
  /** The scenario's model memo, once revealed (every asked question committed) or for instructors. */
  memo?: MarkdownText
  /** The rulebook's glossary, alphabetically: the appendix that term links point at. */
  glossary?: ReportTerm[]
  /** How to cite the scenario the work was done on (plain text). */
  citeAs?: string
}

/** A glossary term, as the report's appendix lists it. */
export interface ReportTerm {
  id: string
  term: string
  definition: MarkdownText
  /** Its authorities in words: `Nicaragua, para 191`. */
  authorities: string[]
}

/** The title block. */
export interface ReportTitle {
  rulebookId: string
  rulebookTitle: string
  rulebookVersion: string
  contentHash: string
  /** The rulebook's language (BCP 47), `en` when it does not say. */
  language: string
  authors: string[]
  scenarioId: string
  scenarioTitle: string
  studentName: string
  /** The name the student gave the workbook, if any. */
  workbookTitle: string | undefined
  /** The report's date, as an ISO date and time, and in words (`24 November 2025`). */
  date: string
  dateText: string
  /** Questions answered, and questions asked (or that may be asked) in all. */
  progress: { answered: number; total: number }
}

/** A rulebook section and the answered questions in it. */
export interface ReportSection {
  id: string
  /** Position among the rulebook's sections, 1-based. */
  number: number
  title: string
  questions: ReportQuestion[]
}

/** A fact quoted from the scenario, or a citation of a fact the rulebook does not have. */
export interface ReportFact {
  id: string
  /** The paragraph number within its scenario (¶n); undefined when the fact is not in the rulebook. */
  number: number | undefined
  /** The scenario the fact belongs to, when it is not the student's scenario. */
  otherScenario: string | undefined
  text: MarkdownText | undefined
  certainty: Certainty | undefined
  source: string | undefined
}

/** An authority cited by a question, with its pinpoint. */
export interface ReportCitation {
  id: string
  /** The authority's short title, or its id when the rulebook's table lacks it. */
  title: string
  pinpoint: string | undefined
}

/** The instructor's model answer, shown beside the student's where the rulebook allows it. */
export interface ReportModelAnswer {
  /** The answer the model reaches, in words, if it reaches one. */
  answer: string | undefined
  text: MarkdownText
  reveal: Reveal
}

/** A question with the student's work on it. */
export interface ReportQuestion {
  id: string
  /** Position in the rulebook, 1-based, as students see it. */
  number: number
  /** The question's short title (plain text). */
  title: string
  prompt: MarkdownText
  sectionTitle: string
  status: QuestionStatus
  /** The chosen answer in words (an option's label, a scale value); undefined when there is none. */
  answer: string | undefined
  /** The student's written answer to a free-text question. */
  writtenAnswer: MarkdownText | undefined
  reasoning: {
    issue?: MarkdownText
    rule?: MarkdownText
    application?: MarkdownText
    conclusion?: MarkdownText
  }
  confidence: Confidence | undefined
  counterArgument: MarkdownText | undefined
  citedFacts: ReportFact[]
  authorities: ReportCitation[]
  /** When the student committed the conclusion, as an ISO date and time. */
  committedAt: string | undefined
  /**
   * What was committed, when it differs from the work now (the answer or the reasoning changed
   * after committing): the record stays honest about both.
   */
  committed: ReportCommitted | undefined
  /** Changes of the answer after committing, oldest first. */
  revisions: ReportRevision[]
  /** Why the question stands where it does (for stale questions: why it is no longer asked). */
  reason: string | undefined
  /** Notes about the work: the question was reworded since, the answer matches no option. */
  warnings: string[]
  modelAnswer: ReportModelAnswer | undefined
}

/** The answer and conclusion as committed. */
export interface ReportCommitted {
  at: string
  /** The committed answer in words; undefined when none was chosen. */
  answer: string | undefined
  /** The reasoning committed, where it differs from the reasoning now. */
  reasoning: ReportQuestion['reasoning'] | undefined
}

/** One change of the answer after committing. */
export interface ReportRevision {
  at: string
  /** The answer it was changed to, in words; undefined when it was cleared. */
  answer: string | undefined
  /** Whether the model answer had been revealed when the change was made. */
  afterReveal: boolean
}

/** A question asked (or that may be asked) and not yet answered. */
export interface ReportPendingQuestion {
  id: string
  number: number
  title: string
  sectionTitle: string
  status: Extract<QuestionStatus, 'to-answer' | 'waiting'>
  reason: string
  /** Notes about work kept on it (an answer that no longer matches an option). */
  warnings: string[]
  /** The work begun on it (reasoning without an answer, an answer that no longer fits), if any. */
  work: ReportQuestion | undefined
}

/** Work on a question that is no longer in the rulebook: kept word for word. */
export interface ReportOrphan {
  id: string
  /** The stored answer, shown as it was saved. */
  answer: string | undefined
  reasoning: ReportQuestion['reasoning']
  confidence: Confidence | undefined
  counterArgument: MarkdownText | undefined
  citedFacts: ReportFact[]
}

/** A conclusion and why it stands where it does. */
export interface ReportConclusion {
  id: string
  statement: MarkdownText
  kind: ConclusionKind
  status: ConclusionStatus
  /** The section it belongs to, if the rulebook says. */
  sectionTitle: string | undefined
  /** The trace in words: the answers that decided it, or the questions it waits on. */
  trace: string
  /** The rulebook's explanation of why it follows; only for conclusions that hold. */
  explanation: MarkdownText | undefined
}

/** One entry of the table of authorities. */
export interface ReportAuthority {
  id: string
  kind: AuthorityKind
  title: string
  citation: string
  url: string | undefined
  /** The answered questions that cite it, in rulebook order, with their pinpoints. */
  citedBy: { questionId: string; number: number; pinpoints: string[] }[]
}

/** Authorities of one kind, as a brief groups them. */
export interface ReportAuthorityGroup {
  kind: AuthorityKind
  heading: string
  authorities: ReportAuthority[]
}
