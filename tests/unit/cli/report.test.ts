import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '@/cli/io'
import { run } from '@/cli/run'
import { parseSession } from '@/engine/session'
import {
  flagshipRulebookPath,
  flagshipSession,
  readText,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

/** A CLI's outside world in memory: files by path, and what was printed and written. */
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
    writeFile: async (path, data) => {
      if (path.startsWith('/read-only/'))
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
      written.set(path, data)
    },
  }
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written }
}

const rulebook = readText(smallRulebookPath)
const session = readText(smallSessionPath)
const files = { 'rules/harbour.yaml': rulebook, 'session.json': session }

async function report(args: string[], extra: Record<string, string> = {}) {
  const fake = fakeIo({ ...files, ...extra })
  const code = await run(['report', ...args], fake.io)
  return { code, ...fake }
}

describe('cli/commands/report', () => {
  it('prints the Markdown report, the same as the app’s (the golden file), warning what changed', async () => {
    const { code, stdout, stderr } = await report([
      'rules/harbour.yaml',
      'session.json',
      '--format',
      'md',
    ])
    expect(code).toBe(0)
    expect(stdout()).toBe(readText('tests/fixtures/report/harbour-strike.md'))
    expect(stderr()).toContain(
      "session.json: warning: The rulebook's content has changed since this work was done, though its version (1.2.0) has not.\n",
    )
  })

  it('reports the flagship’s complete session exactly as the golden Markdown, with nothing to warn of', async () => {
    const { code, stdout, stderr } = await report(
      [flagshipRulebookPath, 'complete.json', '--format', 'md'],
      {
        [flagshipRulebookPath]: readText(flagshipRulebookPath),
        'complete.json': JSON.stringify(flagshipSession()),
      },
    )
    expect(code).toBe(0)
    expect(stderr()).toBe('')
    expect(stdout()).toBe(readText('tests/fixtures/report/venezuela-dock-strike.md'))
    // Validating the whole flagship (with its explorer and author-test checks) is slow on a shared machine.
  }, 30_000)

  it('writes the HTML report to a file, with the typefaces embedded', async () => {
    const { code, stdout, written } = await report([
      'rules/harbour.yaml',
      'session.json',
      '--format',
      'html',
      '-o',
      'out/report.html',
    ])
    expect(code).toBe(0)
    const html = written.get('out/report.html') as string
    // Each font is a WOFF2 file (base64 of its signature `wOF2` is `d09GMg`) read from the packages.
    const faces = [
      ...html.matchAll(
        /font-family: '([^']+)';\n\s*font-style: (\w+);\n\s*font-weight: (\d+);[^}]*?base64,d09GMg/g,
      ),
    ]
    expect(faces.map(([, family, style, weight]) => `${family} ${weight} ${style}`)).toEqual([
      'Source Serif 4 400 normal',
      'Source Serif 4 400 italic',
      'Source Serif 4 700 normal',
      'Source Serif 4 700 italic',
      'Source Code Pro 400 normal',
    ])
    // Apart from the fonts, it is the report as the golden file has it.
    const withoutFonts = html.replace(/<style>\n@font-face[^]*?<\/style>\n/, '')
    expect(withoutFonts).toBe(
      readText('tests/fixtures/report/harbour-strike.html').replace(
        /<!-- The typefaces[^\n]*\n/,
        '',
      ),
    )
    expect(stdout()).toBe('Wrote the HTML report to out/report.html\n')
  })

  it('writes a DOCX that opens as a Word document', async () => {
    const { code, written } = await report([
      'rules/harbour.yaml',
      'session.json',
      '--format',
      'docx',
      '-o',
      'report.docx',
    ])
    expect(code).toBe(0)
    const bytes = written.get('report.docx')
    expect(bytes).toBeInstanceOf(Uint8Array)
    const xml = strFromU8(unzipSync(bytes as Uint8Array)['word/document.xml']!)
    expect(xml).toContain('Table of authorities')
  })

  it('writes the session itself as JSON that imports back identical', async () => {
    const { code, stdout } = await report([
      'rules/harbour.yaml',
      'session.json',
      '--format',
      'json',
    ])
    expect(code).toBe(0)
    expect(parseSession(stdout(), 'x.json').session).toEqual(JSON.parse(session))
  })

  it('takes the format from the output file’s extension', async () => {
    const { code, written } = await report([
      'rules/harbour.yaml',
      'session.json',
      '-o',
      'report.md',
    ])
    expect(code).toBe(0)
    expect(written.get('report.md')).toMatch(/^# Conclusion report: The Harbour Strike/)
  })

  it('shows model answers kept from students only with --instructor', async () => {
    const answered = JSON.parse(session)
    answered.answers.grounds = { value: ['drugs'], updatedAt: '2026-01-15T12:00:00Z' }
    const extra = { 'answered.json': JSON.stringify(answered) }
    const student = await report(['rules/harbour.yaml', 'answered.json', '-f', 'md'], extra)
    const instructor = await report(
      ['rules/harbour.yaml', 'answered.json', '-f', 'md', '--instructor'],
      extra,
    )
    expect(student.stdout()).not.toContain('Only drug trafficking has been invoked publicly.')
    expect(instructor.stdout()).toContain('##### Model answer (instructor’s copy)')
    expect(instructor.stdout()).toContain('Only drug trafficking has been invoked publicly.')
  })

  it.each([
    [
      'no format and no output file',
      ['rules/harbour.yaml', 'session.json'],
      'say which format with --format',
    ],
    [
      'an unknown format',
      ['rules/harbour.yaml', 'session.json', '--format', 'pdf'],
      'unknown format "pdf"',
    ],
    [
      'an unknown flag',
      ['rules/harbour.yaml', 'session.json', '--format', 'md', '--colour'],
      "Unknown option '--colour'",
    ],
    ['a missing session', ['rules/harbour.yaml', '--format', 'md'], 'usage: casework report'],
    [
      'a DOCX without a file',
      ['rules/harbour.yaml', 'session.json', '--format', 'docx'],
      'a DOCX report needs a file',
    ],
    [
      'an unreadable file',
      ['rules/harbour.yaml', 'missing.json', '--format', 'md'],
      'cannot read missing.json: ENOENT',
    ],
    [
      'an unwritable file',
      ['rules/harbour.yaml', 'session.json', '-o', '/read-only/r.md'],
      'cannot write /read-only/r.md: EACCES',
    ],
  ])('exits 2 on %s', async (_case, args, message) => {
    const { code, stderr, stdout } = await report(args)
    expect(code).toBe(2)
    expect(stderr()).toContain(message)
    expect(stdout()).toBe('')
  })

  it('exits 1 with located problems for a malformed session', async () => {
    const broken = session.replace('"confidence": "high"', '"confidence": "very"')
    const { code, stderr, stdout } = await report(
      ['rules/harbour.yaml', 'broken.json', '-f', 'md'],
      { 'broken.json': broken },
    )
    expect(code).toBe(1)
    expect(stderr()).toMatch(
      /^broken\.json:\d+:\d+ error the answer to `use-of-force` › `confidence` should be one of/,
    )
    expect(stdout()).toBe('')
  })

  it('exits 1 for another rulebook’s session, pointing at its rulebook id', async () => {
    const other = session.replace('"id": "harbour-strike"', '"id": "venezuela-dock-strike"')
    const { code, stderr } = await report(['rules/harbour.yaml', 'other.json', '-f', 'md'], {
      'other.json': other,
    })
    expect(code).toBe(1)
    expect(stderr()).toBe(
      'other.json:6:11 error This session was made for the rulebook `venezuela-dock-strike`, not `harbour-strike`. (Open it with the rulebook `venezuela-dock-strike`.) [session-rulebook]\n',
    )
  })

  it('exits 1 when the rulebook has errors', async () => {
    const broken = rulebook.replace('when: use-of-force is yes', 'when: use-of-force is maybe')
    const { code, stderr } = await report(['broken.yaml', 'session.json', '-f', 'md'], {
      'broken.yaml': broken,
    })
    expect(code).toBe(1)
    expect(stderr()).toMatch(/^broken\.yaml:\d+:\d+ error .*\[unknown-option\]/)
  })
})
