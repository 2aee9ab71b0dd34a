import { describe, expect, it } from 'vitest'
import {
  factCitation,
  isAllowedLink,
  markdownToPlainText,
  renderMarkdown,
  renderMarkdownInline,
} from '@/composables/markdown'

describe('composables/markdown', () => {
  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    '/relative/path',
    '#somewhere-else',
  ])('does not link to %s', (url) => {
    expect(isAllowedLink(url)).toBe(false)
    expect(renderMarkdown(`[click](${url})`)).not.toContain('<a')
  })

  it.each(['https://example.org/a', 'http://example.org', 'mailto:tutor@example.org', '#fact-dock-destroyed'])(
    'links to %s',
    (url) => {
      expect(isAllowedLink(url)).toBe(true)
    },
  )

  it('opens external links in a new tab without access to this one', () => {
    const html = renderMarkdown('[UN](https://www.un.org) and https://icj-cij.org')
    expect(html).toContain('href="https://www.un.org" target="_blank" rel="noopener noreferrer"')
    expect(html).toContain('href="https://icj-cij.org" target="_blank" rel="noopener noreferrer"')
  })

  it('renders a fact citation as an in-app link', () => {
    const html = renderMarkdown(`As ${factCitation(3, 'dock-destroyed')} shows`)
    expect(html).toContain('<a href="#fact-dock-destroyed" class="fact-link">¶3</a>')
    expect(html).not.toContain('target=')
  })

  it('never renders images, which would load from elsewhere', () => {
    expect(renderMarkdown('![x](https://tracker.example/p.png)')).not.toContain('<img')
  })

  it('renders inline Markdown without a paragraph', () => {
    expect(renderMarkdownInline('a **b**')).toBe('a <strong>b</strong>')
    expect(renderMarkdown(undefined)).toBe('')
  })

  it('reduces Markdown to plain text', () => {
    expect(markdownToPlainText('Was it **force** under [art. 2(4)](https://x.org)?')).toBe(
      'Was it force under art. 2(4)?',
    )
  })
})
