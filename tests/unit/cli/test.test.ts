import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/run.ts'
import { fakeIo } from '../helpers.ts'

const fixture = 'tests/fixtures/rulebooks/author-tests.yaml'

describe('cli/test', () => {
  it('prints each failure at the test’s file:line:col with expected, actual and why, and exits 1', async () => {
    const { io, stdout } = fakeIo()
    expect(await run(['test', fixture], io)).toBe(1)
    expect(stdout()).toBe(
      [
        `${fixture}: 3 tests, 1 failed`,
        `${fixture}:98:5 ✗ Consent makes the strike lawful`,
        '    because: A test that fails on purpose, to show how failures read.',
        '    conclusion `unlawful`: expected holds, actual fails',
        '      Does not hold because you answered “Yes” to Q2 “Did the territorial state consent?”.',
        '',
        '2 passed, 1 failed',
        '',
      ].join('\n'),
    )
  })

  it('exits 0 when every test passes', async () => {
    const text = fakeIo().io.readFile(fixture)
    const passing = (await text).replace('holds: [unlawful]\n      stale', 'fails: [unlawful]\n      stale')
    const { io, stdout } = fakeIo({ 'passing.yaml': passing })
    expect(await run(['test', 'passing.yaml'], io)).toBe(0)
    expect(stdout()).toContain('3 passed, 0 failed')
  })

  it('lists with --coverage the conclusions and options no test touches', async () => {
    const { io, stdout } = fakeIo()
    await run(['test', '--coverage', fixture], io)
    expect(stdout()).toContain('  conclusions no test expects to fail: 2: `breach`, `unlawful`')
    expect(stdout()).toContain('    Q1 “Was it a use of force?”: `no`')
  })

  it('writes a JUnit report with -o', async () => {
    const { io, written, stdout } = fakeIo()
    expect(await run(['test', '--reporter', 'junit', '-o', 'out.xml', fixture], io)).toBe(1)
    const xml = written.get('out.xml') as string
    expect(xml).toContain('<testsuites name="casework test" tests="3" failures="1">')
    expect(xml).toContain('<testcase name="Consent makes the strike lawful" classname="tests/fixtures/rulebooks/author-tests.yaml" file="tests/fixtures/rulebooks/author-tests.yaml" line="98">')
    expect(xml).toContain('<failure message="holds unlawful: expected holds, actual fails">')
    expect(stdout()).toContain('Wrote the JUnit report to out.xml')
  })

  it('prints results as JSON with --json', async () => {
    const { io, stdout } = fakeIo()
    await run(['test', '--json', fixture], io)
    const report = JSON.parse(stdout()) as { passed: number; failed: number; files: { tests: { range: unknown; failures: unknown[] }[] }[] }
    expect(report).toMatchObject({ passed: 2, failed: 1 })
    expect(report.files[0]!.tests[2]).toMatchObject({ range: { start: { line: 98, column: 5 } }, failures: [{ key: 'holds', id: 'unlawful' }] })
  })

  it('exits 1 without running tests when the rulebook has errors, naming them', async () => {
    const { io, stdout } = fakeIo()
    expect(await run(['test', 'tests/fixtures/rulebooks/answer-type.yaml'], io)).toBe(1)
    expect(stdout()).toContain('the tests cannot run: the rulebook has 1 error')
    expect(stdout()).toContain('answer-type.yaml:84:17 error test “A scale out of range” answers `severity` with 7')
  })

  it('exits 2 when it cannot run', async () => {
    expect(await run(['test'], fakeIo().io)).toBe(2)
    expect(await run(['test', '--reporter', 'tap', fixture], fakeIo().io)).toBe(2)
    expect(await run(['test', '-o', 'x.xml', fixture], fakeIo().io)).toBe(2)
    const missing = fakeIo()
    expect(await run(['test', 'rules/none.yaml'], missing.io)).toBe(2)
    expect(missing.stderr()).toContain('cannot read rules/none.yaml: ENOENT')
  })
})
