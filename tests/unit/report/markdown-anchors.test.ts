import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '@/report/render-markdown'
import { flagshipRulebookPath, flagshipSession, loadFixtureSession, reportOf, smallRulebookPath, smallSessionPath } from '../../fixtures/report/load'

/**
 * The anchors a GitHub-style viewer makes of a Markdown file's headings, read from markdown-it's
 * parse (not from the renderer's own code): the heading's text, lower-cased, punctuation
 * dropped, spaces as hyphens, repeats numbered -1, -2…
 */
function anchorsOf(markdown: string): Set<string> {
  const tokens = new MarkdownIt('commonmark').parse(markdown, {})
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return
    const text = (tokens[index + 1]?.children ?? [])
      .filter((child) => child.type === 'text' || child.type === 'code_inline')
      .map((child) => child.content)
      .join('')
    const base = text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '').replace(/\s/g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  })
  return anchors
}

/** Every in-document link target of the file, from its parse. */
function fragmentLinks(markdown: string): string[] {
  const links: string[] = []
  const visit = (tokens: ReturnType<InstanceType<typeof MarkdownIt>['parse']>) => {
    for (const token of tokens) {
      if (token.type === 'link_open') {
        const href = String(token.attrGet('href') ?? '')
        if (href.startsWith('#')) links.push(decodeURIComponent(href.slice(1)))
      }
      if (token.children) visit(token.children)
    }
  }
  visit(new MarkdownIt('commonmark').parse(markdown, {}))
  return links
}

describe('report/render-markdown: links inside the file', () => {
  const flagship = renderMarkdown(reportOf(flagshipRulebookPath, flagshipSession()))
  const cases = {
    'the flagship, complete': flagship,
    'a session with stale and orphaned work': renderMarkdown(reportOf(smallRulebookPath, loadFixtureSession(smallSessionPath))),
  }
  for (const [name, markdown] of Object.entries(cases)) {
    it(`resolves every citation link to a heading of the same file (${name})`, () => {
      const links = fragmentLinks(markdown)
      expect(links.length).toBeGreaterThan(0)
      const anchors = anchorsOf(markdown)
      expect(links.filter((link) => !anchors.has(link))).toEqual([])
      expect(markdown).not.toMatch(/\]\(#fact-[a-z]/)
    })
  }

  it('gives each fact of the appendix a heading of its own, which the citations point at', () => {
    const markdown = flagship
    expect(markdown).toMatch(/## Appendix: the facts of the scenario\n\n.*\n\n### Fact ¶1\n\nIn late December 2025/)
    expect(markdown).toContain('([¶5](#fact-5))')
  })
})
