/**
 * The report as HTML: a complete standalone document (to download, or to print to PDF), and the
 * body alone for the app to show. Everything from the session or the rulebook is escaped, or
 * rendered by the safe Markdown renderer; the document also forbids scripts with its own CSP.
 */
import type {
  Report,
  ReportConclusion,
  ReportFact,
  ReportModelAnswer,
  ReportOrphan,
  ReportQuestion,
} from './model.ts'
import { fontFaceCss, type ReportFont } from './fonts.ts'
import { isSafeLink, markdownToHtml, markdownToHtmlInline } from './markdown.ts'
import { reportCss } from './style.ts'
import { reviewParts } from './review.ts'
import {
  citedAt,
  conclusionGroups,
  conclusionKindLabel,
  confidenceLabel,
  dateInWords,
  escapeHtml as esc,
  factLabel,
  factQualifier,
  reasoningParts,
} from './text.ts'

/**
 * Even if something slipped through escaping, a saved report can run nothing and fetch nothing;
 * its only fonts are the ones embedded in it.
 */
const documentPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src 'none'; base-uri 'none'; form-action 'none'"

/** What the standalone document may carry besides the report. */
export interface RenderHtmlOptions {
  /**
   * The report's typefaces (`reportFontSources` with their bytes), embedded so the document
   * prints the same on every machine. Without them it says so and uses the reader's fonts.
   */
  fonts?: readonly ReportFont[]
}

/** The report as a complete HTML document with its print stylesheet. */
export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  const { title } = report
  const name = title.studentName ? ` — ${title.studentName}` : ''
  const body = renderHtmlBody(report)
  const fonts = options.fonts?.length
    ? `<style>\n${fontFaceCss(options.fonts, body)}\n</style>`
    : "<!-- The typefaces (Source Serif 4, Source Code Pro) are not embedded in this copy: it prints in the reader's own serif font. -->"
  return `<!doctype html>
<html lang="${esc(title.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${documentPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Casework">
<title>${esc(`Conclusion report: ${title.rulebookTitle}${name}`)}</title>
${fonts}
<style>${reportCss}</style>
</head>
<body>
${body}
</body>
</html>
`
}

/** The report's markup, inside `<article class="casework-report">`, for the app to show. */
export function renderHtmlBody(report: Report): string {
  const parts = [
    titleBlock(report),
    review(report),
    notices(report),
    analysis(report),
    unanswered(report),
    stale(report),
    orphaned(report),
    conclusions(report),
    memo(report),
    authorities(report),
    facts(report),
    glossary(report),
    `<footer>${report.citeAs ? `<p class="report-cite">Cite the scenario as: ${esc(report.citeAs)}</p>` : ''}<p>Made with Casework from the rulebook <code>${esc(report.title.rulebookId)}</code> ${esc(report.title.rulebookVersion)} (content ${esc(report.title.contentHash)}).</p></footer>`,
  ]
  return `<article class="casework-report">\n${parts.filter(Boolean).join('\n')}\n</article>`
}

const md = (text: string) => markdownToHtml(text)
const modelAnswersLeftOutText = 'Left out of this hand-in at the student’s choice'
const inline = (text: string) => markdownToHtmlInline(text)

function titleBlock(report: Report): string {
  const { title, instructorCopy } = report
  const rows: [string, string][] = [
    [
      'Rulebook',
      `${esc(title.rulebookTitle)}, version ${esc(title.rulebookVersion)} <span class="report-hash">(content ${esc(title.contentHash)})</span>`,
    ],
    ['Authors', esc(title.authors.join('; '))],
    ['Scenario', esc(title.scenarioTitle)],
    ['Student', title.studentName ? esc(title.studentName) : '<em>Not given</em>'],
  ]
  if (title.workbookTitle) rows.push(['Workbook', esc(title.workbookTitle)])
  rows.push(['Date', `<time datetime="${esc(title.date)}">${esc(title.dateText)}</time>`])
  rows.push([
    'Progress',
    `${title.progress.answered} of ${title.progress.total} questions answered`,
  ])
  if (report.modelAnswersLeftOut) rows.push(['Model answers', modelAnswersLeftOutText])
  const kicker = instructorCopy ? 'Conclusion report — instructor’s copy' : 'Conclusion report'
  return `<header class="report-title">
<p class="report-kicker">${kicker}</p>
<h1>${esc(title.rulebookTitle)}</h1>
<dl class="report-meta">
${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('\n')}
</dl>
${report.variation ? `<div class="report-variation"><p><strong>What changes in this variation</strong></p>\n${md(report.variation)}</div>\n` : ''}</header>`
}

function memo({ memo }: Report): string {
  if (!memo) return ''
  return `<section class="report-part" aria-labelledby="report-memo">
<h2 id="report-memo">Model memo</h2>
${md(memo)}
</section>`
}

function glossary({ glossary }: Report): string {
  if (!glossary?.length) return ''
  return `<section class="report-part" aria-labelledby="report-glossary">
<h2 id="report-glossary">Appendix: glossary</h2>
<dl class="report-glossary">
${glossary
  .map(
    (term) =>
      `<dt id="term-${esc(term.id)}">${esc(term.term)}</dt>\n<dd>${md(term.definition)}${term.authorities.length ? `<p class="report-glossary-authorities">${esc(term.authorities.join('; '))}</p>` : ''}</dd>`,
  )
  .join('\n')}
</dl>
</section>`
}

function review({ review }: Report): string {
  const { counts } = review
  const parts = reviewParts.filter(({ key }) => review[key].length > 0)
  const list = parts
    .map(
      ({ key, heading }) =>
        `<li><strong>${esc(heading)} (${review[key].length}):</strong> ${review[key].map((q) => `Question ${q.number}. ${esc(q.title)}`).join('; ')}</li>`,
    )
    .join('\n')
  return `<section class="report-review" aria-labelledby="report-review">
<h2 id="report-review">Review</h2>
<p>${counts.answered} of ${counts.total} questions answered, ${counts.reasoned} with reasoning, ${counts.committed} committed.</p>
${parts.length > 0 ? `<ul>\n${list}\n</ul>` : '<p>Nothing is left unanswered, unreasoned, uncommitted, stale or revised after the model answer.</p>'}
</section>`
}

function notices({ notices }: Report): string {
  if (notices.length === 0) return ''
  return `<aside class="report-notices" aria-labelledby="report-notices">
<h2 id="report-notices">Changes since this work was done</h2>
<ul>
${notices.map((notice) => `<li>${inline(notice)}</li>`).join('\n')}
</ul>
</aside>`
}

function analysis(report: Report): string {
  const body =
    report.sections.length === 0
      ? '<p>No question has been answered yet.</p>'
      : report.sections
          .map(
            (
              section,
            ) => `<section class="report-section" aria-labelledby="section-${esc(section.id)}">
<h3 id="section-${esc(section.id)}">${section.number}. ${esc(section.title)}</h3>
${section.questions.map((question) => questionBlock(question)).join('\n')}
</section>`,
          )
          .join('\n')
  return `<section class="report-analysis" aria-labelledby="report-analysis">
<h2 id="report-analysis">Analysis</h2>
${body}
</section>`
}

function questionBlock(question: ReportQuestion): string {
  const student = [answerLine(question), ...workParts(question), commitRecord(question)].join('\n')
  const model = question.modelAnswer ? modelAnswerBlock(question.modelAnswer) : ''
  return `<section class="report-question" aria-labelledby="question-${esc(question.id)}">
<h4 id="question-${esc(question.id)}">Question ${question.number}. ${esc(question.title)}</h4>
<div class="report-prompt">${md(question.prompt)}</div>
${question.reason ? `<p class="report-reason">${inline(question.reason)}</p>` : ''}
${question.warnings.map((warning) => `<p class="report-warning">${inline(warning)}</p>`).join('\n')}
${model ? `<div class="report-compare">\n<div class="report-student">\n<h5>Your answer</h5>\n${student}\n</div>\n${model}\n</div>` : student}
${question.authorities.length > 0 ? `<p class="report-citations"><strong>Authorities:</strong> ${question.authorities.map((a) => esc(a.pinpoint ? `${a.title}, ${a.pinpoint}` : a.title)).join('; ')}</p>` : ''}
</section>`
}

function answerLine(
  question: Pick<ReportQuestion, 'answer' | 'confidence' | 'committedAt'> & {
    writtenAnswer?: string
  },
): string {
  const items: string[] = []
  if (question.answer !== undefined)
    items.push(`<span><strong>Answer:</strong> ${esc(question.answer)}</span>`)
  else if (!question.writtenAnswer) items.push('<span><strong>Answer:</strong> none</span>')
  if (question.confidence)
    items.push(`<span><strong>Confidence:</strong> ${confidenceLabel[question.confidence]}</span>`)
  if (question.committedAt)
    items.push(`<span><strong>Committed:</strong> ${esc(dateInWords(question.committedAt))}</span>`)
  return items.length > 0 ? `<p class="report-answer">${items.join(' ')}</p>` : ''
}

/** The written answer, the IRAC reasoning, the facts cited and the counter-argument. */
function workParts(
  work: Pick<ReportQuestion, 'reasoning' | 'citedFacts' | 'counterArgument'> & {
    writtenAnswer?: string
  },
): string[] {
  const parts: string[] = []
  if (work.writtenAnswer) parts.push(`<h5>Written answer</h5>\n${md(work.writtenAnswer)}`)
  for (const { part, heading } of reasoningParts) {
    const text = work.reasoning[part]
    if (text?.trim()) parts.push(`<h5>${heading}</h5>\n${md(text)}`)
  }
  if (work.citedFacts.length > 0) {
    parts.push(
      `<h5>Facts cited</h5>\n<ul class="report-facts">\n${work.citedFacts.map(quotedFact).join('\n')}\n</ul>`,
    )
  }
  if (work.counterArgument) parts.push(`<h5>Counter-argument</h5>\n${md(work.counterArgument)}`)
  return parts
}

/** What was committed, and the revisions since: a revision is recorded, never hidden. */
function commitRecord(question: ReportQuestion): string {
  const { committed, revisions } = question
  if (!committed && revisions.length === 0) return ''
  const lines: string[] = []
  if (committed) {
    lines.push(
      `<p><strong>As committed</strong> on ${esc(dateInWords(committed.at))}: ${committed.answer === undefined ? 'no answer' : esc(committed.answer)}</p>`,
    )
    if (committed.reasoning?.conclusion?.trim())
      lines.push(
        `<div class="report-committed-conclusion">${md(committed.reasoning.conclusion)}</div>`,
      )
  }
  if (revisions.length > 0) {
    lines.push(
      `<ul>\n${revisions.map((r) => `<li>Revised on <time datetime="${esc(r.at)}">${esc(dateInWords(r.at))}</time>${r.afterReveal ? ', after the model answer was revealed' : ''}: ${r.answer === undefined ? 'answer cleared' : esc(r.answer)}</li>`).join('\n')}\n</ul>`,
    )
  } else if (committed?.reasoning) {
    lines.push('<p>The reasoning was revised after committing.</p>')
  }
  return `<div class="report-commit-record">\n<h5>Committed work and revisions</h5>\n${lines.join('\n')}\n</div>`
}

function quotedFact(fact: ReportFact): string {
  const label = `<span class="report-fact-label">${esc(factLabel(fact))}</span>`
  const qualifier = factQualifier(fact)
  const head = `${fact.number !== undefined && !fact.otherScenario ? `<a href="#fact-${esc(fact.id)}">${label}</a>` : label}${qualifier ? ` <span class="report-fact-qualifier">(${esc(qualifier)})</span>` : ''}`
  const text =
    fact.text === undefined ? '<p><em>This fact is not in the rulebook.</em></p>' : md(fact.text)
  // On paper a fact of the appendix is cited by its number alone (its words are printed there once).
  const inAppendix = fact.number !== undefined && !fact.otherScenario
  return `<li${inAppendix ? ' class="report-fact-in-appendix"' : ''}><blockquote>\n<p>${head}</p>\n${text}</blockquote></li>`
}

function modelAnswerBlock(model: ReportModelAnswer): string {
  return `<div class="report-model">
<h5>Model answer${model.reveal === 'never' ? ' (instructor’s copy)' : ''}</h5>
${model.answer === undefined ? '' : `<p><strong>Answer:</strong> ${esc(model.answer)}</p>`}
${md(model.text)}
</div>`
}

function unanswered({ unanswered }: Report): string {
  if (unanswered.length === 0) return ''
  const begun = unanswered.flatMap((q) => (q.work ? [q.work] : []))
  return `<section class="report-part" aria-labelledby="report-unanswered">
<h2 id="report-unanswered">Questions not yet answered</h2>
<ul>
${unanswered
  .map(
    (q) =>
      `<li><strong>Question ${q.number}. ${esc(q.title)}</strong> <span class="report-section-name">(${esc(q.sectionTitle)})</span>: ${inline(q.reason)}${q.warnings.map((w) => ` ${inline(w)}`).join('')}</li>`,
  )
  .join('\n')}
</ul>
${begun.length > 0 ? `<h3>Work begun on them</h3>\n${begun.map((question) => questionBlock(question)).join('\n')}` : ''}
</section>`
}

function stale({ stale }: Report): string {
  if (stale.length === 0) return ''
  return `<section class="report-part" aria-labelledby="report-stale">
<h2 id="report-stale">Work on questions no longer asked</h2>
<p>An earlier answer changed, so these questions are no longer asked. The work on them is kept.</p>
<h3>The work kept</h3>
${stale.map((question) => questionBlock(question)).join('\n')}
</section>`
}

function orphaned({ orphaned }: Report): string {
  if (orphaned.length === 0) return ''
  return `<section class="report-part" aria-labelledby="report-orphaned">
<h2 id="report-orphaned">Work on questions no longer in the rulebook</h2>
<p>The rulebook has changed since this work was done. The work is kept as it was saved.</p>
<h3>The work kept</h3>
${orphaned.map(orphanBlock).join('\n')}
</section>`
}

function orphanBlock(orphan: ReportOrphan): string {
  return `<section class="report-question" aria-labelledby="orphan-${esc(orphan.id)}">
<h4 id="orphan-${esc(orphan.id)}"><code>${esc(orphan.id)}</code></h4>
${answerLine({ answer: orphan.answer, confidence: orphan.confidence, committedAt: undefined })}
${workParts(orphan).join('\n')}
</section>`
}

function conclusions({ conclusions }: Report): string {
  const groups = conclusionGroups
    .map(({ status, heading }) => ({
      heading,
      items: conclusions.filter((c) => c.status === status),
    }))
    .filter((group) => group.items.length > 0)
  const body =
    groups.length === 0
      ? '<p>The rulebook draws no conclusions.</p>'
      : groups
          .map(
            (group) => `<h3>${group.heading}</h3>\n${group.items.map(conclusionBlock).join('\n')}`,
          )
          .join('\n')
  return `<section class="report-part" aria-labelledby="report-conclusions">
<h2 id="report-conclusions">Conclusions</h2>
${body}
</section>`
}

function conclusionBlock(conclusion: ReportConclusion): string {
  const section = conclusion.sectionTitle
    ? ` <span class="report-section-name">(${esc(conclusion.sectionTitle)})</span>`
    : ''
  return `<div class="report-conclusion">
<p><span class="report-conclusion-kind">${conclusionKindLabel[conclusion.kind]}.</span> ${inline(conclusion.statement)}${section}</p>
<p class="report-trace">${inline(conclusion.trace)}</p>
${conclusion.explanation ? md(conclusion.explanation) : ''}
</div>`
}

function authorities({ authorities }: Report): string {
  const body =
    authorities.length === 0
      ? '<p>The answered questions cite no authorities.</p>'
      : authorities
          .map(
            (group) => `<h3>${group.heading}</h3>
<table>
<thead><tr><th scope="col">Authority</th><th scope="col">Cited at</th></tr></thead>
<tbody>
${group.authorities
  .map(
    (a) =>
      `<tr><td><cite>${esc(a.title)}</cite><br>${esc(a.citation)}${a.url && isSafeLink(a.url) ? `<br><a class="bare-url" href="${esc(a.url)}" rel="noopener noreferrer">${esc(a.url)}</a>` : ''}</td><td>${esc(a.citedBy.map(citedAt).join(', '))}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`,
          )
          .join('\n')
  return `<section class="report-part" aria-labelledby="report-authorities">
<h2 id="report-authorities">Table of authorities</h2>
${body}
</section>`
}

function facts({ facts, title }: Report): string {
  if (facts.length === 0) return ''
  return `<section class="report-part" aria-labelledby="report-facts">
<h2 id="report-facts">Appendix: the facts of the scenario</h2>
<p>${esc(title.scenarioTitle)}, as the rulebook states it. Citations above refer to these paragraphs.</p>
<ol class="report-fact-list">
${facts
  .map((fact) => {
    const qualifier = factQualifier(fact)
    return `<li id="fact-${esc(fact.id)}" value="${fact.number ?? ''}">${fact.text ? md(fact.text) : ''}${qualifier ? `<p class="report-fact-qualifier">(${esc(qualifier)})</p>` : ''}</li>`
  })
  .join('\n')}
</ol>
</section>`
}
