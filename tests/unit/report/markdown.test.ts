import { describe, expect, it } from 'vitest'
import {
  inertMarkdown,
  isSafeLink,
  markdownToBlocks,
  markdownToHtml,
  markdownToPlainText,
} from '@/report/markdown'
import { escapeHtml, escapeMarkdownText } from '@/report/text'

describe('report/markdown', () => {
  it.each([
    ['https://www.icj-cij.org/case/70', true],
    ['mailto:tutor@example.edu', true],
    ['#fact-dock-destroyed', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['#elsewhere', false],
    ['/relative/path', false],
  ])('allows %s as a link: %s', (url, allowed) => {
    expect(isSafeLink(url)).toBe(allowed)
  })

  it('renders raw HTML as text and keeps script links from being links', () => {
    const html = markdownToHtml(
      '<script>alert(1)</script>\n\n[click](javascript:alert(1)) [entity](javascript&#58;alert(1)) <img src=x onerror=alert(1)>',
    )
    expect(html).not.toMatch(/<script|<img|href="javascript|onerror="/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('renders no images, which would fetch from elsewhere', () => {
    expect(markdownToHtml('![tracker](https://evil.example/pixel.png)')).not.toContain('<img')
  })

  it('marks external links noopener and keeps fact links plain', () => {
    expect(markdownToHtml('[ICJ](https://www.icj-cij.org)')).toContain(
      '<a href="https://www.icj-cij.org" rel="noopener noreferrer">ICJ</a>',
    )
    expect(markdownToHtml('[¶1](#fact-dock)')).toContain('<a href="#fact-dock">¶1</a>')
  })

  it('turns Markdown into blocks of runs with emphasis, lists, quotations and link targets', () => {
    const blocks = markdownToBlocks(
      'A **bold** and *italic* `code` [ICJ](https://icj.org).\n\n- one\n- two\n\n3. third\n\n> quoted\n\n```\nx < y\n```',
    )
    expect(blocks[0]?.runs).toEqual([
      { text: 'A ' },
      { text: 'bold', bold: true },
      { text: ' and ' },
      { text: 'italic', italic: true },
      { text: ' ' },
      { text: 'code', code: true },
      { text: ' ' },
      { text: 'ICJ' },
      { text: ' <https://icj.org>' },
      { text: '.' },
    ])
    expect(blocks.slice(1, 4).map((b) => [b.runs[0]?.text, b.list])).toEqual([
      ['one', { level: 0 }],
      ['two', { level: 0 }],
      ['third', { level: 0, number: 3 }],
    ])
    expect(blocks[4]).toMatchObject({ quote: 1, runs: [{ text: 'quoted' }] })
    expect(blocks[5]).toMatchObject({ kind: 'code', runs: [{ text: 'x < y', code: true }] })
  })

  it('reduces Markdown to its words', () => {
    expect(markdownToPlainText('# Title\n\nSome *emphasis* and [a fact](#fact-x).')).toBe(
      'Title\nSome emphasis and a fact.',
    )
  })

  describe('inertMarkdown', () => {
    it.each([
      ['raw HTML', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
      ['an autolink with a script scheme', '<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
      ['an inline script link', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
      [
        'an entity-encoded script link',
        '[x](javascript&#58;alert(1))',
        '\\[x\\](javascript:alert(1))',
      ],
      ['a data link', '[x]( data:text/html,hi)', '\\[x\\]( data:text/html,hi)'],
      ['a script reference definition', '[x]: javascript:alert(1)', '\\[x\\]: javascript:alert(1)'],
    ])('defuses %s', (_case, input, output) => {
      expect(inertMarkdown(input)).toBe(output)
    })

    it.each([
      ['an https link', '[ICJ](https://www.icj-cij.org)'],
      ['a fact link', 'See [¶3](#fact-dock-destroyed).'],
      ['a mailto link', '[tutor](mailto:t@example.edu)'],
      ['a code span', 'Compare `a <b> c` here'],
      ['a fenced block', '```\n<script>\n```'],
      ['emphasis and lists', '- **one**\n- _two_'],
    ])('leaves %s as written', (_case, input) => {
      expect(inertMarkdown(input)).toBe(input)
    })

    it('renders defused Markdown as text', () => {
      const html = markdownToHtml(inertMarkdown('<b>x</b> [y](javascript:z)'))
      expect(html).toBe('<p>&lt;b&gt;x&lt;/b&gt; [y](javascript:z)</p>\n')
    })
  })

  it('escapes plain text for HTML and for Markdown', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
    expect(escapeMarkdownText('*Smith* <script> [x](y) | a_b & c')).toBe(
      '\\*Smith\\* &lt;script&gt; \\[x\\](y) \\| a\\_b &amp; c',
    )
  })
})
