/**
 * How a session compares with the rulebook it is opened against: the student may have saved it
 * against another version, or the instructor may have changed questions since. Nothing here
 * changes the session; it only says what no longer fits, so that the UI, the report and the CLI
 * can tell the student, and work on questions that are gone is kept and shown as orphaned.
 */
import type { Question } from './generated/rulebook.ts'
import type { AnswerValue, Session } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import type { Problem } from './problems.ts'
import { hasWork, isCompleteAnswer, workOn } from './answers.ts'
import { questionHash } from './hash.ts'
import { questionTitle } from './explain.ts'

/** A rulebook as a session names it. */
export interface RulebookIdentity {
  id: string
  version: string
  contentHash: string
}

/** An answer that no longer fits its question. */
export interface InvalidAnswer {
  questionId: string
  /** Why, in the student's words. */
  reason: string
  /** What was answered, in words (the labels of options the question still has). */
  previous: string
}

/** The differences between a session and a rulebook. */
export interface Drift {
  /** The rulebook the session was made against. */
  saved: RulebookIdentity
  /** The rulebook it is compared with. */
  current: RulebookIdentity
  /** Same rulebook id: a different id means the session belongs to another rulebook. */
  sameRulebook: boolean
  versionChanged: boolean
  contentChanged: boolean
  /** The session's scenario, and whether the rulebook still has it. */
  scenario: string
  scenarioFound: boolean
  /** Questions with work that the rulebook no longer has, in the session's order: the work is kept (orphaned). */
  removed: string[]
  /** The answers given to the removed questions that had one, by id (all that is left to name them by). */
  removedAnswers?: Record<string, AnswerValue>
  /** Questions whose prompt, answer kind or options changed since the work on them last changed, in rulebook order. */
  reworded: string[]
  /**
   * Questions the session has no work on, in rulebook order. Without the older rulebook there is
   * no telling which are new and which simply have not been reached: both look alike.
   */
  unworked: string[]
  /** Answers that no longer match an option, lie outside a scale, or are of another kind. */
  invalidAnswers: InvalidAnswer[]
  /** Facts cited in the work that the rulebook no longer has. */
  unknownFacts: { questionId: string; factId: string }[]
}

/** Compares a session with a rulebook (and that rulebook's content hash). Pure; never throws. */
export function compareSession(
  compiled: CompiledRulebook,
  session: Session,
  contentHash: string,
): Drift {
  const { rulebook, questionIndex } = compiled
  const saved: RulebookIdentity = {
    id: session.rulebook.id,
    version: session.rulebook.version,
    contentHash: session.rulebook.contentHash,
  }
  const current: RulebookIdentity = { id: rulebook.id, version: rulebook.version, contentHash }

  const removed: string[] = []
  const removedAnswers: Record<string, AnswerValue> = {}
  const unknownFacts: Drift['unknownFacts'] = []
  for (const [questionId, work] of Object.entries(session.answers)) {
    if (!questionIndex.has(questionId) && hasWork(work)) {
      removed.push(questionId)
      if (hasValue(work.value)) removedAnswers[questionId] = work.value
    }
    for (const factId of work.citedFacts ?? []) {
      if (!compiled.facts.has(factId)) unknownFacts.push({ questionId, factId })
    }
  }

  const reworded: string[] = []
  const unworked: string[] = []
  const invalidAnswers: InvalidAnswer[] = []
  for (const compiledQuestion of compiled.questions) {
    const { question } = compiledQuestion
    const work = workOn(session.answers, question.id)
    if (!hasWork(work)) {
      unworked.push(question.id)
      continue
    }
    if (work?.questionHash !== undefined && work.questionHash !== questionHash(question)) {
      reworded.push(question.id)
    }
    const value = work?.value
    if (hasValue(value) && !isCompleteAnswer(compiledQuestion, value)) {
      invalidAnswers.push({ questionId: question.id, reason: whyAnswerDoesNotFit(question, value), previous: answerInWords(question, value) })
    }
  }

  return {
    saved,
    current,
    sameRulebook: saved.id === current.id,
    versionChanged: saved.version !== current.version,
    contentChanged: saved.contentHash !== current.contentHash,
    scenario: session.scenario,
    scenarioFound: rulebook.scenarios.some((scenario) => scenario.id === session.scenario),
    removed,
    ...(Object.keys(removedAnswers).length > 0 ? { removedAnswers } : {}),
    reworded,
    unworked,
    invalidAnswers,
    unknownFacts,
  }
}

/** Whether a value is an answer at all (an empty text or an empty selection is not). */
function hasValue(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

/** A stored answer value as the student would recognise it. */
export function storedAnswerText(value: AnswerValue): string {
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'number') return String(value)
  return value.length > 80 ? `${value.slice(0, 77)}...` : value
}

/** A stored answer in words: option labels where the question still has the option, ids where not. */
function answerInWords(question: Question, value: AnswerValue): string {
  const label = (id: string) =>
    question.answer.kind === 'yes-no' && (id === 'yes' || id === 'no')
      ? id === 'yes' ? 'Yes' : 'No'
      : (question.answer.options?.find((option) => option.id === id)?.label ?? id)
  if (Array.isArray(value)) return value.map(label).join(', ')
  return typeof value === 'string' ? storedAnswerText(label(value)) : storedAnswerText(value)
}

const kindInWords: Record<Question['answer']['kind'], string> = {
  'yes-no': 'yes or no',
  'single-choice': 'one of its options',
  'multiple-choice': 'a selection of its options',
  scale: 'a number on a scale',
  'free-text': 'a written answer',
}

function whyAnswerDoesNotFit(question: Question, value: AnswerValue): string {
  const { answer } = question
  const expected = kindInWords[answer.kind]
  switch (answer.kind) {
    case 'yes-no':
    case 'single-choice':
      return typeof value === 'string'
        ? `the answer “${storedAnswerText(value)}” is no longer one of its options`
        : `the answer “${storedAnswerText(value)}” is not ${expected}`
    case 'multiple-choice': {
      if (!Array.isArray(value)) return `the answer “${storedAnswerText(value)}” is not ${expected}`
      const options = new Set(answer.options?.map((option) => option.id))
      const gone = value.filter((id) => !options.has(id))
      return `${gone.map((id) => `“${id}”`).join(', ')} ${gone.length === 1 ? 'is' : 'are'} no longer among its options`
    }
    case 'scale':
      return typeof value === 'number'
        ? `the answer ${value} lies outside the scale ${answer.min ?? '…'} to ${answer.max ?? '…'}`
        : `the answer “${storedAnswerText(value)}” is not ${expected}`
    case 'free-text':
      return `the answer is not ${expected}`
  }
}

/** Whether there is anything about the comparison worth telling the student. */
export function hasDrift(drift: Drift): boolean {
  return (
    !drift.sameRulebook ||
    drift.versionChanged ||
    drift.contentChanged ||
    !drift.scenarioFound ||
    drift.removed.length > 0 ||
    drift.reworded.length > 0 ||
    drift.invalidAnswers.length > 0 ||
    drift.unknownFacts.length > 0
  )
}

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`

/**
 * The comparison in sentences for the student, most important first. Questions are named by
 * number and title, as the student sees them. Empty when nothing changed.
 */
export function describeDrift(compiled: CompiledRulebook, drift: Drift): string[] {
  const lines: string[] = []
  /** `Q3 “Use of force”`, as the outline names it. */
  const name = (id: string): string => {
    const index = compiled.questionIndex.get(id)
    const question = index === undefined ? undefined : compiled.rulebook.questions[index]
    return question ? `Q${index! + 1} “${questionTitle(question)}”` : `\`${id}\``
  }
  /** A question the rulebook no longer has: only its saved id and answer are left to name it by. */
  const removedInWords = (id: string): string => {
    const value = drift.removedAnswers?.[id]
    return value === undefined ? `saved as \`${id}\`` : `the one you answered “${storedAnswerText(value)}”, saved as \`${id}\``
  }
  const { saved, current } = drift
  if (!drift.sameRulebook) {
    lines.push(
      `This work was done on the rulebook \`${saved.id}\`, not on \`${current.id}\`: open it with the rulebook it was made for.`,
    )
    return lines
  }
  if (drift.versionChanged) {
    lines.push(
      `This work was done on version ${saved.version} of the rulebook; this is version ${current.version}.`,
    )
  } else if (drift.contentChanged) {
    lines.push(
      `The rulebook's content has changed since this work was done, though its version (${current.version}) has not.`,
    )
  }
  if (!drift.scenarioFound) {
    lines.push(`The rulebook has no scenario \`${drift.scenario}\`, which this work was done on.`)
  }
  if (drift.removed.length > 0) {
    lines.push(
      `${plural(drift.removed.length, 'question you worked on is', 'questions you worked on are')} no longer in the rulebook (${drift.removed.map(removedInWords).join('; ')}): the work is kept and shown as orphaned.`,
    )
  }
  if (drift.reworded.length > 0) {
    lines.push(
      `${plural(drift.reworded.length, 'question was', 'questions were')} reworded since you answered: ${drift.reworded.map(name).join(', ')}. Check that your answers still fit.`,
    )
  }
  for (const { questionId, reason, previous } of drift.invalidAnswers) {
    // What was answered, unless the reason already quotes it.
    const before = previous && !reason.includes(previous) ? `you had answered “${previous}”, but ` : ''
    lines.push(
      `In ${name(questionId)}, ${before}${reason}: the answer is kept, but the question counts as unanswered.`,
    )
  }
  if (drift.unknownFacts.length > 0) {
    const facts = [...new Set(drift.unknownFacts.map(({ factId }) => `\`${factId}\``))]
    lines.push(
      `${plural(facts.length, 'fact you cited is', 'facts you cited are')} no longer in the rulebook: ${facts.join(', ')}.`,
    )
  }
  if ((drift.versionChanged || drift.contentChanged) && drift.unworked.length > 0) {
    lines.push(
      `${plural(drift.unworked.length, 'question has', 'questions have')} no work in this session: new in this version, or not yet answered.`,
    )
  }
  return lines
}

/**
 * Problems that stop a session from being used with a rulebook: it belongs to another rulebook,
 * or its scenario is gone. Located at the session's `rulebook` and `scenario` fields when a
 * `locate` function (from the parsed session file) is given.
 */
export function sessionRulebookProblems(
  drift: Drift,
  file: string,
  locate: (path: (string | number)[]) => Problem['range'] = () => ({
    start: { line: 1, column: 1 },
    end: { line: 1, column: 1 },
  }),
): Problem[] {
  const problems: Problem[] = []
  if (!drift.sameRulebook) {
    problems.push({
      code: 'session-rulebook',
      severity: 'error',
      message: `This session was made for the rulebook \`${drift.saved.id}\`, not \`${drift.current.id}\`.`,
      hint: `Open it with the rulebook \`${drift.saved.id}\`.`,
      file,
      range: locate(['rulebook', 'id']),
      path: ['rulebook', 'id'],
    })
  } else if (!drift.scenarioFound) {
    problems.push({
      code: 'session-rulebook',
      severity: 'error',
      message: `The rulebook has no scenario \`${drift.scenario}\`, which this session was made for.`,
      hint: 'Open the session with the rulebook version it was made against.',
      file,
      range: locate(['scenario']),
      path: ['scenario'],
    })
  }
  return problems
}
