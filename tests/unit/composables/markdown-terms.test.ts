import { describe, expect, it } from 'vitest'
import { renderMarkdown, renderMarkdownInline } from '@/composables/markdown'

describe('composables/markdown: glossary term links', () => {
  it('renders a term link as a collapsed button naming the term, and leaves other links alone', () => {
    const html = renderMarkdown('An [armed attack](#term-armed-attack), see [¶2](#fact-dock) and [ICJ](https://icj-cij.org).')
    expect(html).toContain('<button type="button" class="term-link" data-term="armed-attack" aria-expanded="false">armed attack</button>')
    expect(html).toContain('<a href="#fact-dock" class="fact-link">¶2</a>')
    expect(html).toContain('<a href="https://icj-cij.org" target="_blank" rel="noopener noreferrer">ICJ</a>')
  })

  it('keeps emphasis inside a term link, and inline rendering too', () => {
    expect(renderMarkdownInline('[*effective* control](#term-effective-control)')).toBe(
      '<button type="button" class="term-link" data-term="effective-control" aria-expanded="false"><em>effective</em> control</button>',
    )
  })

  it('does not make a malformed term id a button or a link', () => {
    expect(renderMarkdown('[x](#term-Bad_Id)')).not.toContain('<button')
    expect(renderMarkdown('[x](#term-Bad_Id)')).not.toContain('<a')
  })
})
