/**
 * The public XSS payload corpus (tests/fixtures/xss) planted in every prose field of a rulebook and
 * every free-text field of a session, rendered through every output: the app's Markdown, the HTML
 * report, the Markdown report (rendered again with raw HTML on, as permissive viewers do) and the
 * DOCX. Nothing may come out as a script, an event handler or a script link.
 */
import * as docx from 'docx'
import { strFromU8, unzipSync } from 'fflate'
// @ts-expect-error -- jsdom ships no type declarations; only its window, typed below, is used
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
import { payloads, plant } from '../../fixtures/xss/corpus'
import { readText, smallRulebookPath, smallSessionPath } from '../../fixtures/report/load'

const viewer = new MarkdownIt({ html: true, linkify: true })
/**
 * Rounds of planting: in round r the nth prose field gets payload n + 53r; the default 24 rounds
 * put each payload in a dozen or more fields; `XSS_ROUNDS=116` in many more (slower).
 */
const rounds = Math.min(payloads.length, Number(process.env.XSS_ROUNDS ?? 24))
const { window } = new JSDOM('') as { window: Window & typeof globalThis }
/** HTML parsed as a browser parses it (jsdom): a whole document, or a fragment in a template. */
const dom = (html: string): ParentNode =>
  /^<!doctype/i.test(html.trim())
    ? new window.DOMParser().parseFromString(html, 'text/html')
    : Object.assign(window.document.createElement('template'), { innerHTML: html }).content

/** What makes rendered HTML dangerous, found with a real DOM parser: scripts, handlers, script URLs. */
function dangers(root: ParentNode, allowedTags: ReadonlySet<string>): string[] {
  const found: string[] = []
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase()
    if (!allowedTags.has(tag)) found.push(`<${tag}>`)
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`)
      if (/^\s*(javascript|vbscript|data|livescript|mocha):/i.test(attribute.value)) found.push(`<${tag} ${name}=${attribute.value.slice(0, 30)}>`)
    }
  }
  return found
}

/** The elements Markdown may produce under Casework's policy (no raw HTML, no images). */
const markdownTags = new Set([
  'html', 'head', 'body', 'p', 'a', 'em', 'strong', 's', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
])

const baseRulebook = parse(readText(smallRulebookPath)) as Rulebook
const baseSession = JSON.parse(readText(smallSessionPath)) as Session

/** A planted rulebook and session for one round, and their report. */
function plantedReport(round: number) {
  // Rounds start 53 payloads apart (more than half the corpus, fewer than the fields), so any two
  // rounds in a row plant every payload, each time in other fields.
  const pick = (n: number) => payloads[(n + round * 53) % payloads.length]!
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

  it('plants a payload in every prose field, and the whole corpus in any two rounds', () => {
    const { fields } = plantedReport(0)
    expect(fields).toBeGreaterThan(53)
    expect(fields + 53).toBeGreaterThanOrEqual(payloads.length)
  })

  it('stays inert in the HTML report and the Markdown report rendered with raw HTML on', () => {
    let checked = 0
    for (let round = 0; round < rounds; round++) {
      const { report } = plantedReport(round)
      const html = renderHtml(report)
      expect(dangers(dom(html), new Set([...reportTags, ...markdownTags])), `round ${round}`).toEqual([])
      const markdown = renderMarkdown(report)
      // `<` is left only inside code, which every viewer shows as text.
      expect(dangers(dom(viewer.render(markdown)), markdownTags), `round ${round}`).toEqual([])
      checked++
    }
    expect(checked).toBe(rounds)
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
