import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ReportImportSession from '@/components/report/ReportImportSession.vue'
import { createSession } from '@/engine/session'
import type { Session } from '@/engine/generated/session'
import { storage } from '@/persistence/storage'
import { renderJson } from '@/report/render-json'
import { useLibraryStore } from '@/stores/library'
import { freshPinia, resetStorage, uiLoaded } from '../../../fixtures/ui/helpers'

/** A session on the UI test rulebook, with some work. */
function session(change: (s: Session) => void = () => {}): Session {
  const made = createSession({
    rulebook: uiLoaded.rulebook,
    contentHash: uiLoaded.contentHash,
    scenario: 'dock',
    studentName: 'Ada',
    title: 'Imported work',
    now: '2026-01-15T10:00:00.000Z',
  })
  made.answers['use-of-force'] = {
    value: 'yes',
    reasoning: { issue: 'Whether force was used.' },
    updatedAt: '2026-01-15T10:00:00.000Z',
  }
  change(made)
  return made
}

const fileOf = (text: string, name = 'work.casework.json') =>
  new File([text], name, { type: 'application/json' })

/** Lets reading, the validator's dynamic import and the (fake) IndexedDB calls all finish. */
async function settle() {
  for (let i = 0; i < 10; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

async function importing(file: File) {
  const wrapper = mount(ReportImportSession, { props: { file }, attachTo: document.body })
  // The file is read by the loading job (in a worker in the app), loaded on first use.
  await vi.waitFor(() => expect(wrapper.text()).not.toContain('Reading “'), { timeout: 4000 })
  await settle()
  return wrapper
}

/** Everything saved, to show that a refused import changed none of it. */
async function everythingSaved() {
  const summaries = await storage.listWorkbooks()
  return Promise.all(summaries.map((s) => storage.getWorkbook(s.id)))
}

const button = (wrapper: Awaited<ReturnType<typeof importing>>, name: string) =>
  wrapper.findAll('button').find((b) => b.text() === name)

describe('components/report/ReportImportSession', () => {
  let existingId: string

  beforeEach(async () => {
    await resetStorage()
    freshPinia()
    existingId = await useLibraryStore().create(uiLoaded, {
      scenarioId: 'dock',
      title: 'Saved already',
      studentName: 'Ada',
    })
  })

  it.each([
    ['wrong types', renderJson(session()).replace('"name": "Ada"', '"name": 42'), 'should be text'],
    [
      'an unknown field',
      renderJson({ ...session(), grade: 'A+' } as Session),
      'unknown property grade',
    ],
    [
      'a 10 MB string',
      renderJson(
        session(
          (s) => (s.answers['use-of-force']!.reasoning!.issue = 'x'.repeat(10 * 1024 * 1024)),
        ),
      ),
      'is too long',
    ],
    [
      'text that is not JSON',
      '{"format": "casework-session/1", oops',
      'cannot be read as a session',
    ],
  ])('shows located errors for %s, and saves nothing', async (_case, text, message) => {
    const before = await everythingSaved()
    const wrapper = await importing(fileOf(text))
    expect(wrapper.text()).toContain(message)
    expect(wrapper.text()).toMatch(/Line \d+, column \d+/)
    expect(wrapper.text()).toContain(
      'Nothing has been imported, and your saved workbooks are unchanged.',
    )
    expect(button(wrapper, 'Import')).toBeUndefined()
    expect(await everythingSaved()).toEqual(before)
    wrapper.unmount()
  })

  it('refuses a session made for a rulebook that is not here, saving nothing', async () => {
    const before = await everythingSaved()
    const other = session(
      (s) =>
        (s.rulebook = {
          id: 'venezuela-dock-strike',
          version: '2.0.0',
          contentHash: 'abcdefabcdefabcd',
          title: 'The dock strike',
        }),
    )
    const wrapper = await importing(fileOf(renderJson(other)))
    expect(wrapper.text()).toContain(
      'made with the rulebook “The dock strike” (version 2.0.0), which is not here',
    )
    expect(await everythingSaved()).toEqual(before)
    wrapper.unmount()
  })

  it('refuses a session whose scenario the rulebook lacks, pointing at its line', async () => {
    const before = await everythingSaved()
    const wrapper = await importing(fileOf(renderJson(session((s) => (s.scenario = 'elsewhere')))))
    expect(wrapper.text()).toContain(
      'The rulebook has no scenario elsewhere, which this session was made for.',
    )
    expect(wrapper.text()).toContain('work.casework.json:10:15')
    expect(await everythingSaved()).toEqual(before)
    wrapper.unmount()
  })

  it('imports a valid file as a new workbook once the student confirms', async () => {
    const wrapper = await importing(fileOf(renderJson(session())))
    expect(wrapper.text()).toContain('Imported work')
    expect(wrapper.text()).toContain('1 question, last changed 15 January 2026')
    expect((await storage.listWorkbooks()).length).toBe(1)
    await button(wrapper, 'Import')!.trigger('click')
    await settle()
    const [id] = wrapper.emitted('imported')![0] as [string]
    const saved = await storage.getWorkbook(id)
    expect(saved?.session.answers['use-of-force']?.reasoning?.issue).toBe('Whether force was used.')
    expect((await storage.listWorkbooks()).length).toBe(2)
    wrapper.unmount()
  })

  it('tells what changed in the rulebook, keeping work on removed questions', async () => {
    const changed = session((s) => {
      s.rulebook.contentHash = '0000000000000000'
      s.answers['removed-question'] = { value: 'yes', updatedAt: '2026-01-15T10:00:00.000Z' }
    })
    const wrapper = await importing(fileOf(renderJson(changed)))
    expect(wrapper.text()).toContain('The rulebook has changed since this work was done.')
    expect(wrapper.text()).toContain(
      'no longer in the rulebook (the one you answered “yes”, saved as removed-question): the work is kept and shown as orphaned.',
    )
    await button(wrapper, 'Import')!.trigger('click')
    await settle()
    const [id] = wrapper.emitted('imported')![0] as [string]
    expect((await storage.getWorkbook(id))?.session.answers['removed-question']).toEqual(
      changed.answers['removed-question'],
    )
    wrapper.unmount()
  })

  it('asks before replacing a saved workbook, and keeps both unless told otherwise', async () => {
    const same = session((s) => (s.id = existingId))
    const wrapper = await importing(fileOf(renderJson(same)))
    expect(wrapper.text()).toContain('You already have this workbook here: “Saved already”')
    expect(wrapper.find<HTMLInputElement>('input[type="radio"]').element.checked).toBe(true)
    await button(wrapper, 'Import')!.trigger('click')
    await settle()
    expect((await storage.listWorkbooks()).map((w) => w.title).sort()).toEqual([
      'Imported work (imported copy)',
      'Saved already',
    ])
    wrapper.unmount()
  })

  it('replaces the saved workbook only when the student chooses to', async () => {
    const same = session((s) => (s.id = existingId))
    const wrapper = await importing(fileOf(renderJson(same)))
    await wrapper.findAll('input[type="radio"]')[1]!.setValue(true)
    await button(wrapper, 'Replace the saved workbook')!.trigger('click')
    await settle()
    const list = await storage.listWorkbooks()
    expect(list.map((w) => w.title)).toEqual(['Imported work'])
    // In place, as a newer revision, so a tab still showing the old workbook cannot save over it.
    expect(list[0]!.id).toBe(existingId)
    expect((await storage.getWorkbook(existingId))?.revision).toBe(2)
    wrapper.unmount()
  })

  it('changes nothing when the student cancels', async () => {
    const before = await everythingSaved()
    const wrapper = await importing(fileOf(renderJson(session((s) => (s.id = existingId)))))
    await button(wrapper, 'Cancel')!.trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
    expect(await everythingSaved()).toEqual(before)
    wrapper.unmount()
  })
})
