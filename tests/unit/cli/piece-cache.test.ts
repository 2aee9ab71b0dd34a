/**
 * src/cli/piece-cache.ts: the values of a rulebook's pieces, kept between runs of the built
 * `casework` in a private folder under the temporary folder. Each test runs the CLI with TMPDIR
 * pointing at a folder of its own, on a copy of a rulebook it may edit.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers.ts'

let temp: string
let rulebook: string

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'casework-piece-cache-test-'))
  rulebook = join(temp, 'soleimani.yaml')
  copyFileSync(join(repoRoot, 'rules/soleimani-strike.yaml'), rulebook)
})
afterEach(() => rmSync(temp, { recursive: true, force: true }))

const user = process.platform === 'win32' ? userInfo().username : String(process.getuid!())
const folder = () => join(temp, `casework-parse-cache-${user}`)
const kept = () => (existsSync(folder()) ? readdirSync(folder()) : [])

function validate(env: Record<string, string> = {}) {
  const variables: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp, ...env }
  if (!('CASEWORK_NO_PARSE_CACHE' in env)) delete variables.CASEWORK_NO_PARSE_CACHE
  return spawnSync(process.execPath, [join(repoRoot, 'bin/casework.js'), 'validate', rulebook], { cwd: repoRoot, env: variables, encoding: 'utf8' })
}
/** The same command with no cache at all: what every run must print. */
const uncached = () => validate({ CASEWORK_NO_PARSE_CACHE: '1' })
const edit = (from: string, to: string) => {
  const text = readFileSync(rulebook, 'utf8')
  expect(text).toContain(from)
  writeFileSync(rulebook, text.replace(from, to))
}

describe('the CLI’s kept pieces of a rulebook', { timeout: 60_000 }, () => {
  it('are written on the first reading, in a private folder, and not rewritten while the file is unchanged', () => {
    const first = validate()
    expect(first.status).toBe(0)
    expect(first.stdout).toContain('0 errors and 0 warnings')
    expect(kept()).toHaveLength(1)
    const file = join(folder(), kept()[0]!)
    if (process.platform !== 'win32') {
      expect(statSync(folder()).mode & 0o777).toBe(0o700)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    }
    const written = statSync(file).mtimeMs
    expect(validate().stdout).toBe(first.stdout)
    expect(statSync(file).mtimeMs).toBe(written)
  })

  it('are read on the next run (a value changed in the cache shows in the result)', () => {
    expect(validate().status).toBe(0)
    const file = join(folder(), kept()[0]!)
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { pieces: Record<string, string> }
    const [key] = Object.entries(cache.pieces).find(([, json]) => json.startsWith('{"id":'))!
    cache.pieces[key] = JSON.stringify({ id: 'Not An Id' })
    writeFileSync(file, JSON.stringify(cache))
    expect(validate().stdout).toContain('Not An Id')
  })

  it('give after each edit what a full reading gives: the change, and a mistake located', () => {
    expect(validate().status).toBe(0)
    edit('title: The Baghdad airport strike (3 January 2020)', 'title: The Baghdad airport strike (3 January 2020), edited')
    expect(validate().stdout).toBe(uncached().stdout)
    edit('    prompt: ', '    prompt: [unclosed ')
    const broken = validate()
    expect(broken.status).toBe(1)
    expect(broken.stdout).toMatch(/soleimani\.yaml:\d+:\d+/)
    expect(broken.stdout).toBe(uncached().stdout)
    edit('id: soleimani-strike', 'id: Soleimani Strike')
    const wrongId = validate()
    expect(wrongId.stdout).toBe(uncached().stdout)
  })

  it('cost a damaged file one full reading, and write it again', () => {
    expect(validate().status).toBe(0)
    const file = join(folder(), kept()[0]!)
    writeFileSync(file, '{"parser": "casework 0.0.0", "pieces": {')
    const again = validate()
    expect(again).toMatchObject({ status: 0, stderr: '' })
    expect(again.stdout).toBe(uncached().stdout)
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow()
  })

  it('are not kept with CASEWORK_NO_PARSE_CACHE set', () => {
    expect(uncached().status).toBe(0)
    expect(existsSync(folder())).toBe(false)
  })

  it.skipIf(process.platform === 'win32')('are not kept in a folder that others can write to', () => {
    mkdirSync(folder())
    chmodSync(folder(), 0o777)
    expect(validate().status).toBe(0)
    expect(kept()).toEqual([])
  })
})
