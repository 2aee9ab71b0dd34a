/**
 * The report as Markdown, for students who hand in plain text or paste into other tools. Plain
 * text is escaped; Markdown from the session or the rulebook is kept, made inert (no raw HTML,
 * no script links), since the file will be opened in viewers we do not control.
 */
import type {
  Report,
  ReportConclusion,
  ReportFact,
  ReportModelAnswer,
  ReportOrphan,
  ReportQuestion,
} from './model.ts'
import { inertMarkdown, inertMarkdownLine } from './markdown.ts'
import { reviewParts } from './review.ts'
import {
  citedAt,
  conclusionGroups,
  conclusionKindLabel,
  confidenceLabel,
  dateInWords,
  escapeMarkdownText as esc,
  factLabel,
  factQualifier,
  reasoningParts,
} from './text.ts'

/** The report as a Markdown document (CommonMark with GFM tables). */
export function renderMarkdown(report: Report): string {
  const blocks = [
    ...titleBlock(report),
    ...review(report),
    ...notices(report),
    ...analysis(report),
    ...unanswered(report),
    ...stale(report),
    ...orphaned(report),
    ...conclusions(report),
    ...memo(report),
    ...authorities(report),
    ...facts(report),
    ...glossary(report),
    '---',
    ...(report.citeAs ? [`Cite the scenario as: ${esc(report.citeAs)}`] : []),
    `Made with Casework from the rulebook \`${report.title.rulebookId}\` ${esc(report.title.rulebookVersion)} (content ${esc(report.title.contentHash)}).`,
  ]
  return linkToAppendices(`${blocks.join('\n\n')}\n`, report)
}

function memo({ memo }: Report): string[] {
  return memo ? ['## Model memo', md(memo)] : []
}

const glossaryAppendix = 'Appendix: glossary'
const factsAppendix = 'Appendix: the facts of the scenario'

function glossary({ glossary }: Report): string[] {
  if (!glossary?.length) return []
  return [
    `## ${glossaryAppendix}`,
    ...glossary.flatMap((term) => [
      `### ${esc(term.term)}`,
      md(term.definition) + (term.authorities.length ? `\n\n*${esc(term.authorities.join('; '))}*` : ''),
    ]),
  ]
}

/** The anchor GitHub and most Markdown viewers give a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '')
    .replace(/\s/g, '-')
}

/** A heading's text as a viewer shows it: escapes, emphasis and code marks removed. */
function headingText(source: string): string {
  return source
    .replace(/\s+#+\s*$/, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '\u0000$1')
    .replace(/[*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '')
    .replace(/\u0000/g, '')
}

/**
 * The anchor of every heading of the document, in order, numbered as GitHub numbers repeats
 * (`slug`, `slug-1`, …). Headings inside fenced code are not headings.
 */
function documentSlugs(text: string): { text: string; slug: string }[] {
  const seen = new Map<string, number>()
  const headings: { text: string; slug: string }[] = []
  let fence: string | undefined
  for (const raw of text.split('\n')) {
    const lineText = raw.replace(/^(?:>\s?)*/, '')
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(lineText)?.[1]
    if (marker) {
      if (!fence) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      continue
    }
    if (fence) continue
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(lineText)
    if (!heading) continue
    const content = headingText(heading[1]!)
    const base = headingSlug(content)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    headings.push({ text: content, slug: count === 0 ? base : `${base}-${count}` })
  }
  return headings
}

/** The heading of a fact in the appendix; its anchor is what `#fact-<id>` links point at. */
const factHeading = (fact: ReportFact) => `Fact ${factLabel(fact)}`

/**
 * Markdown has no anchors of its own, so `#fact-<id>` and `#term-<id>` links are pointed at the
 * slug of the fact's heading in the facts appendix and of the term's in the glossary appendix,
 * which viewers make into anchors.
 */
function linkToAppendices(text: string, { facts, glossary }: Report): string {
  const slugs = documentSlugs(text)
  /** The anchor of the first heading after the appendix's own with this text. */
  const find = (appendix: string, wanted: string[]): Map<string, string> => {
    const found = new Map<string, string>()
    const start = slugs.findIndex((h) => h.text === appendix)
    if (start < 0) return found
    let next = start + 1
    for (const want of wanted) {
      while (next < slugs.length && slugs[next]!.text !== want) next++
      if (next < slugs.length) found.set(want, slugs[next++]!.slug)
    }
    return found
  }
  const factSlugs = find(factsAppendix, facts.map((f) => headingText(esc(factHeading(f)))))
  const termSlugs = find(glossaryAppendix, (glossary ?? []).map((t) => headingText(esc(t.term))))
  const byFact = new Map(facts.map((f) => [f.id, factSlugs.get(headingText(esc(factHeading(f))))]))
  const byTerm = new Map((glossary ?? []).map((t) => [t.id, termSlugs.get(headingText(esc(t.term)))]))
  return text.replace(/\]\(#(fact|term)-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\)/g, (whole, kind: string, id: string) => {
    const slug = (kind === 'fact' ? byFact : byTerm).get(id)
    return slug ? `](#${slug})` : whole
  })
}

/** Untrusted Markdown, made inert (re-written from its parse, so nothing it opens stays open). */
const md = (text: string) => inertMarkdown(text)

/** Markdown as a block quote. */
const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n')

/** Markdown indented to sit inside a list item. */
const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `  ${line}`))
    .join('\n')

/** Engine sentences and other one-line Markdown, flattened to one line from their parse. */
const line = (text: string) => inertMarkdownLine(text)

function titleBlock({ title, instructorCopy, variation, modelAnswersLeftOut }: Report): string[] {
  const rows = [
    `- **Rulebook:** ${esc(title.rulebookTitle)}, version ${esc(title.rulebookVersion)} (content ${esc(title.contentHash)})`,
    `- **Authors:** ${esc(title.authors.join('; '))}`,
    `- **Scenario:** ${esc(title.scenarioTitle)}`,
    `- **Student:** ${title.studentName ? esc(title.studentName) : '*Not given*'}`,
  ]
  if (title.workbookTitle) rows.push(`- **Workbook:** ${esc(title.workbookTitle)}`)
  rows.push(`- **Date:** ${esc(title.dateText)}`)
  rows.push(
    `- **Progress:** ${title.progress.answered} of ${title.progress.total} questions answered`,
  )
  if (modelAnswersLeftOut) rows.push('- **Model answers:** Left out of this hand-in at the student’s choice')
  const kind = instructorCopy ? 'Conclusion report (instructor’s copy)' : 'Conclusion report'
  return [
    `# ${kind}: ${esc(title.rulebookTitle)}`,
    rows.join('\n'),
    ...(variation ? [`**What changes in this variation:** ${line(variation)}`] : []),
  ]
}

function review({ review }: Report): string[] {
  const { counts } = review
  const parts = reviewParts.filter(({ key }) => review[key].length > 0)
  return [
    '## Review',
    `${counts.answered} of ${counts.total} questions answered, ${counts.reasoned} with reasoning, ${counts.committed} committed.`,
    parts.length > 0
      ? parts
          .map(
            ({ key, heading }) =>
              `- **${esc(heading)} (${review[key].length}):** ${review[key].map((q) => `Question ${q.number}. ${esc(q.title)}`).join('; ')}`,
          )
          .join('\n')
      : 'Nothing is left unanswered, unreasoned, uncommitted, stale or revised after the model answer.',
  ]
}

function commitRecord(question: ReportQuestion): string[] {
  const { committed, revisions } = question
  if (!committed && revisions.length === 0) return []
  const blocks = ['##### Committed work and revisions']
  if (committed) {
    blocks.push(
      `**As committed** on ${esc(dateInWords(committed.at))}: ${committed.answer === undefined ? 'no answer' : esc(committed.answer)}`,
    )
    if (committed.reasoning?.conclusion?.trim())
      blocks.push(quote(md(committed.reasoning.conclusion)))
  }
  if (revisions.length > 0)
    blocks.push(
      revisions
        .map(
          (r) =>
            `- Revised on ${esc(dateInWords(r.at))}${r.afterReveal ? ', after the model answer was revealed' : ''}: ${r.answer === undefined ? 'answer cleared' : esc(r.answer)}`,
        )
        .join('\n'),
    )
  else if (committed?.reasoning) blocks.push('The reasoning was revised after committing.')
  return blocks
}

function notices({ notices }: Report): string[] {
  if (notices.length === 0) return []
  return [
    quote(
      `**Changes since this work was done**\n\n${notices.map((notice) => `- ${line(notice)}`).join('\n')}`,
    ),
  ]
}

function analysis(report: Report): string[] {
  const blocks = ['## Analysis']
  if (report.sections.length === 0) blocks.push('No question has been answered yet.')
  for (const section of report.sections) {
    blocks.push(`### ${section.number}. ${esc(section.title)}`)
    for (const question of section.questions) blocks.push(...questionBlocks(question))
  }
  return blocks
}

function questionBlocks(question: ReportQuestion): string[] {
  const blocks = [
    `#### Question ${question.number}. ${esc(question.title)}`,
    quote(md(question.prompt)),
  ]
  if (question.reason) blocks.push(line(question.reason))
  for (const warning of question.warnings) blocks.push(`**Note:** ${line(warning)}`)
  blocks.push(...answerLine(question), ...workBlocks(question), ...commitRecord(question))
  if (question.authorities.length > 0) {
    const cited = question.authorities.map((a) =>
      esc(a.pinpoint ? `${a.title}, ${a.pinpoint}` : a.title),
    )
    blocks.push(`**Authorities:** ${cited.join('; ')}`)
  }
  if (question.modelAnswer) blocks.push(...modelAnswerBlocks(question.modelAnswer))
  return blocks
}

function answerLine(
  question: Pick<ReportQuestion, 'answer' | 'confidence' | 'committedAt'> & {
    writtenAnswer?: string
  },
): string[] {
  const items: string[] = []
  if (question.answer !== undefined) items.push(`**Answer:** ${esc(question.answer)}`)
  else if (!question.writtenAnswer) items.push('**Answer:** none')
  if (question.confidence) items.push(`**Confidence:** ${confidenceLabel[question.confidence]}`)
  if (question.committedAt) items.push(`**Committed:** ${esc(dateInWords(question.committedAt))}`)
  return items.length > 0 ? [items.join(' · ')] : []
}

function workBlocks(
  work: Pick<ReportQuestion, 'reasoning' | 'citedFacts' | 'counterArgument'> & {
    writtenAnswer?: string
  },
): string[] {
  const blocks: string[] = []
  if (work.writtenAnswer) blocks.push('##### Written answer', md(work.writtenAnswer))
  for (const { part, heading } of reasoningParts) {
    const text = work.reasoning[part]
    if (text?.trim()) blocks.push(`##### ${heading}`, md(text))
  }
  if (work.citedFacts.length > 0)
    blocks.push('##### Facts cited', ...work.citedFacts.map(quotedFact))
  if (work.counterArgument) blocks.push('##### Counter-argument', md(work.counterArgument))
  return blocks
}

function quotedFact(fact: ReportFact): string {
  const qualifier = factQualifier(fact)
  const head = `**${esc(factLabel(fact))}**${qualifier ? ` (${esc(qualifier)})` : ''}`
  const text = fact.text === undefined ? '*This fact is not in the rulebook.*' : md(fact.text)
  return quote(`${head}\n\n${text}`)
}

function modelAnswerBlocks(model: ReportModelAnswer): string[] {
  const blocks = [`##### Model answer${model.reveal === 'never' ? ' (instructor’s copy)' : ''}`]
  if (model.answer !== undefined) blocks.push(`**Answer:** ${esc(model.answer)}`)
  blocks.push(md(model.text))
  return blocks
}

function unanswered({ unanswered }: Report): string[] {
  if (unanswered.length === 0) return []
  const begun = unanswered.flatMap((q) => (q.work ? [q.work] : []))
  return [
    '## Questions not yet answered',
    unanswered
      .map(
        (q) =>
          `- **Question ${q.number}. ${esc(q.title)}** (${esc(q.sectionTitle)}): ${line(q.reason)}${q.warnings.map((w) => ` ${line(w)}`).join('')}`,
      )
      .join('\n'),
    ...(begun.length > 0 ? ['### Work begun on them', ...begun.flatMap(questionBlocks)] : []),
  ]
}

function stale({ stale }: Report): string[] {
  if (stale.length === 0) return []
  return [
    '## Work on questions no longer asked',
    'An earlier answer changed, so these questions are no longer asked. The work on them is kept.',
    '### The work kept',
    ...stale.flatMap(questionBlocks),
  ]
}

function orphaned({ orphaned }: Report): string[] {
  if (orphaned.length === 0) return []
  return [
    '## Work on questions no longer in the rulebook',
    'The rulebook has changed since this work was done. The work is kept as it was saved.',
    '### The work kept',
    ...orphaned.flatMap(orphanBlocks),
  ]
}

function orphanBlocks(orphan: ReportOrphan): string[] {
  return [
    `#### \`${orphan.id}\``,
    ...answerLine({ answer: orphan.answer, confidence: orphan.confidence, committedAt: undefined }),
    ...workBlocks(orphan),
  ]
}

function conclusions({ conclusions }: Report): string[] {
  const blocks = ['## Conclusions']
  if (conclusions.length === 0) blocks.push('The rulebook draws no conclusions.')
  for (const { status, heading } of conclusionGroups) {
    const items = conclusions.filter((c) => c.status === status)
    if (items.length > 0) blocks.push(`### ${heading}`, ...items.map(conclusionItem))
  }
  return blocks
}

function conclusionItem(conclusion: ReportConclusion): string {
  const section = conclusion.sectionTitle ? ` (${esc(conclusion.sectionTitle)})` : ''
  const parts = [
    `- **${conclusionKindLabel[conclusion.kind]}.** ${line(conclusion.statement)}${section}`,
    indent(line(conclusion.trace)),
  ]
  if (conclusion.explanation) parts.push(indent(md(conclusion.explanation)))
  return parts.join('\n\n')
}

function authorities({ authorities }: Report): string[] {
  const blocks = ['## Table of authorities']
  if (authorities.length === 0) blocks.push('The answered questions cite no authorities.')
  for (const group of authorities) {
    const rows = group.authorities.map((a) => {
      const cell = [`*${esc(a.title)}*`, esc(a.citation), ...(a.url ? [esc(a.url)] : [])].join(
        ' — ',
      )
      return `| ${cell} | ${esc(a.citedBy.map(citedAt).join(', '))} |`
    })
    blocks.push(
      `### ${group.heading}`,
      ['| Authority | Cited at |', '| --- | --- |', ...rows].join('\n'),
    )
  }
  return blocks
}

function facts({ facts, title }: Report): string[] {
  if (facts.length === 0) return []
  return [
    `## ${factsAppendix}`,
    `${esc(title.scenarioTitle)}, as the rulebook states it. Citations above refer to these paragraphs.`,
    ...facts.flatMap((fact) => {
      const qualifier = factQualifier(fact)
      const text = `${fact.text ? line(fact.text) : '*This fact is not in the rulebook.*'}${qualifier ? ` (${esc(qualifier)})` : ''}`
      return [`### ${esc(factHeading(fact))}`, text]
    }),
  ]
}
