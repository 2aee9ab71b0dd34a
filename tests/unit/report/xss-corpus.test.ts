/**
 * The public XSS payload corpus (tests/fixtures/xss) planted in every prose field of a rulebook and
 * every free-text field of a session, rendered through every output: the app's Markdown, the HTML
 * report, the Markdown report (rendered again with raw HTML on, as permissive viewers do) and the
 * DOCX. Nothing may come out as a script, an event handler or a script link.
 */
import * as docx from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import MarkdownIt from 'markdown-it'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { compileRulebook } from '@/engine/compile'
import { evaluate } from '@/engine/evaluate'
import { contentHash } from '@/engine/hash'
import { loadRulebook } from '@/engine/load'
import { parseSession } from '@/engine/session'
import { hasErrors, formatProblem } from '@/engine/problems'
import type { Rulebook } from '@/engine/generated/rulebook'
import type { Session } from '@/engine/generated/session'
import { buildReport } from '@/report/build'
import { renderHtml } from '@/report/render-html'
import { renderMarkdown } from '@/report/render-markdown'
import { renderDocx } from '@/report/render-docx'
import { renderMarkdown as renderAppMarkdown, renderMarkdownInline } from '@/composables/markdown'
import { dangers, markdownTags, payloads, plant } from '../../fixtures/xss/corpus'
import { readText, smallRulebookPath, smallSessionPath } from '../../fixtures/report/load'

const viewer = new MarkdownIt({ html: true, linkify: true })
const { window } = new JSDOM('')
/** HTML parsed as a browser parses it: a whole document, or a fragment in a template. */
const dom = (html: string) =>
  /^<!doctype/i.test(html.trim())
    ? new window.DOMParser().parseFromString(html, 'text/html')
    : Object.assign(window.document.createElement('template'), { innerHTML: html }).content
const baseRulebook = parse(readText(smallRulebookPath)) as Rulebook
const baseSession = JSON.parse(readText(smallSessionPath)) as Session

/** A planted rulebook and session (round `r`: the `n`th field gets payload `n + r`), and their report. */
function plantedReport(round: number) {
  const pick = (n: number) => payloads[(n + round) % payloads.length]!
  const { planted: rulebookValue, count: rulebookFields } = plant(baseRulebook, pick)
  const loaded = loadRulebook(JSON.stringify(rulebookValue), 'planted.json')
  if (!loaded.rulebook || hasErrors(loaded.problems)) throw new Error(loaded.problems.map(formatProblem).join('\n'))
  const hash = contentHash(loaded.rulebook)
  const sessionValue = structuredClone(baseSession)
  // An answer to a question that is no longer in the rulebook, and a free-text answer: both shown.
  sessionValue.answers['no-longer-here'] = { value: 'x', reasoning: { issue: 'x' }, counterArgument: 'x', updatedAt: sessionValue.updatedAt }
  const { planted, count: sessionFields } = plant({ ...sessionValue, rulebook: { ...sessionValue.rulebook, contentHash: hash } }, (n, key) =>
    // A student's name and a workbook's title may be 200 characters at most.
    pick(n + rulebookFields).slice(0, key === 'name' || key === 'title' ? 150 : undefined),
  )
  const plantedSession = planted as Session
  for (const [id, answer] of Object.entries(plantedSession.answers)) {
    if (id === 'no-longer-here') answer.value = pick(sessionFields)
  }
  const read = parseSession(JSON.stringify(plantedSession), 'planted.casework.json')
  if (!read.session) throw new Error(read.problems.map(formatProblem).join('\n'))
  const compiled = compileRulebook(loaded.rulebook)
  const report = buildReport(compiled, read.session, evaluate(compiled, read.session), { contentHash: hash, instructorCopy: true })
  return { report, fields: rulebookFields + sessionFields + 1 }
}

const cleanHtml = renderHtml(plantedReport(0).report)
const reportTags = new Set([...dom(cleanHtml).querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))

describe('XSS corpus', () => {
  it(`has the public lists and the Markdown routes (${payloads.length} payloads)`, () => {
    expect(payloads.length).toBeGreaterThan(100)
  })

  it('stays inert in the app’s Markdown, block and inline', () => {
    for (const payload of payloads) {
      for (const html of [renderAppMarkdown(payload), renderMarkdownInline(payload)]) {
        expect(dangers(dom(html), markdownTags), payload).toEqual([])
      }
    }
  }, 30_000)

  it('plants a payload in every prose field, and every payload in every field over the rounds', () => {
    const { fields } = plantedReport(0)
    expect(fields).toBeGreaterThan(50)
  })

  it('stays inert in the HTML report and the Markdown report rendered with raw HTML on', () => {
    let checked = 0
    for (let round = 0; round < payloads.length; round++) {
      const { report } = plantedReport(round)
      const html = renderHtml(report)
      expect(dangers(dom(html), new Set([...reportTags, ...markdownTags])), `round ${round}`).toEqual([])
      const markdown = renderMarkdown(report)
      // `<` is left only inside code, which every viewer shows as text.
      expect(dangers(dom(viewer.render(markdown)), markdownTags), `round ${round}`).toEqual([])
      checked++
    }
    expect(checked).toBe(payloads.length)
  }, 120_000)

  it('keeps every payload as text in the DOCX, with no script link', async () => {
    for (const round of [0, 1, 2]) {
      const bytes = await renderDocx(plantedReport(round).report, docx)
      const files = unzipSync(bytes)
      const rels = strFromU8(files['word/_rels/document.xml.rels']!)
      expect(rels).not.toMatch(/Target="\s*(javascript|vbscript|data):/i)
      const xml = strFromU8(files['word/document.xml']!)
      expect(xml).not.toMatch(/<w:instrText[^>]*>[^<]*(javascript|vbscript|data):/i)
      expect(xml).toContain('&lt;SCRIPT&gt;alert(')
    }
  }, 60_000)
})
