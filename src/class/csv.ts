/**
 * The class as CSV: one row per student and question (RFC 4180: quoted fields, CRLF lines). A
 * spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula, so such cells get a leading apostrophe: students' text is never run.
 */
import type { CompiledRulebook } from '../engine/compile.ts'
import { workOn } from '../engine/answers.ts'
import { reasoningParts } from '../report/text.ts'
import type { ClassAggregate, ClassNotes, ClassResponse } from './model.ts'

/** One cell: neutralised against formula injection, then quoted when it must be. */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvColumns = [
  'student',
  'file',
  'scenario',
  'question number',
  'question id',
  'question',
  'status',
  'answer',
  'confidence',
  'committed',
  'revised after reveal',
  'stale',
  'cited facts',
  'word count',
  'reasoning',
  'note on the question',
  'note on the student',
] as const

/** The class as CSV, every question each student was asked or worked on, in rulebook order. */
export function renderClassCsv(
  compiled: CompiledRulebook,
  aggregate: ClassAggregate,
  notes: ClassNotes = { questions: {}, students: {} },
): string {
  const rows: string[] = [csvColumns.join(',')]
  const byStudent = new Map<number, Map<string, ClassResponse>>()
  for (const question of aggregate.questions) {
    for (const scenario of question.scenarios) {
      for (const response of scenario.responses) {
        let map = byStudent.get(response.student)
        if (!map) byStudent.set(response.student, (map = new Map()))
        map.set(question.id, response)
      }
    }
  }
  aggregate.students.forEach((student, index) => {
    const responses = byStudent.get(index) ?? new Map<string, ClassResponse>()
    const summary = aggregate.summaries[index]!
    const unanswered = new Set(summary.unanswered)
    for (const question of aggregate.questions) {
      const response = responses.get(question.id)
      if (!response && !unanswered.has(question.id)) continue
      const work = workOn(student.session.answers, question.id)
      const answer =
        response?.answer ??
        (question.kind === 'free-text' && response?.status === 'answered' && typeof work?.value === 'string'
          ? work.value
          : '')
      const reasoning = reasoningParts
        .map(({ part, heading }) => {
          const text = work?.reasoning?.[part]?.trim()
          return text ? `${heading}: ${text}` : ''
        })
        .filter(Boolean)
        .join('\n')
      const facts = (response?.citedFacts ?? []).map((id) => {
        const found = compiled.facts.get(id)
        return found ? `¶${found.number}` : id
      })
      rows.push(
        [
          student.name,
          student.file,
          student.session.scenario,
          question.number,
          question.id,
          question.title,
          response?.status ?? 'to-answer',
          answer,
          response?.confidence ?? '',
          response?.committed ? 'yes' : 'no',
          response?.revised ? 'yes' : 'no',
          response?.stale ? 'yes' : 'no',
          facts.join(' '),
          response?.reasoningWords ?? 0,
          reasoning,
          notes.questions[question.id] ?? '',
          notes.students[student.key] ?? '',
        ]
          .map(csvCell)
          .join(','),
      )
    }
  })
  return `${rows.join('\r\n')}\r\n`
}
