import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { run } from '../../../src/cli/run.ts'
import { rulebookSkeleton, skeletonTests } from '../../../src/cli/commands/init.ts'
import { loadRulebook } from '../../../src/engine/load.ts'
import { fakeIo } from '../helpers.ts'

const written = (files: Map<string, string | Uint8Array>, path: string) => {
  const text = files.get(path)
  if (typeof text !== 'string') throw new Error(`${path} was not written as text`)
  return text
}

describe('cli/init', () => {
  it('writes <id>.yaml: a rulebook free of problems, with the schema modeline', async () => {
    const { io, stdout, written: files } = fakeIo()
    io.rulebookSchemaFile = '/opt/casework/schemas/rulebook.schema.json'
    expect(await run(['init', 'dock-strike', '--dir', '/home/ana/rules'], io)).toBe(0)
    const text = written(files, '/home/ana/rules/dock-strike.yaml')
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../../opt/casework/schemas/rulebook.schema.json',
    )
    expect(loadRulebook(text, 'dock-strike.yaml').problems).toEqual([])
    expect(stdout()).toContain('Wrote /home/ana/rules/dock-strike.yaml')
    expect(stdout()).toContain('casework validate /home/ana/rules/dock-strike.yaml')

    const rulebook = parse(text) as Record<string, { id: string }[] | string>
    expect(rulebook.id).toBe('dock-strike')
    expect(rulebook.title).toBe('Dock strike')
    for (const part of ['scenarios', 'questions', 'conclusions'] as const)
      expect(rulebook[part]).toHaveLength(1)
  })

  it('names the schema by its published id when it has no local copy', async () => {
    const { io, written: files } = fakeIo()
    expect(await run(['init', 'tiny'], io)).toBe(0)
    expect(written(files, 'tiny.yaml')).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/casework\.example\/schemas\/rulebook\.schema\.json\n/,
    )
  })

  it('carries one author test on the skeleton’s scenario, question and conclusion', () => {
    const text = rulebookSkeleton('dock-strike', '../schemas/rulebook.schema.json')
    expect(text).toContain(skeletonTests)
    const { tests, scenarios, questions, conclusions } = parse(text) as {
      tests: { scenario: string; answers: Record<string, string>; expect: { holds: string[] } }[]
      scenarios: { id: string }[]
      questions: { id: string }[]
      conclusions: { id: string }[]
    }
    expect(tests).toHaveLength(1)
    expect(tests[0]!.scenario).toBe(scenarios[0]!.id)
    expect(Object.keys(tests[0]!.answers)).toEqual([questions[0]!.id])
    expect(tests[0]!.expect.holds).toEqual([conclusions[0]!.id])
    expect(loadRulebook(text, 'dock-strike.yaml').problems).toEqual([])
  })

  it('never overwrites a file, and refuses an id the format would refuse (exit 2)', async () => {
    const existing = fakeIo({ 'tiny.yaml': 'mine' })
    expect(await run(['init', 'tiny'], existing.io)).toBe(2)
    expect(existing.stderr()).toContain('tiny.yaml already exists')
    expect(existing.written.size).toBe(0)

    const bad = fakeIo()
    expect(await run(['init', 'Dock_Strike'], bad.io)).toBe(2)
    expect(bad.stderr()).toContain('"Dock_Strike" cannot be a rulebook id')
    expect(await run(['init'], fakeIo().io)).toBe(2)
    expect(await run(['init', 'a', 'b'], fakeIo().io)).toBe(2)
    expect(await run(['init', 'a', '--title'], fakeIo().io)).toBe(2)
  })
})
