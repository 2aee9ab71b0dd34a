import * as docx from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { compareSession, sessionRulebookProblems } from '@/engine/drift'
import { parseSession } from '@/engine/session'
import type { Session } from '@/engine/generated/session'
import { renderDocx } from '@/report/render-docx'
import { renderHtml } from '@/report/render-html'
import { renderMarkdown } from '@/report/render-markdown'
import {
  loadFixtureRulebook,
  loadFixtureSession,
  reportOf,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

const valid = loadFixtureSession(smallSessionPath)
const text = (value: unknown) => JSON.stringify(value, null, 2)

/** Every tag in a piece of HTML, with its attributes: escaped text has no `<`, so it never counts. */
function tags(html: string): { name: string; attributes: Record<string, string> }[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)].map(
    (match) => ({
      name: match[1]!.toLowerCase(),
      attributes: Object.fromEntries(
        [...match[2]!.matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [
          a[1]!.toLowerCase(),
          a[2] ?? '',
        ]),
      ),
    }),
  )
}

describe('report: hostile and malformed session files', () => {
  it('locates values of the wrong type', () => {
    const session = structuredClone(valid) as unknown as Record<string, unknown>
    session.student = { name: 42 }
    ;(session.answers as Record<string, unknown>)['use-of-force'] = {
      value: true,
      confidence: 'very',
      updatedAt: 5,
    }
    const { session: read, problems } = parseSession(text(session), 'wrong-types.json')
    expect(read).toBeUndefined()
    expect(problems.map((p) => [p.code, p.path.join('.'), p.range.start.line])).toEqual([
      ['session-schema', 'student.name', 13],
      ['session-schema', 'answers.use-of-force.value', 20],
      ['session-schema', 'answers.use-of-force.confidence', 21],
      ['session-schema', 'answers.use-of-force.updatedAt', 22],
    ])
    expect(problems[2]?.message).toBe(
      'the answer to `use-of-force` › `confidence` should be one of `low`, `medium` and `high`, not "very"',
    )
  })

  it('names unknown fields and what is allowed there', () => {
    const { session, problems } = parseSession(
      text({ ...valid, grade: 'A+' }),
      'unknown-field.json',
    )
    expect(session).toBeUndefined()
    expect(problems).toMatchObject([{ code: 'session-schema', path: ['grade'] }])
    expect(problems[0]?.message).toMatch(/^the file has an unknown property `grade`/)
  })

  it('refuses a 10 MB string with a short, located error', () => {
    const huge = structuredClone(valid)
    huge.answers['use-of-force']!.reasoning!.issue = 'x'.repeat(10 * 1024 * 1024)
    const { session, problems } = parseSession(text(huge), 'huge.json')
    expect(session).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      code: 'session-schema',
      path: ['answers', 'use-of-force', 'reasoning', 'issue'],
    })
    expect(problems[0]!.message).toBe(
      'the answer to `use-of-force` › `reasoning` › `issue` is too long (at most 100,000 characters)',
    )
  })

  it('refuses an answer keyed `__proto__` rather than touching any prototype', () => {
    const hostile = text(valid).replace('"use-of-force": {', '"__proto__": {')
    const { session, problems } = parseSession(hostile, 'proto.json')
    expect(session).toBeUndefined()
    expect(problems.every((p) => p.code === 'session-schema')).toBe(true)
    expect(({} as Record<string, unknown>).value).toBeUndefined()
  })

  it.each([
    ['not JSON', 'this is not a session'],
    ['cut short', '{"format": "casework-session/1", '],
    ['a list', '[]'],
    ['empty', ''],
  ])('explains a file that is %s', (_case, content) => {
    const { session, problems } = parseSession(content, 'bad.json')
    expect(session).toBeUndefined()
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'bad.json' })
    expect(problems[0]!.message).toMatch(/^the file/)
  })

  it('refuses another rulebook’s session, saying which rulebook it needs', () => {
    const { compiled, hash } = loadFixtureRulebook(smallRulebookPath)
    const other: Session = {
      ...valid,
      rulebook: { id: 'venezuela-dock-strike', version: '1.0.0', contentHash: 'abcdefabcdefabcd' },
    }
    const { session } = parseSession(text(other), 'other.json')
    expect(session).toBeDefined()
    const problems = sessionRulebookProblems(compareSession(compiled, session!, hash), 'other.json')
    expect(problems).toMatchObject([
      {
        code: 'session-rulebook',
        message:
          'This session was made for the rulebook `venezuela-dock-strike`, not `harbour-strike`.',
        hint: 'Open it with the rulebook `venezuela-dock-strike`.',
      },
    ])
  })

  describe('Markdown with script renders inert', () => {
    const hostile = structuredClone(valid)
    hostile.student.name = '<img src=x onerror=alert(1)>'
    hostile.title = '</title><script>alert("title")</script>'
    const work = hostile.answers['use-of-force']!
    work.reasoning = {
      issue: '<script>alert(1)</script>',
      rule: '[click me](javascript:alert(1)) and [encoded](javascript&#58;alert(2)) and <javascript:alert(3)>',
      application:
        '<iframe src="https://evil.example"></iframe> ![pixel](https://evil.example/p.png)',
      conclusion: '<a href="javascript:alert(4)" onclick="alert(5)">x</a>',
    }
    work.counterArgument = '[data](data:text/html;base64,PHNjcmlwdD4=)'
    const report = reportOf(smallRulebookPath, hostile)

    it('in HTML: no script, handler, frame, image or script link survives as markup', () => {
      const html = renderHtml(report)
      const found = tags(html)
      expect(found.length).toBeGreaterThan(100)
      expect(
        found.filter((t) =>
          ['script', 'iframe', 'img', 'object', 'embed', 'base', 'form'].includes(t.name),
        ),
      ).toEqual([])
      expect(
        found.filter((t) => Object.keys(t.attributes).some((name) => name.startsWith('on'))),
      ).toEqual([])
      const hrefs = found.flatMap((t) =>
        t.attributes.href === undefined ? [] : [t.attributes.href],
      )
      expect(hrefs.filter((href) => !/^(https:\/\/|#fact-)/.test(href))).toEqual([])
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).toContain('<dd>&lt;img src=x onerror=alert(1)&gt;</dd>')
      expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;')
    })

    it('in Markdown: raw HTML is escaped and script links are not links', () => {
      const markdown = renderMarkdown(report)
      expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(markdown).toContain('\\[click me\\](javascript:alert(1))')
      expect(markdown).toContain('\\[encoded\\](javascript:alert(2))')
      expect(markdown).toContain('&lt;javascript:alert(3)&gt;')
      expect(markdown).toContain('\\[data\\](data:text/html;base64,PHNjcmlwdD4=)')
      expect(markdown).toContain('- **Student:** &lt;img src=x onerror=alert(1)&gt;')
      expect(markdown).not.toContain('<')
    })

    it('in DOCX: the text is kept as text', async () => {
      const bytes = await renderDocx(report, docx)
      const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
      expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(xml).not.toContain('<script')
      expect(xml).not.toMatch(/<w:hyperlink/)
    })
  })
})
