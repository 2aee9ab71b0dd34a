/**
 * The class summary as a printable, standalone HTML document: tables only (they print, and they
 * are what a screen reader reads), every text escaped, and a CSP that forbids scripts.
 */
import { plainText } from '../engine/explain.ts'
import { escapeHtml as esc } from '../report/text.ts'
import type { ClassNotes, ClassOverview, Tally } from './model.ts'
import { figures, percent, studentName } from './text.ts'

const documentPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

const css = `body{font:11pt/1.45 Georgia,serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.2}h2{border-bottom:1px solid #999;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f1f1f1}.note{border-left:3px solid #777;padding-left:.6rem;white-space:pre-wrap}
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}tr{break-inside:avoid}}`

const row = (cells: (string | number)[], header = false) =>
  `<tr>${cells.map((c) => (header ? `<th scope="col">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`

const tallyTable = (caption: string, list: Tally[]) =>
  list.length
    ? `<table><caption>${esc(caption)}</caption>${row(['Answer', 'Students'], true)}${list.map((t) => row([esc(t.label), t.count])).join('')}</table>`
    : ''

/** The class summary as a complete HTML document. */
export function renderClassHtml(aggregate: ClassOverview, notes: ClassNotes): string {
  const { rulebook } = aggregate
  const parts: string[] = []
  parts.push(`<h1>Class summary: ${esc(rulebook.title)}</h1>`)
  parts.push(
    `<p>Rulebook <code>${esc(rulebook.id)}</code> version ${esc(rulebook.version)}. ${aggregate.summaries.length} students; ${aggregate.rejected.length} files left out.</p>`,
  )
  if (aggregate.rejected.length) {
    parts.push(
      `<h2>Files left out</h2><table>${row(['File', 'Reason'], true)}${aggregate.rejected.map((r) => row([esc(r.file), esc(r.reason)])).join('')}</table>`,
    )
  }
  parts.push('<h2>Questions</h2>')
  for (const q of aggregate.questions) {
    parts.push(`<h3>Q${q.number}. ${esc(q.title)}</h3>`)
    const note = notes.questions[q.id]?.trim()
    if (note) parts.push(`<p class="note">Instructor's note: ${esc(note)}</p>`)
    for (const s of q.scenarios) {
      const lines = [
        `Scenario: ${s.scenarioTitle}`,
        `Asked of ${s.asked}, answered by ${s.answered} (${percent(s.answered, s.asked)})`,
        ...figures(s),
      ]
      if (s.scale) lines.push(`Scale: median ${s.scale.median ?? '–'}, range ${s.scale.min ?? '–'} to ${s.scale.max ?? '–'}`)
      if (s.freeText) lines.push(`Written answers: ${s.freeText.answers}; median ${s.freeText.medianWords} words`)
      if (s.uncitedRelevantFacts.length)
        lines.push(`Relevant facts nobody cited: ${s.uncitedRelevantFacts.map((f) => f.label).join(', ')}`)
      parts.push(`<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`)
      parts.push(tallyTable(`Answers to Q${q.number} (${s.scenarioTitle})`, s.options))
      if (s.scale) parts.push(tallyTable(`Scale values for Q${q.number} (${s.scenarioTitle})`, s.scale.values))
      parts.push(tallyTable(`Facts cited for Q${q.number} (${s.scenarioTitle})`, s.citedFacts))
    }
  }
  parts.push(
    `<h2>Conclusions</h2><table>${row(['Conclusion', 'Scenario', 'Holds', 'Fails', 'Undetermined'], true)}${aggregate.conclusions
      .flatMap((c) =>
        c.scenarios.map((s) =>
          row([esc(plainText(c.statement)), esc(s.scenarioTitle), s.counts.holds, s.counts.fails, s.counts.undetermined]),
        ),
      )
      .join('')}</table>`,
  )
  parts.push('<h2>Paths</h2>')
  for (const p of aggregate.paths) {
    parts.push(`<h3>${esc(p.scenarioTitle)}: ${p.students} students, ${p.distinct} distinct routes</h3>`)
    parts.push(
      `<table><caption>Most common routes</caption>${row(['Students', 'Route'], true)}${p.routes
        .map((r) => row([r.count, esc(r.steps.map((s) => `Q${s.number} ${s.answer}`).join(' → ') || '(nothing answered)')]))
        .join('')}</table>`,
    )
    if (p.splits.length)
      parts.push(
        `<table><caption>Where the class split</caption>${row(['Question', 'Students', 'Branches'], true)}${p.splits
          .map((s) => row([`Q${s.number}`, s.reached, esc(s.branches.map((b) => `${b.label}: ${b.count}`).join('; '))]))
          .join('')}</table>`,
      )
  }
  parts.push(
    `<h2>Students</h2><table>${row(['Student', 'Scenario', 'Answered', 'Unanswered', 'Unreasoned', 'Uncommitted', 'Stale', 'Note'], true)}${aggregate.summaries
      .map((s) =>
        row([
          esc(studentName(s.name)),
          esc(s.scenarioTitle),
          `${s.answered} of ${s.total}`,
          s.unanswered.length,
          s.unreasoned.length,
          s.uncommitted.length,
          s.stale.length,
          esc(notes.students[s.key]?.trim() ?? ''),
        ]),
      )
      .join('')}</table>`,
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${documentPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Class summary: ${rulebook.title}`)}</title>
<style>${css}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`
}
