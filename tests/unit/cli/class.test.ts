import { describe, expect, it } from 'vitest'
import type { CliIo } from '@/cli/io'
import { run } from '@/cli/run'
import { loadFixtureRulebook, readText, smallRulebookPath } from '../../fixtures/report/load'
import { seminarTexts } from '../../fixtures/class/seminar'

const { hash } = loadFixtureRulebook(smallRulebookPath)
const sessions = Object.fromEntries(
  Object.entries(seminarTexts(hash)).map(([name, text]) => [`seminar/${name}`, text]),
)
const files: Record<string, string> = { 'harbour.yaml': readText(smallRulebookPath), ...sessions, 'seminar/notes.txt': 'not json' }

function fakeIo() {
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
    listFolder: async (path) =>
      path === 'seminar' ? Object.keys(files).filter((f) => f.startsWith('seminar/')) : undefined,
  }
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written }
}

describe('cli/commands/class', () => {
  it('writes the CSV of a folder of sessions, listing the files left out on stderr', async () => {
    const fake = fakeIo()
    const code = await run(['class', 'harbour.yaml', 'seminar', '-o', 'class.csv'], fake.io)
    expect(code).toBe(1)
    const csv = fake.written.get('class.csv') as string
    // 18 rows of work (5 students) and the header; the text file in the folder is not read.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(19)
    expect(fake.stderr()).toContain('seminar/stranger.casework.json: left out: This session was made for the rulebook `another-rulebook`')
    expect(fake.stderr()).toContain('seminar/bob-older.casework.json: left out: The same workbook as seminar/bob.casework.json')
    expect(fake.stderr()).not.toContain('notes.txt')
    expect(fake.stdout()).toContain('Wrote the class (5 students, CSV) to class.csv')
  })

  it('prints the Markdown summary and the JSON figures to stdout', async () => {
    const md = fakeIo()
    await run(['class', 'harbour.yaml', 'seminar/ada.casework.json', 'seminar/cleo.casework.json', '--format', 'md'], md.io)
    expect(md.stdout()).toContain('# Class summary: The Harbour Strike')
    expect(md.stdout()).toContain('- Answers: Yes: 1; No: 1')
    const json = fakeIo()
    expect(await run(['class', 'harbour.yaml', 'seminar/ada.casework.json', '-f', 'json'], json.io)).toBe(0)
    const parsed = JSON.parse(json.stdout())
    expect(parsed.format).toBe('casework-class/1')
    expect(parsed.students[0]).not.toHaveProperty('session')
  })

  it('fails with exit 2 on a missing format, and when no session can be read', async () => {
    expect(await run(['class', 'harbour.yaml', 'seminar'], fakeIo().io)).toBe(2)
    const none = fakeIo()
    expect(await run(['class', 'harbour.yaml', 'seminar/broken.casework.json', '-f', 'csv'], none.io)).toBe(2)
    expect(none.stderr()).toContain('no session could be read')
  })

  it('is listed in the help', async () => {
    const fake = fakeIo()
    await run(['help', 'class'], fake.io)
    expect(fake.stdout()).toContain('Usage: casework class <rulebook> <sessions or folders...>')
  })
})
