import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { looksLikeSession, useRulebookStore } from '@/stores/rulebook'
import { storage } from '@/persistence/storage'
import { rulebookRecord } from '@/persistence/records'
import { freshPinia, resetStorage, uiLoaded } from '../../fixtures/ui/helpers'

const fixture = (name: string) =>
  readFileSync(resolve('tests/fixtures/ui', name), 'utf8')

describe('stores/rulebook', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
  })

  it('compiles the rulebook in use', () => {
    const store = useRulebookStore()
    store.use(uiLoaded)
    expect(store.compiled?.questionIndex.get('consent')).toBe(2)
  })

  it('finds a shipped rulebook by content hash', async () => {
    const found = await useRulebookStore().find({
      id: 'ui-test',
      version: '1.0.0',
      contentHash: uiLoaded.contentHash,
    })
    expect(found).toMatchObject({ changed: false, loaded: { file: 'rules/ui-test.yaml' } })
  })

  it('falls back to the shipped rulebook with the same id, saying it changed', async () => {
    const found = await useRulebookStore().find({
      id: 'ui-test',
      version: '0.9.0',
      contentHash: '0000000000000000',
    })
    expect(found?.changed).toBe(true)
  })

  it('finds nothing for an unknown rulebook', async () => {
    expect(
      await useRulebookStore().find({ id: 'other', version: '1.0.0', contentHash: '0000000000000000' }),
    ).toBeUndefined()
  })

  it('reports the problems of a broken file with their line and column', async () => {
    const store = useRulebookStore()
    const opened = await store.openFile(new File([fixture('broken-rulebook.yaml')], 'broken.yaml'))
    expect(opened.rulebook).toBeUndefined()
    const codes = opened.problems.map((p) => p.code)
    expect(codes).toContain('unknown-section')
    const section = opened.problems.find((p) => p.code === 'unknown-section')!
    expect(section.range.start).toEqual({ line: 30, column: 14 })
    expect(store.opened?.name).toBe('broken.yaml')
  })

  it('reports a YAML syntax error with its line', async () => {
    const opened = await useRulebookStore().openFile(
      new File(['id: [unclosed\ntitle: x\n'], 'bad.yaml'),
    )
    expect(opened.problems[0]?.code).toBe('yaml-syntax')
    expect(opened.problems[0]?.range.start.line).toBeGreaterThan(0)
  })

  it('quotes the line of the file each problem points at', async () => {
    const opened = await useRulebookStore().openFile(new File(['id: [unclosed\ntitle: x\n'], 'bad.yaml'))
    expect(opened.sources).toHaveLength(opened.problems.length)
    const [problem] = opened.problems
    const [source] = opened.sources!
    expect(source?.line).toBe(problem?.range.start.line)
    expect(['id: [unclosed', 'title: x']).toContain(`${source?.before}${source?.marked}${source?.after}`)
  })

  it('opens a valid rulebook file and keeps it for later', async () => {
    const store = useRulebookStore()
    const opened = await store.openFile(
      new File([JSON.stringify(uiLoaded.rulebook)], 'ui.json', { type: 'application/json' }),
    )
    expect(opened.rulebook?.rulebook.id).toBe('ui-test')
    expect(opened.rulebook?.origin).toBe('file')
    await store.keep(opened.rulebook!)
    expect((await storage.getRulebook(opened.rulebook!.contentHash))?.file).toBe('ui.json')
  })

  it('copies a rulebook the worker has kept only if it has gone from storage since', async () => {
    const store = useRulebookStore()
    const loaded = { ...uiLoaded, origin: 'file' as const, file: 'ui.yaml', kept: Promise.resolve(true) }
    const keptAs = async () => (await storage.getRulebook(loaded.contentHash))?.file
    // As the worker keeps it; the page then has nothing to copy.
    await storage.putRulebook(rulebookRecord('by-the-worker.yaml', loaded.rulebook, loaded.contentHash))
    await store.keep(loaded)
    expect(await keptAs()).toBe('by-the-worker.yaml')
    // Cleared away since (another tab's clean-up): the page keeps it again.
    await resetStorage()
    await store.keep(loaded)
    expect(await keptAs()).toBe('ui.yaml')
    // The worker could not keep it: the page keeps it.
    await resetStorage()
    await store.keep({ ...loaded, kept: Promise.resolve(false) })
    expect(await keptAs()).toBe('ui.yaml')
  })

  it.each([
    ['{\n  "format": "casework-session/1",\n  "rulebook": {}', true],
    ['format: casework-rulebook/1\nid: x', false],
    ['{"format": "casework-rulebook/1"}', false],
  ])('tells a saved workbook from a rulebook: %j', (text, session) => {
    expect(looksLikeSession(text)).toBe(session)
  })
})
