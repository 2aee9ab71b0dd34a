import { describe, expect, it } from 'vitest'
import { run, usage } from '../../../src/cli/run.ts'
import packageJson from '../../../package.json' with { type: 'json' }
import { fakeIo } from '../helpers.ts'

/** Every command `casework --help` lists, read from the help itself. */
const listed = [...usage.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]!)

describe('cli/run', () => {
  it('prints the version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const { io, stdout } = fakeIo()
      expect(await run([flag], io)).toBe(0)
      expect(stdout()).toBe(`${packageJson.version}\n`)
    }
  })

  it('lists every command with --help, -h and help (exit 0), and on no command at all (exit 2)', async () => {
    expect(listed).toEqual(expect.arrayContaining(['init', 'validate', 'explain', 'report']))
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { io, stdout } = fakeIo()
      expect(await run(argv, io)).toBe(0)
      expect(stdout()).toBe(usage)
    }
    const bare = fakeIo()
    expect(await run([], bare.io)).toBe(2)
    expect(bare.stdout()).toContain('Usage: casework <command>')
  })

  it.each(listed)(
    'gives the help of `%s` with --help, -h and `casework help`, running nothing',
    async (command) => {
      const texts: string[] = []
      for (const argv of [
        [command, '--help'],
        [command, 'no-such-file.yaml', '-h'],
        ['help', command],
      ]) {
        const { io, stdout, stderr, written } = fakeIo()
        expect(await run(argv, io)).toBe(0)
        expect(stderr()).toBe('')
        expect(written.size).toBe(0)
        texts.push(stdout())
      }
      expect(texts[0]).toMatch(new RegExp(`^Usage: casework ${command} `))
      expect(new Set(texts).size).toBe(1)
    },
  )

  it('leaves --help after `--` to the command', async () => {
    const { io, stderr } = fakeIo()
    expect(await run(['validate', '--', '--help'], io)).toBe(2)
    expect(stderr()).toContain('cannot read --help')
  })

  it('refuses an unknown command, and help on one, with exit 2', async () => {
    for (const argv of [['frobnicate'], ['help', 'frobnicate']]) {
      const { io, stderr } = fakeIo()
      expect(await run(argv, io)).toBe(2)
      expect(stderr()).toContain('casework: unknown command "frobnicate"')
    }
  })
})
