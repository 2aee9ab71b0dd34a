import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { measureStudentBundle } from '../../../scripts/bundle-size.ts'
import { repoRoot } from '../helpers.ts'

const budget = 150 * 1024
const dist = `${repoRoot}dist`

describe('the student bundle', () => {
  it('was built (npm test builds before running unit tests)', () => {
    expect(existsSync(`${dist}/.vite/manifest.json`), 'run `npm run build` first').toBe(true)
  })

  it.runIf(existsSync(`${dist}/.vite/manifest.json`))('loads at most 150 KB of JavaScript, gzipped', () => {
    const { totalGzipped, files } = measureStudentBundle(dist)
    const listing = files.map((f) => `${f.file}: ${(f.gzipped / 1024).toFixed(1)} KB`).join(', ')
    expect(totalGzipped, `student path: ${(totalGzipped / 1024).toFixed(1)} KB (${listing})`).toBeLessThanOrEqual(budget)
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
})
