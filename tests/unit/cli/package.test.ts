/**
 * The package an instructor installs: `npm pack` (which builds the CLI first), installed offline
 * into a temporary folder, and run from another folder, as `casework`.
 */
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import packageJson from '../../../package.json' with { type: 'json' }
import { repoRoot } from '../helpers.ts'

let temp: string
let work: string
let casework: string
let tarballFiles: string[]

/** npm's settings from a surrounding `npm test` (npm_config_*, npm_lifecycle_*) stay out. */
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))

/** Runs the installed `casework` in the work folder; never throws. */
function caseworkIn(args: string[], options: { closeStdout?: boolean; readLate?: boolean } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(casework, args, {
      cwd: work,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    // A reader that has gone before the first line is written, as `| head -1` is soon after.
    if (options.closeStdout) child.stdout.destroy()
    else child.stdout.on('data', (data: Buffer) => (stdout += data))
    // A reader that is slow to start (as a pager is): the pipe fills and casework's writes wait.
    if (options.readLate) {
      child.stdout.pause()
      setTimeout(() => child.stdout.resume(), 1000)
    }
    child.stderr.on('data', (data: Buffer) => (stderr += data))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'casework-package-'))
  const env = cleanEnv()
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', temp], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // npm prints the build's output before the JSON (prepack builds the CLI).
  const [{ filename, files }] = JSON.parse(packed.slice(packed.indexOf('\n[') + 1)) as [
    { filename: string; files: { path: string }[] },
  ]
  tarballFiles = files.map((file) => file.path)

  const prefix = join(temp, 'install')
  mkdirSync(prefix)
  // The package bundles everything it needs: installing it asks nothing of the registry.
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(temp, filename)],
    {
      cwd: temp,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  casework = join(prefix, 'node_modules', '.bin', 'casework')

  work = join(temp, 'course')
  mkdirSync(work)
  copyFileSync(join(repoRoot, 'rules/venezuela-dock-strike.yaml'), join(work, 'dock.yaml'))
  copyFileSync(
    join(repoRoot, 'tests/fixtures/rulebooks/unknown-option.yaml'),
    join(work, 'broken.yaml'),
  )
  copyFileSync(
    join(repoRoot, 'tests/fixtures/sessions/venezuela-dock-strike-complete.json'),
    join(work, 'work.json'),
  )
}, 240_000)

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true })
})

// Each test starts a few whole processes; a busy machine (CI) makes each take a second or more.
describe('the packed casework package', { timeout: 60_000 }, () => {
  it('holds only the command, the built CLI (with its typefaces and the app it packages for an LMS), the schemas, the README and the licence', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'bin/casework.js',
        'bin/compile-cache.js',
        'dist-cli/casework.js',
        // Both CommonJS, loaded without Node's ES module loader.
        'bin/package.json',
        'dist-cli/package.json',
        'schemas/rulebook.schema.json',
        'schemas/session.schema.json',
        'README.md',
        'LICENSE',
        'package.json',
      ]),
    )
    const outside = tarballFiles.filter(
      (path) =>
        !/^(bin\/(casework|compile-cache)\.js|(bin|dist-cli)\/package\.json|dist-cli\/.+\.(js|woff2)|dist-lms\/.+|schemas\/[a-z]+\.schema\.json|schemas\/scorm2004\/.+\.(xsd|md)|README\.md|LICENSE|package\.json)$/.test(
          path,
        ),
    )
    expect(outside).toEqual([])
    const installed = JSON.parse(
      readFileSync(join(temp, 'install/node_modules/casework/package.json'), 'utf8'),
    ) as Record<string, unknown>
    expect(installed.dependencies).toBeUndefined()
  })

  it('runs as `casework` from another folder: --version, --help', async () => {
    expect(await caseworkIn(['--version'])).toEqual({
      code: 0,
      stdout: `${packageJson.version}\n`,
      stderr: '',
    })
    const help = await caseworkIn(['validate', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: casework validate <files\.\.\.>/)
  })

  it('validates rulebooks with the exit codes of ESLint: 0 clean, 1 errors, 2 could not run', async () => {
    expect(await caseworkIn(['validate', 'dock.yaml'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('dock.yaml: no problems'),
    })
    const broken = await caseworkIn(['validate', 'broken.yaml'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain(
      'broken.yaml:61:20 error question `severity` refers to option `maybe`',
    )
    expect(await caseworkIn(['validate', 'missing.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read missing.yaml: ENOENT'),
    })
    expect((await caseworkIn(['validate', '--strict', 'dock.yaml'])).code).toBe(2)
  })

  it('writes a new rulebook with init that validates and passes its test, its modeline naming the installed schema', async () => {
    expect((await caseworkIn(['init', 'my-course'])).code).toBe(0)
    const text = readFileSync(join(work, 'my-course.yaml'), 'utf8')
    const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1]
    expect(schema && existsSync(resolve(work, schema))).toBe(true)
    expect(await caseworkIn(['validate', 'my-course.yaml'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('no problems'),
    })
    expect(await caseworkIn(['test', 'my-course.yaml'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('1 passed, 0 failed'),
    })
  })

  it('explains and reports a session, DOCX included', async () => {
    const explained = await caseworkIn(['explain', 'dock.yaml', 'work.json'])
    expect(explained.code).toBe(0)
    expect(explained.stdout).toContain('Progress:')
    const docx = await caseworkIn(['report', 'dock.yaml', 'work.json', '-o', 'report.docx'])
    expect(docx).toMatchObject({ code: 0, stdout: 'Wrote the DOCX report to report.docx\n' })
    expect(readFileSync(join(work, 'report.docx')).subarray(0, 2).toString()).toBe('PK')
  })

  it('writes all of a long output to a reader slow to take it before it ends', async () => {
    // Megabytes of JSON: far more than a pipe holds, so most of it waits for the reader when
    // casework has finished its work and ends its process.
    const paths = await caseworkIn(['paths', 'dock.yaml', '--json'], { readLate: true })
    expect(paths.code).toBe(0)
    expect(paths.stdout.length).toBeGreaterThan(1_000_000)
    const parsed = JSON.parse(paths.stdout) as { conclusions: { id: string }[] }
    expect(parsed.conclusions.map((c) => c.id)).toContain('wrongful-act')
  })

  it('ends quietly with its own exit code when the reader closes the pipe (| head -1)', async () => {
    const report = await caseworkIn(['report', 'dock.yaml', 'work.json', '--format', 'md'], {
      closeStdout: true,
    })
    expect(report.code).toBe(0)
    expect(report.stderr).not.toMatch(/EPIPE|Error|at /)
    const validate = await caseworkIn(['validate', 'broken.yaml', 'dock.yaml'], {
      closeStdout: true,
    })
    expect(validate).toEqual({ code: 1, stdout: '', stderr: '' })
  })
})
