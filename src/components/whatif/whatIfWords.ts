/**
 * A what-if result in words a student reads beside the conclusion (or skipped question) it is
 * about: what it rests on, and each smallest change with what it would then be. Pure, so the
 * wording is tested in Node.
 */
import type { CompiledRulebook } from '@/engine/compile'
import { describeAnswer, plainText, questionTitle } from '@/engine/explain'
import type { AnswerValue } from '@/engine/generated/session'
import type { AskedStatus, WhatIfResult } from '@/engine/whatif'
import type { ConclusionStatus } from '@/engine/walk'

/** A question named in the words, to link to. */
export interface WhatIfQuestion {
  id: string
  number: number
  title: string
}

/** One change to one answer: “answered X to Q3”, or “left Q3 unanswered”. */
export interface WhatIfChangeWords extends WhatIfQuestion {
  /** The answer tried, in the question's own words (undefined: the answer is cleared). */
  answer?: string
  /** The answer as the engine gives it, to try. */
  to: AnswerValue | undefined
  /** Other answers that would do the same, in the question's words (one-choice questions). */
  alternatives: string[]
}

/** One way to change it. */
export interface WhatIfOptionWords {
  changes: WhatIfChangeWords[]
  /** “it would fail”. */
  outcome: string
  /** Other conclusions the same changes would change, in words. */
  also: string[]
}

export interface WhatIfWords {
  /** What it rests on now. */
  summary: string
  options: WhatIfOptionWords[]
  /** Said when no change was found. */
  none?: string
  /** Said when only the smallest ways are shown, or when the search was cut. */
  notes: string[]
}

const outcomes: Record<ConclusionStatus | AskedStatus, string> = {
  holds: 'it would hold',
  fails: 'it would fail',
  undetermined: 'it would be undetermined',
  asked: 'it would be asked',
  'not-asked': 'it would not be asked',
  waiting: 'it would wait on an earlier answer',
}

const shortStatement = (statement: string) => {
  const text = plainText(statement)
  return text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text
}

/** “Q1”, “Q1 and Q7”, “Q1, Q3 and Q7”. */
export function listQuestions(numbers: number[]): string {
  const names = numbers.map((n) => `Q${n}`)
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** The words for a what-if result. */
export function whatIfWords(compiled: CompiledRulebook, result: WhatIfResult): WhatIfWords {
  const question = (id: string): WhatIfQuestion => {
    const index = compiled.questionIndex.get(id) ?? -1
    const found = compiled.questions[index]
    return { id, number: index + 1, title: found ? questionTitle(found.question) : id }
  }
  const decisive = [...new Set(result.options.flatMap((option) => option.changes.map((change) => change.number)))].sort((a, b) => a - b)
  const your = `your answer${decisive.length === 1 ? '' : 's'} to ${listQuestions(decisive)}`
  const target = result.target
  let summary: string
  if ('conclusion' in target) {
    summary =
      result.status === 'holds'
        ? 'This conclusion follows from your answers.'
        : result.status === 'fails'
          ? 'This conclusion does not follow from your answers.'
          : 'This conclusion is not decided yet.'
    if (decisive.length > 0) summary += result.status === 'undetermined' ? ` ${capitalise(your)} would decide it.` : ` It rests on ${your}.`
  } else {
    const asked = result.status === 'asked' ? 'asked' : result.status === 'not-asked' ? 'not asked' : 'waiting on earlier answers'
    summary = decisive.length > 0 ? `This question is ${asked} because of ${your}.` : `This question is ${asked}.`
  }
  const options = result.options.map((option): WhatIfOptionWords => {
    const changes = option.changes.map((change): WhatIfChangeWords => {
      const named = question(change.question)
      const asked = compiled.questions[named.number - 1]?.question
      const answer = change.to === undefined || !asked ? undefined : `“${describeAnswer(asked, change.to)}”`
      const options = compiled.questions[named.number - 1]?.options ?? []
      const kind = asked?.answer.kind
      const alternatives =
        asked && (kind === 'single-choice' || kind === 'yes-no')
          ? change.allowed.filter((id) => id !== change.to && options.includes(id)).map((id) => `“${describeAnswer(asked, id)}”`)
          : []
      return { ...named, ...(answer ? { answer } : {}), to: change.to, alternatives }
    })
    const also = option.alsoChanges
      .filter((c) => !('conclusion' in target) || c.conclusion !== target.conclusion)
      .map((c) => {
        const conclusion = compiled.conclusions[compiled.conclusionIndex.get(c.conclusion) ?? -1]
        const statement = conclusion ? shortStatement(conclusion.conclusion.statement) : c.conclusion
        return `“${statement}” ${outcomes[c.to].replace(/^it /, '')}`
      })
    // A few, then how many more: the list is there to show that one answer reaches further, not to repeat the panel.
    const shown = also.length > 4 ? [...also.slice(0, 3), `and ${also.length - 3} more`] : also
    return { changes, outcome: outcomes[option.status], also: shown }
  })
  const notes: string[] = []
  let none: string | undefined
  if (options.length === 0) {
    none = result.complete
      ? 'Nothing you could answer differently in this scenario would change it.'
      : 'No change was found, but the search stopped early: there may be other ways.'
  } else {
    if (result.found > options.length)
      notes.push(options.length === 1 ? `This is the smallest of ${result.found} ways.` : `These are the ${options.length} smallest of ${result.found} ways.`)
    if (!result.complete) notes.push('The search stopped early: there may be other ways.')
  }
  return { summary, options, ...(none ? { none } : {}), notes }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
