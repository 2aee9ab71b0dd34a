/**
 * The class summary as Markdown: the figures per question, conclusion, path and student, with
 * the instructor's notes. Everything from a session or the rulebook is escaped as plain text
 * (`escapeMarkdownText`, the report's escaping), so the file is inert in any viewer.
 */
import { plainText } from '../engine/explain.ts'
import { escapeMarkdownText as md } from '../report/text.ts'
import type { ClassNotes, ClassOverview, ClassQuestionFigures, Tally } from './model.ts'
import { figures, percent, studentName } from './text.ts'

const tallies = (list: Tally[]) =>
  list.map((t) => `${md(t.label)}: ${t.count}`).join('; ') || 'none'

function scenarioLines(s: ClassQuestionFigures): string[] {
  const lines = [`- Asked of ${s.asked}, answered by ${s.answered} (${percent(s.answered, s.asked)})`]
  if (s.options.length) lines.push(`- Answers: ${tallies(s.options)}`)
  if (s.scale)
    lines.push(
      `- Scale: ${s.scale.values.length ? tallies(s.scale.values) : 'values vary'}; median ${s.scale.median ?? '–'}, range ${s.scale.min ?? '–'} to ${s.scale.max ?? '–'}`,
    )
  if (s.freeText)
    lines.push(
      `- Written answers: ${s.freeText.answers}; median ${s.freeText.medianWords} words (${s.freeText.minWords} to ${s.freeText.maxWords})`,
    )
  lines.push(...figures(s).map((line) => `- ${line}`))
  lines.push(`- Facts cited: ${tallies(s.citedFacts)}`)
  if (s.uncitedRelevantFacts.length)
    lines.push(`- Relevant facts nobody cited: ${s.uncitedRelevantFacts.map((f) => md(f.label)).join(', ')}`)
  return lines
}

/** The class summary as a Markdown document. */
export function renderClassMarkdown(aggregate: ClassOverview, notes: ClassNotes): string {
  const out: string[] = []
  const { rulebook } = aggregate
  out.push(`# Class summary: ${md(rulebook.title)}`, '')
  out.push(
    `Rulebook \`${md(rulebook.id)}\` version ${md(rulebook.version)}. ${aggregate.summaries.length} students; ${aggregate.rejected.length} files left out.`,
    '',
  )
  if (aggregate.rejected.length) {
    out.push('## Files left out', '')
    for (const r of aggregate.rejected) out.push(`- ${md(r.file)}: ${md(r.reason)}`)
    out.push('')
  }
  out.push('## Questions', '')
  for (const q of aggregate.questions) {
    out.push(`### Q${q.number}. ${md(q.title)}`, '')
    const note = notes.questions[q.id]?.trim()
    if (note) out.push(`Instructor's note: ${md(note)}`, '')
    for (const s of q.scenarios) {
      if (aggregate.questions.length && q.scenarios.length > 1) out.push(`Scenario: ${md(s.scenarioTitle)}`, '')
      out.push(...scenarioLines(s), '')
    }
  }
  out.push('## Conclusions', '', '| Conclusion | Scenario | Holds | Fails | Undetermined |', '|---|---|---|---|---|')
  for (const c of aggregate.conclusions) {
    for (const s of c.scenarios) {
      out.push(
        `| ${md(plainText(c.statement))} | ${md(s.scenarioTitle)} | ${s.counts.holds} | ${s.counts.fails} | ${s.counts.undetermined} |`,
      )
    }
  }
  out.push('', '## Paths', '')
  for (const p of aggregate.paths) {
    out.push(`### ${md(p.scenarioTitle)}: ${p.students} students, ${p.distinct} distinct routes`, '')
    for (const r of p.routes.slice(0, 5))
      out.push(`- ${r.count} × ${r.steps.map((s) => `Q${s.number} ${md(s.answer)}`).join(' → ') || '(nothing answered)'}`)
    out.push('')
    for (const split of p.splits)
      out.push(`- Split at Q${split.number} (${split.reached} students): ${tallies(split.branches)}`)
    out.push('')
  }
  out.push('## Students', '', '| Student | Scenario | Answered | Unanswered | Unreasoned | Uncommitted | Stale | Note |', '|---|---|---|---|---|---|---|---|')
  for (const s of aggregate.summaries) {
    out.push(
      `| ${md(studentName(s.name))} | ${md(s.scenarioTitle)} | ${s.answered} of ${s.total} | ${s.unanswered.length} | ${s.unreasoned.length} | ${s.uncommitted.length} | ${s.stale.length} | ${md(notes.students[s.key]?.trim() ?? '')} |`,
    )
  }
  return `${out.join('\n')}\n`
}
