import * as docx from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildReport } from '@/report/build'
import { evaluate } from '@/engine/evaluate'
import { renderDocx } from '@/report/render-docx'
import { renderHtml } from '@/report/render-html'
import { renderMarkdown } from '@/report/render-markdown'
import { flagshipRulebookPath, flagshipSession, loadFixtureRulebook } from '../../fixtures/report/load'

const { compiled, hash } = loadFixtureRulebook(flagshipRulebookPath)
const session = flagshipSession()
const walk = evaluate(compiled, session)
const build = (options: { modelAnswers?: boolean; instructorCopy?: boolean }) =>
  buildReport(compiled, session, walk, { contentHash: hash, ...options })
const modelAnswers = (report: ReturnType<typeof build>) =>
  report.sections.flatMap((s) => s.questions).filter((q) => q.modelAnswer).length

describe('report: the student’s choice of model answers in the hand-in', () => {
  const byPolicy = build({})
  const without = build({ modelAnswers: false })

  it('follows the rulebook’s reveal policy by default, and leaves every model answer and the memo out when asked', () => {
    expect(modelAnswers(byPolicy)).toBeGreaterThan(5)
    expect(modelAnswers(build({ modelAnswers: true }))).toBe(modelAnswers(byPolicy))
    expect(byPolicy.modelAnswersLeftOut).toBeUndefined()
    expect(modelAnswers(without)).toBe(0)
    expect(without.memo).toBeUndefined()
    expect(without.modelAnswersLeftOut).toBe(true)
  })

  it('says so, and shows none, in Markdown, HTML and DOCX', async () => {
    expect(renderMarkdown(byPolicy)).toContain('##### Model answer')
    const markdown = renderMarkdown(without)
    expect(markdown).not.toContain('Model answer\n')
    expect(markdown).toContain('- **Model answers:** Left out of this hand-in at the student’s choice')
    expect(renderHtml(byPolicy)).toContain('<h5>Model answer</h5>')
    const html = renderHtml(without)
    expect(html).not.toContain('class="report-model"')
    expect(html).toContain('<dt>Model answers</dt><dd>Left out of this hand-in at the student’s choice</dd>')
    const xml = (report: ReturnType<typeof build>) => renderDocx(report, docx).then((bytes) => strFromU8(unzipSync(bytes)['word/document.xml']!))
    expect(await xml(byPolicy)).toContain('Model answer')
    const document = await xml(without)
    expect(document).not.toContain('>Model answer<')
    expect(document).toContain('Left out of this hand-in at the student’s choice')
  }, 30_000)

  it('never takes them out of the instructor’s copy', () => {
    const copy = build({ instructorCopy: true, modelAnswers: false })
    expect(copy.modelAnswersLeftOut).toBeUndefined()
    expect(modelAnswers(copy)).toBeGreaterThanOrEqual(modelAnswers(byPolicy))
  })
})
