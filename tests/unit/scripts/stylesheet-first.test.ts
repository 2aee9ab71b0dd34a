import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { stylesheetsFirst } from '../../../scripts/vite-plugin-stylesheet-first.ts'
import { repoRoot } from '../helpers.ts'

/** The head as Vite writes it: the entry script, its preloads, then the stylesheet. */
const asVite = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Casework</title>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vue-B.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C.css">
  <link rel="manifest" href="/manifest.webmanifest"></head>
  <body><div id="app"></div></body>
</html>
`

const order = (html: string) => [...html.matchAll(/<(script|link)[^>]*?(?:src|href)="([^"]+)"/g)].map((m) => m[2])

describe('stylesheets first in the page', () => {
  it('moves the stylesheet ahead of the entry script and its preloads, keeping every other tag', () => {
    const html = stylesheetsFirst(asVite)
    expect(order(html)).toEqual(['/assets/index-C.css', '/assets/index-A.js', '/assets/vue-B.js', '/manifest.webmanifest'])
    expect(html).toContain('<title>Casework</title>\n    <link rel="stylesheet" crossorigin href="/assets/index-C.css">\n    <script')
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(1)
  })

  it('keeps several stylesheets in their order, and leaves a page without any unchanged', () => {
    const two = asVite.replace('<link rel="stylesheet" crossorigin href="/assets/index-C.css">', '<link rel="stylesheet" href="/a.css">\n    <link rel="stylesheet" href="/b.css">')
    expect(order(stylesheetsFirst(two)).slice(0, 3)).toEqual(['/a.css', '/b.css', '/assets/index-A.js'])
    const none = asVite.replace(/ *<link rel="stylesheet"[^>]*>\n/, '')
    expect(stylesheetsFirst(none)).toBe(none)
  })

  it.runIf(existsSync(`${repoRoot}dist/index.html`))('is applied to the built page: its stylesheet comes before any script', () => {
    const built = readFileSync(`${repoRoot}dist/index.html`, 'utf8')
    const firstStylesheet = built.indexOf('rel="stylesheet"')
    expect(firstStylesheet).toBeGreaterThan(-1)
    expect(firstStylesheet).toBeLessThan(built.indexOf('<script'))
  })
})
