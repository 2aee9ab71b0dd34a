import { describe, expect, it } from 'vitest'
import { compareSession } from '@/engine/drift'
import { evaluate } from '@/engine/evaluate'
import { renderHtml, renderHtmlBody } from '@/report/render-html'
import { renderMarkdown } from '@/report/render-markdown'
import { reportCss } from '@/report/style'
import {
  flagshipRulebookPath,
  flagshipSession,
  loadFixtureRulebook,
  loadFixtureSession,
  reportOf,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

// Golden files: reviewed like code. `npx vitest run -u` rewrites them after a deliberate change.
const report = reportOf(smallRulebookPath, loadFixtureSession(smallSessionPath))

describe('report/render-markdown', () => {
  it('renders a session with stale and orphaned work as the golden Markdown', async () => {
    await expect(renderMarkdown(report)).toMatchFileSnapshot(
      '../../fixtures/report/harbour-strike.md',
    )
  })

  it('renders the same report the same way every time', () => {
    expect(renderMarkdown(reportOf(smallRulebookPath, loadFixtureSession(smallSessionPath)))).toBe(
      renderMarkdown(report),
    )
  })
})

describe('report/render-html', () => {
  it('renders a session with stale and orphaned work as the golden HTML', async () => {
    await expect(renderHtml(report)).toMatchFileSnapshot(
      '../../fixtures/report/harbour-strike.html',
    )
  })

  it('is a standalone document that can run and fetch nothing', () => {
    const html = renderHtml(report)
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src 'none'; base-uri 'none'; form-action 'none'">`,
    )
    expect(html).not.toMatch(/<script|<img|<iframe|<link/i)
  })

  it('embeds a print stylesheet with page margins, headings kept with their content, no UI chrome', () => {
    expect(reportCss).toContain('@page {')
    expect(reportCss).toMatch(/@media print \{[\s\S]*break-after: avoid/)
    expect(reportCss).toMatch(/\.report-no-print \{\s*display: none !important;/)
    expect(renderHtml(report)).toContain(`<style>${reportCss}</style>`)
  })

  it('shows the model answer beside the student’s', () => {
    const body = renderHtmlBody(report)
    expect(body).toMatch(
      /<div class="report-compare">\n<div class="report-student">\n<h5>Your answer<\/h5>[\s\S]*?<div class="report-model">\n<h5>Model answer<\/h5>/,
    )
  })

  it('links cited facts to the appendix that numbers them', () => {
    const body = renderHtmlBody(report)
    expect(body).toContain(
      '<a href="#fact-strike-acknowledged"><span class="report-fact-label">¶1</span></a>',
    )
    expect(body).toContain('<li id="fact-strike-acknowledged" value="1">')
  })
})

describe('report: a complete session of the flagship rulebook', () => {
  const session = flagshipSession()
  const flagship = reportOf(flagshipRulebookPath, session)

  it('is complete: every question asked on its path is answered, every answer still fits', () => {
    // If the rulebook changes under the fixture, this says so before the golden files do.
    const { compiled, hash } = loadFixtureRulebook(flagshipRulebookPath)
    const walk = evaluate(compiled, session)
    expect(walk.progress.answered).toBe(walk.progress.total)
    expect(walk.progress.total).toBeGreaterThan(25)
    const drift = compareSession(compiled, session, hash)
    expect([drift.removed, drift.invalidAnswers, drift.unknownFacts]).toEqual([[], [], []])
    expect(flagship.notices).toEqual([])
  })

  it('renders as the golden Markdown', async () => {
    await expect(renderMarkdown(flagship)).toMatchFileSnapshot(
      '../../fixtures/report/venezuela-dock-strike.md',
    )
  })

  it('renders as the golden HTML', async () => {
    await expect(renderHtml(flagship)).toMatchFileSnapshot(
      '../../fixtures/report/venezuela-dock-strike.html',
    )
  })
})
