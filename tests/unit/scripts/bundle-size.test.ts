import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { measureLazyChunks, measureStudentBundle } from '../../../scripts/bundle-size.ts'
import { repoRoot } from '../helpers.ts'

/**
 * The student's first load: issue 16 brought it from 114.5 KiB to under this (the workbook's
 * screens, its store and the engine load when a workbook opens, fetched once the start page has painted).
 */
const budget = 90 * 1024
/** What opening a workbook loads after the first paint, beside the first load: the Markdown renderer. */
const workbookChunks = ['src/composables/markdown.ts', 'src/views/workbook-screens.ts']
/**
 * Lazy modules the student loads only by asking: opening a rulebook file, importing a saved
 * session, the report. Anything else the student's path imports lazily counts as part of opening
 * a workbook, so a new lazy import of the session reader (or the parser) cannot slip through.
 */
// Chunks loaded only when the student (or an instructor) asks for them, never on the way to a question.
const onDemand = [
  'src/engine/load.ts',
  'src/components/report/ReportImportSession.vue',
  'src/views/ReportView.vue',
  'src/views/GlossaryView.vue',
  'src/views/InstructorView.vue',
  'src/views/ClassView.vue',
  'src/views/ClassReportView.vue',
  'src/views/StudioView.vue',
  // Packaging a rulebook for an LMS (instructors, from a rulebook's card).
  'src/components/lms/LmsPackageDialog.vue',
  // Reading a file in place where there is no Worker (opening a file, never a shipped workbook).
  'src/workers/load-job.ts',
  // "What would change this?": the panel, and its search run in place where there is no Worker.
  'src/components/whatif/WhatIfPanel.vue',
  'src/workers/whatif-job.ts',
]
const dist = `${repoRoot}dist`

describe('the student bundle', () => {
  it('was built (npm test builds before running unit tests)', () => {
    expect(existsSync(`${dist}/.vite/manifest.json`), 'run `npm run build` first').toBe(true)
  })

  it.runIf(existsSync(`${dist}/.vite/manifest.json`))('loads at most 90 KiB of JavaScript, gzipped', () => {
    const { totalGzipped, files } = measureStudentBundle(dist)
    const listing = files.map((f) => `${f.file}: ${(f.gzipped / 1024).toFixed(1)} KB`).join(', ')
    expect(totalGzipped, `student path: ${(totalGzipped / 1024).toFixed(1)} KB (${listing})`).toBeLessThanOrEqual(budget)
  })

  // Each script the page asks for is one more request the service worker answers, one at a time,
  // before the shell can paint on a reload: the first load's modules travel in one chunk (the
  // `$initial` group in vite.config.ts), not ten.
  it.runIf(existsSync(`${dist}/.vite/manifest.json`))('asks for at most three scripts on the first load', () => {
    const { files } = measureStudentBundle(dist)
    expect(files.map((f) => f.file).length, files.map((f) => f.file).join(', ')).toBeLessThanOrEqual(3)
  })

  it.runIf(existsSync(`${dist}/.vite/manifest.json`))('keeps the YAML parser, the validator and DOCX out of the eager chunks', async () => {
    const { readFileSync } = await import('node:fs')
    const { files } = measureStudentBundle(dist)
    for (const { file } of files) {
      const code = readFileSync(`${dist}/${file}`, 'utf8')
      expect(code, file).not.toMatch(/Nested mappings are not allowed|must be sufficiently indented/) // yaml
      expect(code, file).not.toMatch(/casework-rulebook\/1","id"|"additionalProperties":false,"required":\["format"/) // validators
      expect(code, file).not.toMatch(/wordprocessingml/) // docx
    }
  })

  it.runIf(existsSync(`${dist}/.vite/manifest.json`))('keeps Markdown rendering off the first paint, in a chunk of its own', async () => {
    const { readFileSync } = await import('node:fs')
    const { files } = measureStudentBundle(dist)
    for (const { file } of files) {
      expect(readFileSync(`${dist}/${file}`, 'utf8'), file).not.toMatch(/markdown-it|linkify|MarkdownIt/i)
    }
    const lazy = measureLazyChunks(dist, workbookChunks)
    expect(lazy.some(({ file }) => /markdown-it|MarkdownIt|linkify/i.test(readFileSync(`${dist}/${file}`, 'utf8')))).toBe(true)
  })

  it.runIf(existsSync(`${dist}/.vite/manifest.json`))('opens a workbook without the YAML parsers, the validators or the session reader', async () => {
    const { readFileSync } = await import('node:fs')
    // Text each of them carries; each must be in the build (so this test can fail), but only in
    // chunks loaded on demand (opening a file, importing a session).
    const signatures = {
      yaml: /Nested mappings are not allowed|must be sufficiently indented/,
      'js-yaml': /end of the stream or a document separator is expected/,
      validators: /must NOT have additional properties/,
      'session reader': /too large to be a Casework session/,
    }
    const read = (file: string) => readFileSync(`${dist}/${file}`, 'utf8')
    const student = measureStudentBundle(dist)
    const lazyOnTheWay = student.dynamicImports.filter((key) => !onDemand.includes(key))
    expect(lazyOnTheWay).toEqual(expect.arrayContaining(workbookChunks))
    const opening = [...student.files, ...measureLazyChunks(dist, lazyOnTheWay)].map((f) => f.file)
    const all = [...opening, ...student.lazyFiles]
    for (const [name, signature] of Object.entries(signatures)) {
      expect(all.some((file) => signature.test(read(file))), `${name} is in the build`).toBe(true)
      for (const file of opening) expect(signature.test(read(file)), `${name} in ${file}`).toBe(false)
    }
  })
})
