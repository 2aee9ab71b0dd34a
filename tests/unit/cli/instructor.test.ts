import { describe, expect, it } from 'vitest'
import type { CliIo } from '@/cli/io'
import { run } from '@/cli/run'
import { readRepoFile } from '../helpers'

const fixture = 'tests/fixtures/rulebooks/variations.yaml'

function fakeIo(files: Record<string, string>) {
  const out: string[] = []
  const err: string[] = []
  const written = new Map<string, string | Uint8Array>()
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      if (path in files) return files[path]!
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
    },
    writeFile: async (path, data) => void written.set(path, data),
  }
  return { io, out, err, written }
}

describe('cli/instructor', () => {
  const files = { [fixture]: readRepoFile(fixture) }

  it('prints the plan with start times and total, the readings, the rubric, the glossary and the citation lines as Markdown', async () => {
    const { io, out } = fakeIo(files)
    expect(await run(['instructor', fixture, '--format', 'md'], io)).toBe(0)
    const text = out.join('')
    expect(text).toContain('# For instructors: A tiny rulebook with variations')
    expect(text).toContain('| 10 min | 30 | **Small groups** Each group takes a variation')
    expect(text).toContain('Total: 40 minutes (40 min).')
    expect(text).toContain('1. *Nicaragua*, Military and Paramilitary Activities in and against Nicaragua')
    expect(text).toContain(', paras 187–201: The gravity threshold.')
    expect(text).toContain('### States the rule on consent\n\n- **Excellent:** States every requirement with its authority.')
    expect(text).toContain('### Armed attack')
    expect(text).toContain('*Nicaragua, para 191*')
    expect(text).toContain('scenario “Variation: the government consented in advance” (land-consented).')
  })

  it('writes standalone HTML to a file, with the glossary as the target of term links', async () => {
    const { io, written, err } = fakeIo(files)
    expect(await run(['instructor', fixture, '-o', 'out/instructor.html'], io)).toBe(0)
    const html = String(written.get('out/instructor.html'))
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<dt id="term-armed-attack">Armed attack</dt>')
    expect(html).toContain('<a href="#term-armed-attack"')
    expect(html).toContain('<th scope="row" colspan="2">Total</th><td>40 minutes (40 min)</td>')
    expect(html).not.toContain('<script')
    expect(err.join('')).toContain('wrote out/instructor.html')
  })

  it.each([
    [['instructor'], 2, 'usage: casework instructor'],
    [['instructor', fixture], 2, 'say which format'],
    [['instructor', fixture, '--format', 'docx'], 2, 'unknown format "docx"'],
    [['instructor', 'missing.yaml', '--format', 'md'], 2, 'cannot read missing.yaml: ENOENT'],
  ])('fails clearly: %j', async (argv, code, message) => {
    const { io, err } = fakeIo(files)
    expect(await run(argv, io)).toBe(code)
    expect(err.join('')).toContain(message)
  })

  it('exits 1 with located problems for a rulebook with errors', async () => {
    const broken = 'tests/fixtures/rulebooks/unknown-term.yaml'
    const { io, err } = fakeIo({ [broken]: readRepoFile(broken) })
    expect(await run(['instructor', broken, '--format', 'md'], io)).toBe(1)
    expect(err.join('')).toContain('unknown-term.yaml:64:56 error question `use-of-force` links to glossary term `armed-atack`')
  })
})
