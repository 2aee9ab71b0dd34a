import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/run.ts'
import { fakeIo } from '../helpers.ts'

describe('cli/validate', () => {
  it('prints each problem as file:line:col severity message and exits 1 on errors', async () => {
    const { io, stdout } = fakeIo()
    const code = await run(['validate', 'tests/fixtures/rulebooks/unknown-option.yaml'], io)
    expect(code).toBe(1)
    expect(stdout()).toContain(
      'tests/fixtures/rulebooks/unknown-option.yaml:61:20 error question `severity` refers to option `maybe`, but `basis` has only `self-defence` and `none` [unknown-option]',
    )
    expect(stdout()).toContain('1 error and 0 warnings in 1 file')
  })

  it('exits 0 when there are only warnings', async () => {
    const { io, stdout } = fakeIo()
    expect(await run(['validate', 'tests/fixtures/rulebooks/unused-fact.yaml', 'tests/fixtures/rulebooks/valid.yaml'], io)).toBe(0)
    expect(stdout()).toContain('tests/fixtures/rulebooks/valid.yaml: no problems')
    expect(stdout()).toContain('0 errors and 1 warning in 2 files')
  })

  it('prints machine-readable problems with --json', async () => {
    const { io, stdout } = fakeIo()
    await run(['validate', '--json', 'tests/fixtures/rulebooks/cycle.yaml'], io)
    const [result] = JSON.parse(stdout()) as [{ file: string; problems: { code: string; range: unknown }[] }]
    expect(result.file).toBe('tests/fixtures/rulebooks/cycle.yaml')
    expect(result.problems[0]).toMatchObject({ code: 'cycle', severity: 'error', range: { start: { line: 70, column: 11 } } })
  })

  it('exits 2 when it cannot run: a missing file, a bad flag, no file', async () => {
    const missing = fakeIo()
    expect(await run(['validate', 'rules/no-such-file.yaml'], missing.io)).toBe(2)
    expect(missing.stderr()).toContain('cannot read rules/no-such-file.yaml: ENOENT')
    expect(await run(['validate', '--jsn', 'x.yaml'], fakeIo().io)).toBe(2)
    expect(await run(['validate'], fakeIo().io)).toBe(2)
    expect(await run(['frobnicate'], fakeIo().io)).toBe(2)
  })
})
