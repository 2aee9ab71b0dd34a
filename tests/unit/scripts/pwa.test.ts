import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { drawIcon, encodePng, icons } from '../../../scripts/make-icons.ts'
import { repoRoot } from '../helpers.ts'

const dist = `${repoRoot}dist`
const distLms = `${repoRoot}dist-lms`
const built = existsSync(`${dist}/.vite/manifest.json`)
const builtLms = existsSync(`${distLms}/index.html`)

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => relative(dir, join(dir, name)).split('\\').join('/'))
}

/** The URLs the service worker precaches, read from the generated sw.js. */
function precached(): string[] {
  const sw = readFileSync(`${dist}/sw.js`, 'utf8')
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((match) => match[1]!)
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('the installable, offline app', () => {
  it.each(icons)('ships $file as scripts/make-icons.ts draws it', (icon) => {
    expect(readFileSync(`${repoRoot}public/${icon.file}`).equals(encodePng(drawIcon(icon), icon.size))).toBe(true)
  })

  it.runIf(built)('precaches every file of the build: the shell, each lazy chunk and worker, the rulebooks, the typefaces', () => {
    // dist/lms/ (the app a SCORM package carries) is cached when an instructor first packages, not precached.
    const expected = filesUnder(dist).filter(
      (file) => !file.startsWith('.vite/') && !file.startsWith('lms/') && file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file),
    )
    const urls = precached()
    expect(new Set(urls)).toEqual(new Set(expected))
    // What a student's and an instructor's routes load lazily, by kind.
    for (const kind of [/^assets\/ReportView-.*\.js$/, /^assets\/StudioView-.*\.js$/, /^assets\/ClassView-.*\.js$/, /^assets\/ClassReportView-.*\.js$/, /\.woff2$/, /^assets\/venezuela-dock-strike-.*\.json$/, /\.worker-.*\.js$/]) {
      expect(urls.some((url) => kind.test(url)), String(kind)).toBe(true)
    }
    expect(urls).toContain('index.html')
  })

  it.runIf(built)('falls back to the app for deep links, and registers from a module, not an inline script', () => {
    const sw = readFileSync(`${dist}/sw.js`, 'utf8')
    expect(sw).toMatch(/NavigationRoute\(\w+\.createHandlerBoundToURL\("index.html"\)/)
    expect(sw).toContain('casework-lms-app')
    const html = readFileSync(`${dist}/index.html`, 'utf8')
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">')
    // Every script is a file (the CSP allows no inline script).
    for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(attributes).toMatch(/\ssrc="/)
      expect(body!.trim()).toBe('')
    }
  })

  it.runIf(built)('describes an installable app whose icons exist at their stated sizes', () => {
    const manifest = JSON.parse(readFileSync(`${dist}/manifest.webmanifest`, 'utf8')) as {
      name: string
      start_url: string
      scope: string
      display: string
      icons: { src: string; sizes: string; type: string; purpose?: string }[]
    }
    expect(manifest).toMatchObject({ name: 'Casework', start_url: '/', scope: '/', display: 'standalone' })
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png')
    expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(pngs.some((icon) => icon.purpose === 'maskable')).toBe(true)
    for (const icon of pngs) {
      const { width, height } = pngSize(`${dist}/${icon.src}`)
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes)
    }
  })

  it.runIf(builtLms)('keeps the service worker out of the LMS build (an LMS origin is shared by every course)', () => {
    const files = filesUnder(distLms)
    expect(files).not.toContain('sw.js')
    expect(files).not.toContain('manifest.webmanifest')
    expect(files.some((file) => /workbox/.test(file))).toBe(false)
    for (const file of files.filter((name) => /\.(html|js)$/.test(name))) {
      const text = readFileSync(`${distLms}/${file}`, 'utf8')
      expect(text, file).not.toMatch(/registerSW|serviceWorker|workbox|webmanifest/)
    }
  })
})
