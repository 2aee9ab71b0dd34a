import * as docx from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { renderDocx } from '@/report/render-docx'
import { compileRulebook } from '@/engine/compile'
import { evaluate } from '@/engine/evaluate'
import { loadRulebook } from '@/engine/load'
import { memoState } from '@/engine/memo'
import { createSession } from '@/engine/session'
import type { Session } from '@/engine/generated/session'
import { buildReport } from '@/report/build'
import { renderHtml } from '@/report/render-html'
import { renderMarkdown } from '@/report/render-markdown'
import { readRepoFile } from '../helpers'

const rulebook = loadRulebook(readRepoFile('tests/fixtures/rulebooks/variations.yaml'), 'variations.yaml').rulebook!
const compiled = compileRulebook(rulebook)

function session(commit: string[]): Session {
  const s = createSession({ rulebook, contentHash: 'hash', scenario: 'land-consented', id: 'w1', now: '2026-01-20T10:00:00Z' })
  s.answers = {
    'use-of-force': { value: 'yes', updatedAt: '2026-01-20T10:04:00Z', ...(commit.includes('use-of-force') ? { committedAt: '2026-01-20T10:05:00Z' } : {}) },
    consent: { value: 'yes', updatedAt: '2026-01-20T10:04:00Z', ...(commit.includes('consent') ? { committedAt: '2026-01-20T10:06:00Z' } : {}) },
  }
  return s
}
const report = (s: Session, instructorCopy = false) => buildReport(compiled, s, evaluate(compiled, s), { contentHash: 'hash', instructorCopy })

describe('engine/memo and the report’s variation, memo, glossary and citation', () => {
  it('counts asked and waiting questions still to commit, and reveals the memo only when none remain', () => {
    const empty = createSession({ rulebook, contentHash: 'hash', scenario: 'land-consented', id: 'w0', now: '2026-01-20T10:00:00Z' })
    expect(memoState(compiled, empty, evaluate(compiled, empty))).toMatchObject({ exists: true, remaining: 2, memo: undefined })
    const half = session(['use-of-force'])
    expect(memoState(compiled, half, evaluate(compiled, half))).toMatchObject({ committed: 1, remaining: 1, memo: undefined })
    const done = session(['use-of-force', 'consent'])
    expect(memoState(compiled, done, evaluate(compiled, done)).memo).toContain('precludes the wrongfulness')
    const land = { ...done, scenario: 'land' }
    expect(memoState(compiled, land, evaluate(compiled, land))).toMatchObject({ exists: false, memo: undefined })
  })

  it('adds the memo to the report only once revealed, or in the instructor’s copy', () => {
    expect(report(session(['use-of-force'])).memo).toBeUndefined()
    expect(report(session(['use-of-force']), true).memo).toContain('precludes the wrongfulness')
    expect(renderMarkdown(report(session(['use-of-force', 'consent'])))).toContain('## Model memo\n\nConsent given in advance')
  })

  it('states the variation and the citation line, and quotes the restated fact with its base number', () => {
    const r = report(session([]))
    expect(r.variation).toBe('The territorial government gave its consent, in writing, the day before the strike.')
    expect(r.citeAs).toBe('Test Author and Second Author, “A tiny rulebook with variations”, Casework rulebook, version 1.1.0 (updated 15 January 2026), licence CC-BY-4.0, scenario “Variation: the government consented in advance” (land-consented).')
    expect(r.facts.map((f) => [f.number, f.id])).toEqual([[1, 'land-strike'], [2, 'land-silence'], [4, 'land-letter']])
    expect(r.facts[1]!.text).toBe('The territorial government consented in writing the day before the strike.')
  })

  it('ends every format with the glossary, and term links reach it', () => {
    const done = report(session(['use-of-force', 'consent']))
    const html = renderHtml(done)
    expect(html).toContain('<h2 id="report-glossary">Appendix: glossary</h2>')
    expect(html).toContain('<dt id="term-effective-control">Effective control</dt>')
    expect(html).toContain('<a href="#term-effective-control">effective control</a>')
    const md = renderMarkdown(done)
    expect(md).toContain('## Appendix: glossary\n\n### Armed attack')
    // Markdown has no anchors of its own: the link points at the term heading's slug.
    expect(md).toContain('[effective control](#effective-control)')
    expect(md).not.toContain('#term-')
  })

  it('ends the DOCX with the glossary and the memo under their own headings', async () => {
    const bytes = await renderDocx(report(session(['use-of-force', 'consent'])), docx)
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    const texts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
      text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }))
    const headings = texts.filter((p) => p.style === 'Heading2').map((p) => p.text)
    expect(headings).toEqual(expect.arrayContaining(['Model memo', 'Appendix: glossary']))
    expect(headings.indexOf('Appendix: glossary')).toBe(headings.length - 1)
    const after = texts.slice(texts.findIndex((p) => p.text === 'Appendix: glossary')).map((p) => p.text)
    expect(after).toEqual(expect.arrayContaining(['Armed attack', 'Nicaragua, para 191', 'Effective control']))
    expect(texts.map((p) => p.text)).toContain('What changes in this variation')
  })
})
