/**
 * The instructor apparatus of a rulebook (session plan, readings, rubric), its glossary and its
 * citation lines, as data and as Markdown or HTML: what the "For instructors" page shows and
 * `casework instructor` exports. Pure.
 */
import type { Rulebook } from '../engine/generated/rulebook.ts'
import { citeAs } from '../engine/cite.ts'
import { sortedGlossary } from '../engine/glossary.ts'
import { resolveScenarios } from '../engine/scenarios.ts'
import { markdownToHtml } from './markdown.ts'
import { escapeHtml, escapeMarkdownText } from './text.ts'
import { inertMarkdown } from './markdown.ts'

/** The apparatus with its references resolved. */
export interface InstructorModel {
  title: string
  version: string
  citeAs: string
  scenarios: { id: string; title: string; citeAs: string; variation: string | undefined; memo: boolean }[]
  plan: { title: string; minutes: number; start: number; activity: string | undefined }[]
  totalMinutes: number
  readings: { title: string; citation: string | undefined; url: string | undefined; pinpoint: string | undefined; note: string | undefined }[]
  rubric: { criterion: string; levels: { label: string; description: string }[] }[]
  glossary: { id: string; term: string; definition: string; authorities: string[] }[]
}

/** `95` → `1 h 35 min`; `40` → `40 min`. */
export function minutesInWords(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return hours === 0 ? `${rest} min` : rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

export function instructorModel(rulebook: Rulebook): InstructorModel {
  const authorities = new Map(rulebook.authorities.map((a) => [a.id, a]))
  let clock = 0
  const plan = (rulebook.instructor?.plan ?? []).map((item) => {
    const start = clock
    clock += item.minutes
    return { title: item.title, minutes: item.minutes, start, activity: item.activity }
  })
  return {
    title: rulebook.title,
    version: rulebook.version,
    citeAs: citeAs(rulebook),
    scenarios: resolveScenarios(rulebook).scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      citeAs: citeAs(rulebook, s),
      variation: s.variation,
      memo: s.memo !== undefined,
    })),
    plan,
    totalMinutes: clock,
    readings: (rulebook.instructor?.readings ?? []).map((reading) => {
      const authority = reading.authority === undefined ? undefined : authorities.get(reading.authority)
      return {
        title: reading.title ?? authority?.title ?? reading.authority ?? '',
        citation: authority?.citation,
        url: authority?.url,
        pinpoint: reading.pinpoint,
        note: reading.note,
      }
    }),
    rubric: (rulebook.instructor?.rubric ?? []).map((c) => ({ criterion: c.criterion, levels: c.levels })),
    glossary: sortedGlossary(rulebook.glossary).map((term) => ({
      id: term.id,
      term: term.term,
      definition: term.definition,
      authorities: (term.authorities ?? []).map((c) => {
        const title = authorities.get(c.authority)?.title ?? c.authority
        return c.pinpoint ? `${title}, ${c.pinpoint}` : title
      }),
    })),
  }
}

const md = (text: string) => inertMarkdown(text.replace(/\r\n?/g, '\n')).trim()
const esc = escapeMarkdownText

/** The apparatus as a Markdown document. */
export function renderInstructorMarkdown(rulebook: Rulebook): string {
  const m = instructorModel(rulebook)
  const blocks = [`# For instructors: ${esc(m.title)}`, `Version ${esc(m.version)}. **Cite as:** ${esc(m.citeAs)}`]
  blocks.push('## Scenarios', m.scenarios.map((s) => `- **${esc(s.title)}** (\`${s.id}\`)${s.memo ? ', with a model memo' : ''}. Cite as: ${esc(s.citeAs)}`).join('\n'))
  if (m.plan.length > 0) {
    blocks.push(
      '## Session plan',
      [
        '| Start | Minutes | Activity |',
        '| --- | --- | --- |',
        ...m.plan.map((p) => `| ${minutesInWords(p.start)} | ${p.minutes} | **${esc(p.title)}**${p.activity ? ` ${md(p.activity).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')}` : ''} |`),
      ].join('\n'),
      `Total: ${m.totalMinutes} minutes (${minutesInWords(m.totalMinutes)}).`,
    )
  }
  if (m.readings.length > 0) {
    blocks.push(
      '## Readings',
      m.readings
        .map((r) => `1. *${esc(r.title)}*${r.citation ? `, ${esc(r.citation)}` : ''}${r.pinpoint ? `, ${esc(r.pinpoint)}` : ''}${r.note ? `: ${md(r.note).replace(/\s*\n\s*/g, ' ')}` : ''}`)
        .join('\n'),
    )
  }
  if (m.rubric.length > 0) {
    blocks.push('## Marking rubric')
    for (const c of m.rubric) {
      blocks.push(`### ${esc(c.criterion)}`, c.levels.map((l) => `- **${esc(l.label)}:** ${md(l.description).replace(/\s*\n\s*/g, ' ')}`).join('\n'))
    }
  }
  if (m.glossary.length > 0) {
    blocks.push('## Glossary')
    for (const t of m.glossary) {
      blocks.push(`### ${esc(t.term)}`, md(t.definition) + (t.authorities.length ? `\n\n*${esc(t.authorities.join('; '))}*` : ''))
    }
  }
  return `${blocks.join('\n\n')}\n`
}

/** The apparatus as a standalone HTML document (no scripts; term links point at the glossary). */
export function renderInstructorHtml(rulebook: Rulebook): string {
  const m = instructorModel(rulebook)
  const h = escapeHtml
  const parts = [`<h1>For instructors: ${h(m.title)}</h1>`, `<p>Version ${h(m.version)}. <strong>Cite as:</strong> ${h(m.citeAs)}</p>`]
  parts.push('<h2>Scenarios</h2>', `<ul>${m.scenarios.map((s) => `<li><strong>${h(s.title)}</strong> (<code>${h(s.id)}</code>)${s.memo ? ', with a model memo' : ''}. Cite as: ${h(s.citeAs)}</li>`).join('')}</ul>`)
  if (m.plan.length > 0) {
    parts.push(
      '<h2>Session plan</h2>',
      `<table><thead><tr><th scope="col">Start</th><th scope="col">Minutes</th><th scope="col">Activity</th></tr></thead><tbody>${m.plan
        .map((p) => `<tr><td>${minutesInWords(p.start)}</td><td>${p.minutes}</td><td><strong>${h(p.title)}</strong>${p.activity ? markdownToHtml(p.activity) : ''}</td></tr>`)
        .join('')}</tbody><tfoot><tr><th scope="row" colspan="2">Total</th><td>${m.totalMinutes} minutes (${minutesInWords(m.totalMinutes)})</td></tr></tfoot></table>`,
    )
  }
  if (m.readings.length > 0) {
    parts.push('<h2>Readings</h2>', `<ol>${m.readings.map((r) => `<li><cite>${h(r.title)}</cite>${r.citation ? `, ${h(r.citation)}` : ''}${r.pinpoint ? `, ${h(r.pinpoint)}` : ''}${r.note ? markdownToHtml(r.note) : ''}</li>`).join('')}</ol>`)
  }
  if (m.rubric.length > 0) {
    parts.push('<h2>Marking rubric</h2>')
    for (const c of m.rubric) parts.push(`<h3>${h(c.criterion)}</h3><dl>${c.levels.map((l) => `<dt>${h(l.label)}</dt><dd>${markdownToHtml(l.description)}</dd>`).join('')}</dl>`)
  }
  if (m.glossary.length > 0) {
    parts.push('<h2>Glossary</h2>', `<dl>${m.glossary.map((t) => `<dt id="term-${h(t.id)}">${h(t.term)}</dt><dd>${markdownToHtml(t.definition)}${t.authorities.length ? `<p><em>${h(t.authorities.join('; '))}</em></p>` : ''}</dd>`).join('')}</dl>`)
  }
  return `<!doctype html>
<html lang="${h(rulebook.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(`For instructors: ${m.title}`)}</title>
<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}dt{font-weight:bold;margin-top:.6rem}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`
}
