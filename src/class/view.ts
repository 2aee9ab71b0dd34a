/**
 * What the class view's page is sent of a class kept elsewhere (in its worker): the figures
 * without the sessions, and the students' work one page at a time, filtered and searched where
 * the sessions are. Pure: the worker calls it, the tests call it in Node.
 */
import { workOn } from '../engine/answers.ts'
import type { ClassAggregate, ClassOverview, ClassQuestionFigures, ClassResponse } from './model.ts'

/** The figures without the sessions and without each student's work: small enough to copy to the page. */
export function overviewOf(aggregate: ClassAggregate): ClassOverview {
  return {
    rulebook: aggregate.rulebook,
    rejected: aggregate.rejected,
    questions: aggregate.questions.map((question) => ({
      ...question,
      scenarios: question.scenarios.map((scenario) => {
        const figures: ClassQuestionFigures & { responses?: unknown } = { ...scenario }
        delete figures.responses
        return figures
      }),
    })),
    conclusions: aggregate.conclusions,
    paths: aggregate.paths,
    summaries: aggregate.summaries,
  }
}

/** Which students' work on a question to show: `option:<id>`, `committed`, `stale`, or everyone (''). */
export interface ResponseQuery {
  question: string
  filter: string
  /** Words to find in the name, the written answer or the reasoning (any case); '' for all. */
  search: string
  /** The first response to send (0-based) and how many. */
  offset: number
  limit: number
}

/** One student's work on a question, with the text to read. */
export interface ResponseCard extends ClassResponse {
  key: string
  name: string
  scenarioTitle: string
  /** The written answer of a free-text question. */
  writtenAnswer: string | undefined
  /** The reasoning parts written, each with its heading, in IRAC order, then the counter-argument. */
  reasoning: [heading: string, text: string][]
}

/** A page of the students' work, and how many in all match the query. */
export interface ResponsePage {
  query: ResponseQuery
  total: number
  cards: ResponseCard[]
}

/** Most students shown at once: a page is copied to the view and rendered in one task. */
export const maxPageSize = 100

const headings = [
  ['Issue', 'issue'],
  ['Rule', 'rule'],
  ['Application', 'application'],
  ['Conclusion', 'conclusion'],
] as const

function texts(aggregate: ClassAggregate, question: ClassAggregate['questions'][number], response: ClassResponse) {
  const work = workOn(aggregate.students[response.student]!.session.answers, question.id)
  const reasoning: [string, string][] = []
  for (const [heading, part] of headings) {
    const text = work?.reasoning?.[part]
    if (text?.trim()) reasoning.push([heading, text])
  }
  if (work?.counterArgument?.trim()) reasoning.push(['Counter-argument', work.counterArgument])
  const value = work?.value
  return { reasoning, writtenAnswer: question.kind === 'free-text' && typeof value === 'string' ? value : undefined }
}

function matchesFilter(response: ClassResponse, filter: string): boolean {
  if (filter === 'stale') return response.stale
  if (filter === 'committed') return response.committed
  if (filter.startsWith('option:')) return response.optionIds.includes(filter.slice(7))
  return true
}

/**
 * The students' work on one question that matches the filter and the search, in scenario then
 * student order, from `offset`: at most `limit` (and at most `maxPageSize`) cards.
 */
export function responsePage(aggregate: ClassAggregate, query: ResponseQuery): ResponsePage {
  const question = aggregate.questions.find((q) => q.id === query.question)
  if (!question) return { query, total: 0, cards: [] }
  const words = query.search.trim().toLowerCase()
  const offset = Math.max(0, Math.floor(query.offset))
  const limit = Math.max(0, Math.min(maxPageSize, Math.floor(query.limit)))
  const cards: ResponseCard[] = []
  let total = 0
  for (const scenario of question.scenarios) {
    for (const response of scenario.responses) {
      if (!matchesFilter(response, query.filter)) continue
      const student = aggregate.students[response.student]!
      let found: ReturnType<typeof texts> | undefined
      if (words) {
        found = texts(aggregate, question, response)
        const haystack = [student.name, found.writtenAnswer ?? '', ...found.reasoning.map((part) => part[1])]
        if (!haystack.some((text) => text.toLowerCase().includes(words))) continue
      }
      if (total >= offset && cards.length < limit) {
        found ??= texts(aggregate, question, response)
        cards.push({ ...response, key: student.key, name: student.name, scenarioTitle: scenario.scenarioTitle, ...found })
      }
      total++
    }
  }
  return { query, total, cards }
}
