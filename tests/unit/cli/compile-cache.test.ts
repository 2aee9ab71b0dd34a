/**
 * bin/compile-cache.js: V8's compiled code for the built CLI, kept between runs in a private folder
 * under the temporary folder. Each test runs the built `casework` as an instructor does, with
 * TMPDIR pointing at a folder of its own, so the cache it finds is the one the test made.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import * as nodeModule from 'node:module'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import packageJson from '../../../package.json' with { type: 'json' }
import { repoRoot } from '../helpers.ts'

let temp: string

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'casework-compile-cache-test-'))
})
afterEach(() => rmSync(temp, { recursive: true, force: true }))

const user = process.platform === 'win32' ? userInfo().username : String(process.getuid!())
const base = () => join(temp, `casework-compile-cache-${user}`)
const folder = () => join(base(), `${packageJson.version}-node${process.version}-${process.arch}`)

function casework(args: string[], env: Record<string, string> = {}) {
  const variables: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp }
  delete variables.NODE_DISABLE_COMPILE_CACHE
  Object.assign(variables, env)
  return spawnSync(process.execPath, [join(repoRoot, 'bin/casework.js'), ...args], { cwd: repoRoot, env: variables, encoding: 'utf8' })
}

const validate = () => casework(['validate', 'rules/soleimani-strike.yaml'])
const cached = () => readdirSync(folder()).sort()
const modified = () => cached().map((file) => statSync(join(folder(), file)).mtimeMs)

// Node 22.1+ keeps its own compile cache (module.enableCompileCache), and this file steps aside.
describe.skipIf('enableCompileCache' in nodeModule)(
  'the CLI compile cache on Node 20',
  { timeout: 60_000 },
  () => {
    it('is written on the first call, in a folder only this user can open, and read, not rewritten, on the next', () => {
      const first = validate()
      expect(first.status).toBe(0)
      expect(first.stdout).toContain('0 errors and 0 warnings')
      const files = cached()
      // The entry file and the chunks that `validate` loads.
      expect(files.length).toBeGreaterThanOrEqual(2)
      if (process.platform !== 'win32') {
        expect(statSync(base()).mode & 0o777).toBe(0o700)
        expect(statSync(folder()).mode & 0o777).toBe(0o700)
      }
      const before = modified()

      const second = validate()
      expect(second.stdout).toBe(first.stdout)
      expect(cached()).toEqual(files)
      expect(modified()).toEqual(before)
    })

    it('costs a damaged cache one normal start, and writes it again', () => {
      expect(validate().status).toBe(0)
      for (const file of cached()) writeFileSync(join(folder(), file), 'not a code cache')
      const again = validate()
      expect(again.status).toBe(0)
      expect(again.stderr).toBe('')
      expect(again.stdout).toContain('0 errors and 0 warnings')
      for (const file of cached()) expect(readFileSync(join(folder(), file), 'utf8')).not.toBe('not a code cache')
    })

    it('removes the caches of other versions when it writes its own', () => {
      mkdirSync(join(base(), '0.0.1-node-v18.0.0-x64'), { recursive: true, mode: 0o700 })
      chmodSync(base(), 0o700)
      expect(validate().status).toBe(0)
      expect(readdirSync(base())).toEqual([`${packageJson.version}-node${process.version}-${process.arch}`])
    })

    it.skipIf(process.platform === 'win32')('is not used in a folder that others can write to', () => {
      mkdirSync(base())
      chmodSync(base(), 0o777)
      expect(validate().status).toBe(0)
      expect(existsSync(folder())).toBe(false)
    })

    it('is not used with NODE_DISABLE_COMPILE_CACHE set, as Node’s own is not', () => {
      expect(casework(['--version'], { NODE_DISABLE_COMPILE_CACHE: '1' }).stdout).toBe(`${packageJson.version}\n`)
      expect(existsSync(base())).toBe(false)
    })

    it('never stops the CLI when no cache can be kept', () => {
      const notAFolder = join(temp, 'a-file')
      writeFileSync(notAFolder, '')
      const run = casework(['--version'], { TMPDIR: notAFolder })
      expect(run).toMatchObject({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' })
    })
  },
)
