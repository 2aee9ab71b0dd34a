import * as docx from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderDocx } from '@/report/render-docx'
import {
  flagshipRulebookPath,
  flagshipSession,
  loadFixtureSession,
  reportOf,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The paragraphs of a DOCX body, each with its style and its text, as Word would show them. */
function paragraphs(xml: string): { style: string | undefined; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }))
}

/** The rows of the DOCX's tables, each as its cells' text. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
    [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
      paragraphs(cell)
        .map((p) => p.text)
        .join(' / '),
    ),
  )
}

describe('report/render-docx', () => {
  let files: Record<string, Uint8Array>
  let body: string
  let found: { style: string | undefined; text: string }[]

  beforeAll(async () => {
    const bytes = await renderDocx(
      reportOf(smallRulebookPath, loadFixtureSession(smallSessionPath)),
      docx,
    )
    // A DOCX is a ZIP: opening it again proves it is one, and gives the XML Word reads.
    files = unzipSync(bytes)
    body = strFromU8(files['word/document.xml']!)
    found = paragraphs(body)
  })

  it('is a Word document with its title in the document properties', () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    )
    expect(strFromU8(files['docProps/core.xml']!)).toContain(
      '<dc:title>Conclusion report: The Harbour Strike</dc:title>',
    )
  })

  it('uses Word’s heading styles for the title, the parts, the sections and the questions', () => {
    const headings = (level: number) =>
      found.filter((p) => p.style === `Heading${level}`).map((p) => p.text)
    expect(headings(1)).toEqual(['The Harbour Strike'])
    expect(headings(2)).toEqual([
      'Review',
      'Changes since this work was done',
      'Analysis',
      'Questions not yet answered',
      'Work on questions no longer asked',
      'Work on questions no longer in the rulebook',
      'Conclusions',
      'Table of authorities',
      'Appendix: the facts of the scenario',
    ])
    expect(headings(3)).toEqual(
      expect.arrayContaining(['1. Use of force', '2. Justification', 'Cases']),
    )
    expect(headings(4)).toEqual([
      'Question 1. Use of force',
      'Question 2. Gravity',
      'Question 3. Legal basis claimed',
      'Question 4. Evidence of consent',
      'old-question',
    ])
    expect(headings(5).slice(0, 7)).toEqual([
      'Issue',
      'Rule',
      'Application',
      'Conclusion',
      'Facts cited',
      'Counter-argument',
      'Model answer',
    ])
  })

  it('carries the title block, the reasoning, the cited facts and the traces', () => {
    const texts = found.map((p) => p.text)
    expect(texts).toEqual(
      expect.arrayContaining([
        'Student: Ada Student',
        'Answer: Yes · Confidence: High · Committed: 15 January 2026',
        'Article 2(4) of the Charter prohibits any use of force against the territorial integrity of another state.',
        "The President acknowledged the strike (¶1). A strike on installations in State B's territory is force against its territorial integrity.",
        '¶1 (confirmed; acknowledged by the President)',
        'Holds because you answered “Yes” to Q1 “Use of force” and you answered “No basis” to Q3 “Legal basis claimed”.',
      ]),
    )
  })

  it('keeps the student’s emphasis as Word formatting', () => {
    expect(body).toMatch(/<w:i\/>[\s\S]{0,200}<w:t[^>]*>any<\/w:t>/)
  })

  it('sets the table of authorities as a table, with a header row repeated on every page', () => {
    expect(tableRows(body)).toEqual([
      ['Authority', 'Cited at'],
      [
        'UN Charter / Charter of the United Nations (adopted 26 June 1945, entered into force 24 October 1945) 1 UNTS XVI / https://www.un.org/en/about-us/un-charter/full-text',
        'Q1 (art. 2(4)), Q3 (art. 51)',
      ],
      ['Authority', 'Cited at'],
      [
        'Nicaragua / Military and Paramilitary Activities in and against Nicaragua (Nicaragua v United States of America) (Merits) [1986] ICJ Rep 14',
        'Q1 (paras 191, 195), Q2 (para. 191)',
      ],
    ])
    expect(body.match(/<w:tblHeader\/>/g)).toHaveLength(2)
  })
})

describe('report/render-docx: the flagship’s complete session', () => {
  it('opens again with its sections, the student’s reasoning and the full table of authorities', async () => {
    const session = flagshipSession()
    const report = reportOf(flagshipRulebookPath, session)
    const bytes = await renderDocx(report, docx)
    const body = strFromU8(unzipSync(bytes)['word/document.xml']!)
    const found = paragraphs(body)
    expect(
      found
        .filter((p) => p.style === 'Heading3')
        .map((p) => p.text)
        .slice(0, 7),
    ).toEqual([
      '1. Characterising the operation',
      '2. Sovereignty and the prohibition of force',
      '3. Consent and the other exceptions',
      '4. Armed conflict and the governing law',
      '5. The conduct of the strikes',
      '6. Covert authority under United States law',
      '7. State responsibility and responses',
    ])
    // One heading per answered question of the complete session.
    expect(found.filter((p) => p.style === 'Heading4')).toHaveLength(
      Object.keys(session.answers).length,
    )
    expect(found.map((p) => p.text)).toContain(
      'The dock was a civilian object, so the attack breached the principle of distinction.',
    )
    const rows = tableRows(body)
    const charter = rows.find((cells) => cells[0]!.startsWith('UN Charter /'))
    // The question on the threshold of art. 2(4), by its number in the rulebook.
    const threshold = report.sections
      .flatMap((section) => section.questions)
      .find((q) => q.id === 'force-threshold')?.number
    expect(charter?.[1]).toContain(`Q${threshold} (art. 2(4))`)
    expect(rows.filter((cells) => cells[0] === 'Authority')).toHaveLength(6)
    // Loading and validating the whole flagship twice is slow on a shared machine; speed is benchmarked elsewhere.
  }, 30_000)
})
