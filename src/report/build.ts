import type { Question } from '../engine/generated/rulebook.ts'
import type { QuestionWork, Session } from '../engine/generated/session.ts'
import type { CompiledRulebook } from '../engine/compile.ts'
import type { Walk } from '../engine/walk.ts'
import { hasWork, workOn } from '../engine/answers.ts'
import { compareSession, describeDrift, hasDrift, storedAnswerText } from '../engine/drift.ts'
import {
  describeAnswer,
  explainConclusion,
  explainQuestionStatus,
  questionTitle,
} from '../engine/explain.ts'
import type {
  Report,
  ReportAuthority,
  ReportConclusion,
  ReportFact,
  ReportModelAnswer,
  ReportOrphan,
  ReportPendingQuestion,
  ReportQuestion,
  ReportSection,
} from './model.ts'
import { authorityGroups, conclusionGroups, dateInWords } from './text.ts'
import { citeAs } from '../engine/cite.ts'
import { sortedGlossary } from '../engine/glossary.ts'
import { memoState } from '../engine/memo.ts'
import { reviewWorkbook } from './review.ts'

/** What a report is made with, beyond the rulebook, the session and its walk. */
export interface ReportOptions {
  /** The content hash of the rulebook the report is made with. */
  contentHash: string
  /**
   * The report's date. The session's last change when left out, so that the same work always
   * gives the same report, byte for byte.
   */
  generatedAt?: string
  /** The instructor's copy: also show model answers the rulebook keeps from students (`reveal: never`). */
  instructorCopy?: boolean
  /**
   * Whether the student's hand-in includes the model answers (and the model memo) that the
   * rulebook's reveal policy shows: `true` (the default) as the policy says, `false` none. The
   * instructor's copy always has them.
   */
  modelAnswers?: boolean
}

/**
 * Builds the conclusion report of a session: the title block, the answered questions by section,
 * the unanswered, stale and orphaned work, the conclusions with their traces, the table of
 * authorities, and the model answers the rulebook allows. Pure; the renderers lay it out.
 */
export function buildReport(
  compiled: CompiledRulebook,
  session: Session,
  walk: Walk,
  options: ReportOptions,
): Report {
  const { rulebook } = compiled
  const instructorCopy = options.instructorCopy ?? false
  const modelAnswersLeftOut = !instructorCopy && options.modelAnswers === false
  const drift = compareSession(compiled, session, options.contentHash)
  const reworded = new Set(drift.reworded)
  const invalid = new Map(
    drift.invalidAnswers.map(({ questionId, reason }) => [questionId, reason]),
  )
  const scenario = compiled.scenarios.get(session.scenario)
  const sectionTitle = (id: string) =>
    rulebook.sections[compiled.sectionIndex.get(id) ?? -1]?.title ?? id

  const warningsFor = (id: string): string[] => {
    const warnings: string[] = []
    if (reworded.has(id)) warnings.push('The question was reworded after this work was done.')
    const reason = invalid.get(id)
    if (reason)
      warnings.push(`${reason[0]!.toUpperCase()}${reason.slice(1)}; the answer is kept as it was.`)
    return warnings
  }

  const fact = (id: string): ReportFact => {
    // The student's scenario first: a variation may restate a fact of its base.
    const own = scenario?.facts.get(id)
    const found = own ? { ...own, scenario: session.scenario } : compiled.facts.get(id)
    if (!found) {
      return {
        id,
        number: undefined,
        otherScenario: undefined,
        text: undefined,
        certainty: undefined,
        source: undefined,
      }
    }
    const other = found.scenario === session.scenario ? undefined : found.scenario
    return {
      id,
      number: found.number,
      otherScenario: other
        ? (compiled.scenarios.get(other)?.title ?? other)
        : undefined,
      text: found.fact.text,
      certainty: found.fact.certainty,
      source: found.fact.source,
    }
  }

  const modelAnswer = (
    question: Question,
    work: QuestionWork | undefined,
  ): ReportModelAnswer | undefined => {
    const model = question.modelAnswer
    if (!model || modelAnswersLeftOut) return undefined
    const reveal = model.reveal ?? 'after-commit'
    const shown =
      instructorCopy ||
      reveal === 'always' ||
      (reveal === 'after-commit' && work?.committedAt !== undefined)
    if (!shown) return undefined
    return {
      answer: model.answer === undefined ? undefined : describeAnswer(question, model.answer),
      text: model.text,
      reveal,
    }
  }

  const questionReport = (index: number, reason: string | undefined): ReportQuestion => {
    const { question } = compiled.questions[index]!
    const state = walk.questions[index]!
    const work = workOn(session.answers, question.id)
    const value = work?.value
    const written =
      question.answer.kind === 'free-text' && typeof value === 'string' && value.trim() !== ''
    return {
      id: question.id,
      number: index + 1,
      title: questionTitle(question),
      prompt: question.prompt,
      sectionTitle: sectionTitle(question.section),
      status: state.status,
      answer: written || value === undefined ? undefined : describeAnswer(question, value),
      writtenAnswer: written ? (value as string) : undefined,
      reasoning: { ...work?.reasoning },
      confidence: work?.confidence,
      counterArgument: filled(work?.counterArgument),
      citedFacts: (work?.citedFacts ?? []).map(fact),
      authorities: (question.authorities ?? []).map((citation) => ({
        id: citation.authority,
        title: compiled.authorities.get(citation.authority)?.title ?? citation.authority,
        pinpoint: citation.pinpoint,
      })),
      committedAt: work?.committedAt,
      committed: committedReport(question, work),
      revisions: (work?.revisions ?? []).map((revision) => ({
        at: revision.at,
        answer: revision.value === undefined ? undefined : describeAnswer(question, revision.value),
        afterReveal: revision.afterReveal ?? false,
      })),
      reason,
      warnings: warningsFor(question.id),
      modelAnswer: modelAnswer(question, work),
    }
  }

  const sections: ReportSection[] = []
  const unanswered: ReportPendingQuestion[] = []
  const stale: ReportQuestion[] = []
  for (const state of walk.questions) {
    const { question } = compiled.questions[state.index]!
    switch (state.status) {
      case 'answered': {
        const sectionIndex = compiled.sectionIndex.get(question.section) ?? -1
        let section = sections.find((s) => s.id === question.section)
        if (!section) {
          section = {
            id: question.section,
            number: sectionIndex + 1,
            title: sectionTitle(question.section),
            questions: [],
          }
          sections.push(section)
        }
        section.questions.push(questionReport(state.index, undefined))
        break
      }
      case 'to-answer':
      case 'waiting': {
        const reason =
          state.status === 'to-answer'
            ? 'Asked, and not answered yet.'
            : explainQuestionStatus(compiled, walk, session, question.id)
        unanswered.push({
          id: question.id,
          number: state.index + 1,
          title: questionTitle(question),
          sectionTitle: sectionTitle(question.section),
          status: state.status,
          reason,
          warnings: warningsFor(question.id),
          work: hasWork(workOn(session.answers, question.id))
            ? questionReport(state.index, undefined)
            : undefined,
        })
        break
      }
      case 'stale':
        stale.push(
          questionReport(state.index, explainQuestionStatus(compiled, walk, session, question.id)),
        )
        break
      case 'skipped':
        break
    }
  }
  // Questions appear in rulebook order; sections in the rulebook's order of sections.
  sections.sort((a, b) => a.number - b.number)

  const orphaned: ReportOrphan[] = Object.entries(session.answers)
    .filter(([id, work]) => !compiled.questionIndex.has(id) && hasWork(work))
    .map(([id, work]) => ({
      id,
      answer: work.value === undefined ? undefined : storedAnswerText(work.value),
      reasoning: { ...work.reasoning },
      confidence: work.confidence,
      counterArgument: filled(work.counterArgument),
      citedFacts: (work.citedFacts ?? []).map(fact),
    }))

  const conclusions: ReportConclusion[] = conclusionGroups.flatMap(({ status }) =>
    walk.conclusions
      .filter((state) => state.status === status)
      .map((state) => {
        const { conclusion } = compiled.conclusions[compiled.conclusionIndex.get(state.id)!]!
        return {
          id: conclusion.id,
          statement: conclusion.statement,
          kind: conclusion.kind,
          status: state.status,
          sectionTitle: conclusion.section ? sectionTitle(conclusion.section) : undefined,
          trace: explainConclusion(compiled, walk, session, conclusion.id),
          explanation: state.status === 'holds' ? conclusion.explanation : undefined,
        }
      }),
  )

  return {
    review: reviewWorkbook(compiled, session, walk),
    title: {
      rulebookId: rulebook.id,
      rulebookTitle: rulebook.title,
      rulebookVersion: rulebook.version,
      contentHash: options.contentHash,
      language: rulebook.language ?? 'en',
      authors: rulebook.authors.map((author) =>
        author.affiliation ? `${author.name} (${author.affiliation})` : author.name,
      ),
      scenarioId: session.scenario,
      scenarioTitle: scenario?.title ?? session.scenario,
      studentName: session.student.name.trim(),
      workbookTitle: filled(session.title),
      date: options.generatedAt ?? session.updatedAt,
      dateText: dateInWords(options.generatedAt ?? session.updatedAt),
      progress: { ...walk.progress },
    },
    notices: hasDrift(drift) ? describeDrift(compiled, drift) : [],
    sections,
    unanswered,
    stale,
    orphaned,
    conclusions,
    authorities: tableOfAuthorities(compiled, sections),
    facts: (scenario?.paragraphs ?? []).map((p) => fact(p.fact.id)),
    instructorCopy,
    ...(modelAnswersLeftOut ? { modelAnswersLeftOut } : {}),
    ...flagshipParts(compiled, session, walk, instructorCopy, modelAnswersLeftOut),
  }
}

/** The variation, the model memo (once revealed), the glossary and the citation line. */
function flagshipParts(
  compiled: CompiledRulebook,
  session: Session,
  walk: Walk,
  instructorCopy: boolean,
  modelAnswersLeftOut: boolean,
): Pick<Report, 'variation' | 'memo' | 'glossary' | 'citeAs'> {
  const { rulebook } = compiled
  const scenario = compiled.scenarios.get(session.scenario)
  const memo = instructorCopy ? scenario?.memo : modelAnswersLeftOut ? undefined : memoState(compiled, session, walk).memo
  const glossary = sortedGlossary(rulebook.glossary).map((term) => ({
    id: term.id,
    term: term.term,
    definition: term.definition,
    authorities: (term.authorities ?? []).map((c) => {
      const title = compiled.authorities.get(c.authority)?.title ?? c.authority
      return c.pinpoint ? `${title}, ${c.pinpoint}` : title
    }),
  }))
  return {
    ...(scenario?.variation ? { variation: scenario.variation } : {}),
    ...(memo ? { memo } : {}),
    ...(glossary.length > 0 ? { glossary } : {}),
    citeAs: citeAs(rulebook, { id: session.scenario, title: scenario?.title ?? session.scenario }),
  }
}

/** What was committed, when the work has changed since; undefined when it is the same (or unknown). */
function committedReport(
  question: Question,
  work: QuestionWork | undefined,
): ReportQuestion['committed'] {
  const committed = work?.committed
  if (!committed) return undefined
  const parts = ['issue', 'rule', 'application', 'conclusion'] as const
  const reasoningChanged = parts.some(
    (part) => (committed.reasoning?.[part] ?? '').trim() !== (work.reasoning?.[part] ?? '').trim(),
  )
  const answerChanged = (work.revisions?.length ?? 0) > 0
  if (!reasoningChanged && !answerChanged) return undefined
  return {
    at: committed.at,
    answer: committed.value === undefined ? undefined : describeAnswer(question, committed.value),
    reasoning: reasoningChanged ? { ...committed.reasoning } : undefined,
  }
}

function filled(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== '' ? text : undefined
}

/** Every authority the answered questions cite, with where, grouped by kind and sorted by title. */
function tableOfAuthorities(
  compiled: CompiledRulebook,
  sections: ReportSection[],
): Report['authorities'] {
  const entries = new Map<string, ReportAuthority>()
  for (const question of sections.flatMap((section) => section.questions)) {
    for (const citation of question.authorities) {
      let entry = entries.get(citation.id)
      if (!entry) {
        const authority = compiled.authorities.get(citation.id)
        entry = {
          id: citation.id,
          kind: authority?.kind ?? 'other',
          title: authority?.title ?? citation.id,
          citation: authority?.citation ?? citation.id,
          url: authority?.url,
          citedBy: [],
        }
        entries.set(citation.id, entry)
      }
      let citedBy = entry.citedBy.find((c) => c.questionId === question.id)
      if (!citedBy) {
        citedBy = { questionId: question.id, number: question.number, pinpoints: [] }
        entry.citedBy.push(citedBy)
      }
      if (citation.pinpoint && !citedBy.pinpoints.includes(citation.pinpoint))
        citedBy.pinpoints.push(citation.pinpoint)
    }
  }
  const byTitle = (a: ReportAuthority, b: ReportAuthority) => {
    const x = a.title.toLowerCase()
    const y = b.title.toLowerCase()
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1
  }
  return authorityGroups
    .map(({ kind, heading }) => ({
      kind,
      heading,
      authorities: [...entries.values()].filter((entry) => entry.kind === kind).sort(byTitle),
    }))
    .filter((group) => group.authorities.length > 0)
}
