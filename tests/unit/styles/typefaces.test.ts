import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { reportFontSources } from '@/report/fonts'

const require = createRequire(import.meta.url)
const css = readFileSync('src/styles/typefaces.css', 'utf8')
const mainCss = readFileSync('src/styles/main.css', 'utf8')

/** The `@font-face` rules of the app's typeface stylesheet, as property maps. */
const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(([, body]) =>
  Object.fromEntries(
    [...body!.matchAll(/([a-z-]+):\s*([^;]+);/g)].map(([, name, value]) => [
      name!,
      value!.replace(/\s+/g, ' ').trim(),
    ]),
  ),
)

describe('styles/typefaces.css', () => {
  it('declares the interface, prose and code typefaces the stylesheet tokens ask for first', () => {
    expect(mainCss).toMatch(/--font-ui:\s*'Source Sans 3',/)
    expect(mainCss).toMatch(/--font-prose:\s*'Source Serif 4',/)
    expect(mainCss).toMatch(/--font-mono:\s*'Source Code Pro',/)
    const families = new Set(faces.map((face) => face['font-family']))
    expect([...families]).toEqual(["'Source Sans 3'", "'Source Serif 4'", "'Source Code Pro'"])
  })

  it.each(faces.map((face) => [face.src, face]))(
    '%s: a WOFF2 from the package, never blocking text, for its subset’s characters only',
    (_src, face) => {
      expect(face['font-display']).toBe('swap')
      const [, pkg, file, subset] =
        /^url\('(@fontsource\/[^/]+)\/files\/(\S+-(latin(?:-ext)?)-\d+-\w+\.woff2)'\) format\('woff2'\)$/.exec(
          face.src!,
        )!
      const path = require.resolve(`${pkg}/files/${file}`)
      expect(existsSync(path)).toBe(true)
      expect(file).toContain(`-${face['font-weight']}-${face['font-style']}.woff2`)
      const ranges = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8'))
      expect(face['unicode-range']).toBe(ranges[subset!].replace(/,/g, ', '))
    },
  )

  it('serves the app every face the standalone report embeds, so both print alike', () => {
    const served = faces.map((face) => face.src)
    for (const source of reportFontSources) {
      expect(served).toContain(`url('${source.package}/files/${source.file}') format('woff2')`)
    }
  })
})
