import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import {
  base64,
  fontFaceCss,
  parseUnicodeRange,
  reportFontSources,
  subsetRanges,
  type ReportFont,
} from '@/report/fonts'
import { renderHtml } from '@/report/render-html'
import { reportCss } from '@/report/style'
import {
  loadFixtureSession,
  reportOf,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

const require = createRequire(import.meta.url)
const report = reportOf(smallRulebookPath, loadFixtureSession(smallSessionPath))

/** Stand-in font files: their bytes name the face, so the output shows which were embedded. */
const fakeFonts: ReportFont[] = reportFontSources.map((source) => ({
  ...source,
  woff2: new TextEncoder().encode(source.file),
}))

const embedded = (css: string) =>
  [...css.matchAll(/base64,([A-Za-z0-9+/=]+)\)/g)].map(([, data]) =>
    Buffer.from(data!, 'base64').toString(),
  )

describe('report/fonts', () => {
  it.each([
    [''],
    ['f'],
    ['fo'],
    ['foo'],
    ['foob'],
    ['fooba'],
    ['foobar'],
    ['\u0000\u00ff\u00fe\u0080'],
  ])('encodes %j as base64 as Node does', (text) => {
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0))
    expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })

  it('names every face the report stylesheet asks for, with files the packages ship', () => {
    for (const family of new Set(reportFontSources.map((s) => s.family))) {
      expect(reportCss).toContain(`font-family: '${family}'`)
    }
    for (const source of reportFontSources) {
      const bytes = readFileSync(require.resolve(`${source.package}/files/${source.file}`))
      expect(bytes.subarray(0, 4).toString()).toBe('wOF2')
    }
  })

  it('uses the Unicode ranges the packages declare for their subsets', () => {
    for (const pkg of new Set(reportFontSources.map((s) => s.package))) {
      const declared = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8'))
      expect(declared.latin).toBe(subsetRanges.latin)
      expect(declared['latin-ext']).toBe(subsetRanges['latin-ext'])
    }
  })

  it('covers the characters the rulebooks use: ¶ § – — “ ” ’ č š é', () => {
    const ranges = [
      ...parseUnicodeRange(subsetRanges.latin),
      ...parseUnicodeRange(subsetRanges['latin-ext']),
    ]
    for (const char of '¶§–—“”’čšé') {
      const code = char.codePointAt(0)!
      expect(
        ranges.some(([low, high]) => code >= low && code <= high),
        char,
      ).toBe(true)
    }
  })

  it('embeds only the Latin subset when the text needs nothing more', () => {
    const css = fontFaceCss(fakeFonts, 'Section 2(4) — “force” ¶5 é')
    expect(embedded(css)).toEqual(
      reportFontSources.filter((s) => s.subset === 'latin').map((s) => s.file),
    )
    expect(css).toContain(
      "font-family: 'Source Serif 4';\n  font-style: italic;\n  font-weight: 700;",
    )
    expect(css).toContain('font-display: swap;')
    expect(css).toContain(`unicode-range: ${subsetRanges.latin};`)
  })

  it('adds Latin Extended when a name such as Tarčulovski appears', () => {
    const css = fontFaceCss(fakeFonts, 'Prosecutor v Boškoski and Tarčulovski')
    expect(embedded(css)).toEqual(reportFontSources.map((s) => s.file))
  })
})

describe('report/render-html with fonts', () => {
  it('embeds the fonts it is given, as data the document policy allows', () => {
    const html = renderHtml(report, { fonts: fakeFonts })
    expect(html).toContain('font-src data:;')
    expect(html).toMatch(/<style>\n@font-face \{\n {2}font-family: 'Source Serif 4';/)
    expect(html).not.toContain('not embedded')
  })

  it('says in the document when the fonts could not be embedded', () => {
    expect(renderHtml(report)).toContain(
      '<!-- The typefaces (Source Serif 4, Source Code Pro) are not embedded in this copy',
    )
    expect(renderHtml(report, { fonts: [] })).not.toContain('@font-face')
  })
})
