/**
 * The report as a Word document (DOCX), for schools that take Word files: the same parts as the
 * HTML, with real headings (so Word's navigation pane and table of contents work), a table of
 * authorities as a table, and Markdown turned into paragraphs, lists and emphasis.
 *
 * The `docx` package is passed in by the caller (`renderDocx(report, await import('docx'))`)
 * rather than imported here. The app then loads it only when a student asks for a DOCX, and this
 * folder stays free of the package's declarations, which bring Node's types with them.
 */
import type {
  Report,
  ReportConclusion,
  ReportFact,
  ReportModelAnswer,
  ReportOrphan,
  ReportQuestion,
} from './model.ts'
import { markdownToBlocks, type TextBlock, type TextRun as MarkdownRun } from './markdown.ts'
import { reviewParts } from './review.ts'
import {
  citedAt,
  conclusionGroups,
  conclusionKindLabel,
  confidenceLabel,
  dateInWords,
  factLabel,
  factQualifier,
  reasoningParts,
} from './text.ts'

type HeadingLevel = 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4' | 'Heading5'

interface DocxRunOptions {
  text: string
  bold?: boolean
  italics?: boolean
  strike?: boolean
  font?: string
  break?: number
}

interface DocxParagraphOptions<Inline> {
  children?: readonly Inline[]
  heading?: HeadingLevel
  bullet?: { level: number }
  indent?: { left: number }
  keepNext?: boolean
  spacing?: { before?: number; after?: number }
}

type Percent = { size: number; type: 'pct' }

/**
 * The parts of the `docx` package the report uses; the package itself satisfies it. The type
 * parameters are the package's own classes (a paragraph or table, a run, a row, a cell, the
 * document), inferred from the module the caller passes.
 */
export interface DocxApi<Block, Inline, Row, Cell, Doc> {
  Document: new (options: {
    creator: string
    title: string
    description: string
    styles: { default: { document: { run: { font: string; size: number } } } }
    sections: { children: readonly Block[] }[]
  }) => Doc
  Paragraph: new (options: DocxParagraphOptions<Inline>) => Block
  TextRun: new (options: DocxRunOptions) => Inline
  Table: new (options: { rows: readonly Row[]; width: Percent }) => Block
  TableRow: new (options: {
    children: readonly Cell[]
    tableHeader?: boolean
    cantSplit?: boolean
  }) => Row
  TableCell: new (options: { children: readonly Block[]; width: Percent }) => Cell
  Packer: { pack(document: Doc, type: 'uint8array'): Promise<Uint8Array> }
}

/** Twentieths of a point: Word's unit for indents. */
const indentStep = 540

/** The report as DOCX bytes. */
export async function renderDocx<Block, Inline, Row, Cell, Doc>(
  report: Report,
  docx: DocxApi<Block, Inline, Row, Cell, Doc>,
): Promise<Uint8Array> {
  type DocxBlock = Block
  const { Paragraph, TextRun } = docx

  const run = (text: string, style: Omit<DocxRunOptions, 'text'> = {}) =>
    new TextRun({ text, ...style })
  const heading = (level: 1 | 2 | 3 | 4 | 5, text: string) =>
    new Paragraph({ heading: `Heading${level}`, keepNext: true, children: [run(text)] })
  const paragraph = (
    children: Inline[],
    options: Omit<DocxParagraphOptions<Inline>, 'children'> = {},
  ) => new Paragraph({ ...options, children })
  const labelled = (items: [string, string][]) =>
    paragraph(
      items.flatMap(([label, value], i) => [
        run(`${i > 0 ? ' · ' : ''}${label}: `, { bold: true }),
        run(value),
      ]),
    )

  const runsOf = (runs: MarkdownRun[], base: Omit<DocxRunOptions, 'text'>) =>
    runs.map((r) =>
      run(r.text, {
        ...base,
        ...(r.bold ? { bold: true } : {}),
        ...(r.italic ? { italics: true } : {}),
        ...(r.strike ? { strike: true } : {}),
        ...(r.code ? { font: 'Courier New' } : {}),
        ...(r.lineBreak ? { break: 1 } : {}),
      }),
    )

  /** Markdown as paragraphs, indented by `depth` steps (quotations), optionally in italics. */
  const markdown = (
    text: string,
    options: { depth?: number; italics?: boolean } = {},
  ): DocxBlock[] =>
    markdownToBlocks(text).map((block: TextBlock) => {
      const base = {
        ...(options.italics ? { italics: true } : {}),
        ...(block.kind === 'heading' ? { bold: true } : {}),
        ...(block.kind === 'code' ? { font: 'Courier New' } : {}),
      }
      const depth = (options.depth ?? 0) + block.quote
      if (block.kind === 'rule') return paragraph([run('* * *')])
      const prefix = block.list?.number === undefined ? [] : [run(`${block.list.number}. `, base)]
      const children = [...prefix, ...runsOf(block.runs, base)]
      if (block.list && block.list.number === undefined) {
        return paragraph(children, {
          bullet: { level: block.list.level },
          ...(depth ? { indent: { left: depth * indentStep } } : {}),
        })
      }
      const listIndent = block.list ? (block.list.level + 1) * indentStep : 0
      const left = depth * indentStep + listIndent
      return paragraph(children, left ? { indent: { left } } : {})
    })
  /** One line of Markdown (an engine sentence, a statement) after optional bold label runs. */
  const inlineMarkdown = (text: string): Inline[] =>
    markdownToBlocks(text).flatMap((block, i) => [
      ...(i > 0 ? [run(' ')] : []),
      ...runsOf(block.runs, {}),
    ])

  const children: DocxBlock[] = []
  const add = (...blocks: DocxBlock[]) => children.push(...blocks)

  // Title block.
  const { title } = report
  add(
    paragraph([
      run(report.instructorCopy ? 'Conclusion report — instructor’s copy' : 'Conclusion report', {
        italics: true,
      }),
    ]),
  )
  add(heading(1, title.rulebookTitle))
  const meta: [string, string][] = [
    [
      'Rulebook',
      `${title.rulebookTitle}, version ${title.rulebookVersion} (content ${title.contentHash})`,
    ],
    ['Authors', title.authors.join('; ')],
    ['Scenario', title.scenarioTitle],
    ['Student', title.studentName || 'Not given'],
    ...(title.workbookTitle ? [['Workbook', title.workbookTitle] as [string, string]] : []),
    ['Date', title.dateText],
    ['Progress', `${title.progress.answered} of ${title.progress.total} questions answered`],
    ...(report.modelAnswersLeftOut ? [['Model answers', 'Left out of this hand-in at the student’s choice'] as [string, string]] : []),
  ]
  for (const item of meta) add(labelled([item]))
  if (report.variation) {
    add(paragraph([run('What changes in this variation', { bold: true })]))
    for (const block of markdown(report.variation)) add(block)
  }

  {
    const { review } = report
    const { counts } = review
    add(heading(2, 'Review'))
    add(
      paragraph([
        run(
          `${counts.answered} of ${counts.total} questions answered, ${counts.reasoned} with reasoning, ${counts.committed} committed.`,
        ),
      ]),
    )
    const parts = reviewParts.filter(({ key }) => review[key].length > 0)
    if (parts.length === 0)
      add(
        paragraph([
          run(
            'Nothing is left unanswered, unreasoned, uncommitted, stale or revised after the model answer.',
          ),
        ]),
      )
    for (const { key, heading: name } of parts)
      add(
        paragraph(
          [
            run(`${name} (${review[key].length}): `, { bold: true }),
            run(review[key].map((q) => `Question ${q.number}. ${q.title}`).join('; ')),
          ],
          { bullet: { level: 0 } },
        ),
      )
  }

  if (report.notices.length > 0) {
    add(heading(2, 'Changes since this work was done'))
    for (const notice of report.notices)
      add(paragraph(inlineMarkdown(notice), { bullet: { level: 0 } }))
  }

  const factBlocks = (fact: ReportFact): DocxBlock[] => {
    const qualifier = factQualifier(fact)
    return [
      paragraph(
        [run(factLabel(fact), { bold: true }), ...(qualifier ? [run(` (${qualifier})`)] : [])],
        {
          indent: { left: indentStep },
          keepNext: true,
        },
      ),
      ...(fact.text === undefined
        ? [
            paragraph([run('This fact is not in the rulebook.', { italics: true })], {
              indent: { left: indentStep },
            }),
          ]
        : markdown(fact.text, { depth: 1 })),
    ]
  }

  const workBlocks = (
    work: Pick<ReportQuestion, 'reasoning' | 'citedFacts' | 'counterArgument'> & {
      writtenAnswer?: string
    },
  ): DocxBlock[] => {
    const blocks: DocxBlock[] = []
    if (work.writtenAnswer)
      blocks.push(heading(5, 'Written answer'), ...markdown(work.writtenAnswer))
    for (const { part, heading: name } of reasoningParts) {
      const text = work.reasoning[part]
      if (text?.trim()) blocks.push(heading(5, name), ...markdown(text))
    }
    if (work.citedFacts.length > 0)
      blocks.push(heading(5, 'Facts cited'), ...work.citedFacts.flatMap(factBlocks))
    if (work.counterArgument)
      blocks.push(heading(5, 'Counter-argument'), ...markdown(work.counterArgument))
    return blocks
  }

  const answerItems = (
    question: Pick<ReportQuestion, 'answer' | 'confidence' | 'committedAt'> & {
      writtenAnswer?: string
    },
  ): [string, string][] => {
    const items: [string, string][] = []
    if (question.answer !== undefined) items.push(['Answer', question.answer])
    else if (!question.writtenAnswer) items.push(['Answer', 'none'])
    if (question.confidence) items.push(['Confidence', confidenceLabel[question.confidence]])
    if (question.committedAt) items.push(['Committed', dateInWords(question.committedAt)])
    return items
  }

  const modelAnswerBlocks = (model: ReportModelAnswer): DocxBlock[] => [
    heading(5, `Model answer${model.reveal === 'never' ? ' (instructor’s copy)' : ''}`),
    ...(model.answer === undefined ? [] : [labelled([['Answer', model.answer]])]),
    ...markdown(model.text),
  ]

  /** What was committed, and the revisions since. */
  const commitRecord = ({ committed, revisions }: ReportQuestion): DocxBlock[] => {
    if (!committed && revisions.length === 0) return []
    const blocks: DocxBlock[] = [heading(5, 'Committed work and revisions')]
    if (committed) {
      blocks.push(
        labelled([
          [`As committed on ${dateInWords(committed.at)}`, committed.answer ?? 'no answer'],
        ]),
      )
      if (committed.reasoning?.conclusion?.trim())
        blocks.push(...markdown(committed.reasoning.conclusion, { depth: 1 }))
    }
    for (const r of revisions)
      blocks.push(
        paragraph(
          [
            run(
              `Revised on ${dateInWords(r.at)}${r.afterReveal ? ', after the model answer was revealed' : ''}: ${r.answer ?? 'answer cleared'}`,
            ),
          ],
          { bullet: { level: 0 } },
        ),
      )
    if (revisions.length === 0 && committed?.reasoning)
      blocks.push(paragraph([run('The reasoning was revised after committing.')]))
    return blocks
  }

  const questionBlocks = (question: ReportQuestion): DocxBlock[] => {
    const items = answerItems(question)
    return [
      heading(4, `Question ${question.number}. ${question.title}`),
      ...markdown(question.prompt, { italics: true }),
      ...(question.reason ? [paragraph(inlineMarkdown(question.reason))] : []),
      ...question.warnings.map((warning) =>
        paragraph([run('Note: ', { bold: true }), ...inlineMarkdown(warning)]),
      ),
      ...(items.length > 0 ? [labelled(items)] : []),
      ...workBlocks(question),
      ...commitRecord(question),
      ...(question.authorities.length > 0
        ? [
            labelled([
              [
                'Authorities',
                question.authorities
                  .map((a) => (a.pinpoint ? `${a.title}, ${a.pinpoint}` : a.title))
                  .join('; '),
              ],
            ]),
          ]
        : []),
      ...(question.modelAnswer ? modelAnswerBlocks(question.modelAnswer) : []),
    ]
  }

  add(heading(2, 'Analysis'))
  if (report.sections.length === 0) add(paragraph([run('No question has been answered yet.')]))
  for (const section of report.sections) {
    add(heading(3, `${section.number}. ${section.title}`))
    for (const question of section.questions) add(...questionBlocks(question))
  }

  if (report.unanswered.length > 0) {
    add(heading(2, 'Questions not yet answered'))
    for (const q of report.unanswered) {
      add(
        paragraph(
          [
            run(`Question ${q.number}. ${q.title}`, { bold: true }),
            run(` (${q.sectionTitle}): `),
            ...inlineMarkdown([q.reason, ...q.warnings].join(' ')),
          ],
          { bullet: { level: 0 } },
        ),
      )
    }
    const begun = report.unanswered.flatMap((q) => (q.work ? [q.work] : []))
    if (begun.length > 0) {
      add(heading(3, 'Work begun on them'))
      for (const question of begun) add(...questionBlocks(question))
    }
  }

  if (report.stale.length > 0) {
    add(heading(2, 'Work on questions no longer asked'))
    add(
      paragraph([
        run(
          'An earlier answer changed, so these questions are no longer asked. The work on them is kept.',
        ),
      ]),
    )
    for (const question of report.stale) add(...questionBlocks(question))
  }

  if (report.orphaned.length > 0) {
    add(heading(2, 'Work on questions no longer in the rulebook'))
    add(
      paragraph([
        run('The rulebook has changed since this work was done. The work is kept as it was saved.'),
      ]),
    )
    for (const orphan of report.orphaned) add(...orphanBlocks(orphan))
  }

  function orphanBlocks(orphan: ReportOrphan): DocxBlock[] {
    const items = answerItems({
      answer: orphan.answer,
      confidence: orphan.confidence,
      committedAt: undefined,
    })
    return [heading(4, orphan.id), labelled(items), ...workBlocks(orphan)]
  }

  add(heading(2, 'Conclusions'))
  if (report.conclusions.length === 0) add(paragraph([run('The rulebook draws no conclusions.')]))
  for (const { status, heading: name } of conclusionGroups) {
    const items = report.conclusions.filter((c) => c.status === status)
    if (items.length === 0) continue
    add(heading(3, name))
    for (const conclusion of items) add(...conclusionBlocks(conclusion))
  }

  function conclusionBlocks(conclusion: ReportConclusion): DocxBlock[] {
    return [
      paragraph(
        [
          run(`${conclusionKindLabel[conclusion.kind]}. `, { bold: true }),
          ...inlineMarkdown(conclusion.statement),
          ...(conclusion.sectionTitle ? [run(` (${conclusion.sectionTitle})`)] : []),
        ],
        { keepNext: true, spacing: { before: 160 } },
      ),
      paragraph(inlineMarkdown(conclusion.trace), { indent: { left: indentStep } }),
      ...(conclusion.explanation ? markdown(conclusion.explanation, { depth: 1 }) : []),
    ]
  }

  if (report.memo) {
    add(heading(2, 'Model memo'))
    for (const block of markdown(report.memo)) add(block)
  }

  add(heading(2, 'Table of authorities'))
  if (report.authorities.length === 0)
    add(paragraph([run('The answered questions cite no authorities.')]))
  const { Table, TableRow, TableCell } = docx
  const cell = (blocks: DocxBlock[], size: number) =>
    new TableCell({ children: blocks, width: { size, type: 'pct' } })
  for (const group of report.authorities) {
    add(heading(3, group.heading))
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        cell([paragraph([run('Authority', { bold: true })])], 70),
        cell([paragraph([run('Cited at', { bold: true })])], 30),
      ],
    })
    const rows = group.authorities.map(
      (a) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                paragraph([run(a.title, { italics: true })]),
                paragraph([run(a.citation)]),
                ...(a.url ? [paragraph([run(a.url)])] : []),
              ],
              70,
            ),
            cell([paragraph([run(a.citedBy.map(citedAt).join(', '))])], 30),
          ],
        }),
    )
    add(new Table({ rows: [header, ...rows], width: { size: 100, type: 'pct' } }))
  }

  if (report.facts.length > 0) {
    add(heading(2, 'Appendix: the facts of the scenario'))
    add(
      paragraph([
        run(
          `${title.scenarioTitle}, as the rulebook states it. Citations above refer to these paragraphs.`,
        ),
      ]),
    )
    for (const fact of report.facts) {
      const qualifier = factQualifier(fact)
      add(
        paragraph([
          run(`${factLabel(fact)} `, { bold: true }),
          ...inlineMarkdown(fact.text ?? ''),
          ...(qualifier ? [run(` (${qualifier})`)] : []),
        ]),
      )
    }
  }

  if (report.glossary?.length) {
    add(heading(2, 'Appendix: glossary'))
    for (const term of report.glossary) {
      add(paragraph([run(term.term, { bold: true })]))
      for (const block of markdown(term.definition)) add(block)
      if (term.authorities.length) add(paragraph([run(term.authorities.join('; '), { italics: true })]))
    }
  }

  if (report.citeAs) add(paragraph([run(`Cite the scenario as: ${report.citeAs}`, { italics: true })]))
  add(
    paragraph([
      run(
        `Made with Casework from the rulebook ${title.rulebookId} ${title.rulebookVersion} (content ${title.contentHash}).`,
        {
          italics: true,
        },
      ),
    ]),
  )

  const document = new docx.Document({
    creator: 'Casework',
    title: `Conclusion report: ${title.rulebookTitle}`,
    description: `${title.scenarioTitle}${title.studentName ? ` — ${title.studentName}` : ''}`,
    styles: { default: { document: { run: { font: 'Georgia', size: 22 } } } },
    sections: [{ children }],
  })
  return docx.Packer.pack(document, 'uint8array')
}
