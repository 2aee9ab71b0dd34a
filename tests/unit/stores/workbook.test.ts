import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, watchEffect } from 'vue'
import { storage } from '@/persistence/storage'
import { readEmergencyCopy, saveEmergencyCopy } from '@/persistence/emergency'
import { SAVE_DELAY_MS, useWorkbookStore } from '@/stores/workbook'
import { freshPinia, openNewWorkbook, resetStorage } from '../../fixtures/ui/helpers'

/** Lets promise callbacks and IndexedDB's immediate tasks run (not on the faked clock). */
const settled = () => new Promise((resolve) => setImmediate(resolve))

const status = (store: ReturnType<typeof useWorkbookStore>, id: string) =>
  store.walk.questions.find((q) => q.id === id)?.status

describe('stores/workbook', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
  })
  afterEach(() => vi.restoreAllMocks())

  it('opens a saved workbook with its rulebook and scenario', async () => {
    const workbook = await openNewWorkbook()
    expect(workbook.loadState).toBe('ready')
    expect(workbook.scenario?.title).toBe('The dock strike')
    expect(workbook.walk.next).toBe('use-of-force')
  })

  it('reports a workbook that does not exist', async () => {
    const workbook = useWorkbookStore()
    await workbook.open('wb-missing')
    expect(workbook.loadState).toBe('not-found')
  })

  it('updates the walk at once when an answer changes', async () => {
    const workbook = await openNewWorkbook()
    expect(status(workbook, 'attribution')).toBe('waiting')
    workbook.answer('use-of-force', 'yes')
    expect(status(workbook, 'attribution')).toBe('to-answer')
    expect(workbook.walk.next).toBe('attribution')
  })

  it('marks later work stale when an earlier answer changes, and keeps it', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.answer('consent', 'no')
    workbook.setReasoning('consent', 'application', 'No request was made.')
    expect(workbook.walk.conclusions.find((c) => c.id === 'prima-facie-breach')?.status).toBe('holds')

    workbook.answer('use-of-force', 'no')
    expect(status(workbook, 'consent')).toBe('stale')
    expect(workbook.work('consent')?.reasoning?.application).toBe('No request was made.')
    expect(workbook.walk.conclusions.find((c) => c.id === 'no-force')?.status).toBe('holds')
    expect(workbook.walk.conclusions.find((c) => c.id === 'prima-facie-breach')?.status).toBe('fails')
  })

  it('keeps the work as committed, and records a later change of the answer as a revision', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.setReasoning('use-of-force', 'conclusion', 'Force was used.')
    workbook.commit('use-of-force')
    workbook.answer('use-of-force', 'no')
    workbook.setReasoning('use-of-force', 'conclusion', 'No force after all.')
    const work = workbook.work('use-of-force')!
    expect(work.committed).toMatchObject({ value: 'yes', reasoning: { conclusion: 'Force was used.' } })
    expect(work.committed?.at).toBe(work.committedAt)
    expect(work.value).toBe('no')
    expect(work.revisions).toHaveLength(1)
    expect(work.revisions?.[0]).toMatchObject({ value: 'no' })
    // Setting the same answer again is no revision.
    workbook.answer('use-of-force', 'no')
    expect(workbook.work('use-of-force')?.revisions).toHaveLength(1)
  })

  it('says which work an answer change made stale, and undoes the change', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    expect(workbook.lastChange?.asked).toContain('attribution')
    workbook.answer('consent', 'no')
    workbook.answer('use-of-force', 'no')
    expect(workbook.lastChange).toMatchObject({ questionId: 'use-of-force' })
    expect(workbook.lastChange?.stale).toContain('consent')
    workbook.undoLastChange()
    expect(workbook.work('use-of-force')?.value).toBe('yes')
    expect(status(workbook, 'consent')).toBe('answered')
    expect(workbook.lastChange).toBeUndefined()
  })

  it('keeps reasoning, confidence, cited facts, counter-argument and commit on the work', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.setReasoning('use-of-force', 'issue', 'Force?')
    workbook.setReasoning('use-of-force', 'rule', 'Art. 2(4).')
    workbook.setConfidence('use-of-force', 'high')
    workbook.citeFact('use-of-force', 'dock-destroyed')
    workbook.citeFact('use-of-force', 'dock-destroyed')
    workbook.setCounterArgument('use-of-force', 'Nobody was hurt.')
    workbook.commit('use-of-force')
    const work = workbook.work('use-of-force')
    expect(work).toMatchObject({
      value: 'yes',
      reasoning: { issue: 'Force?', rule: 'Art. 2(4).' },
      confidence: 'high',
      citedFacts: ['dock-destroyed'],
      counterArgument: 'Nobody was hurt.',
    })
    expect(work?.committedAt).toMatch(/^\d{4}-/)
    expect(work?.questionHash).toMatch(/^[0-9a-f]{16}$/)
    workbook.uncite('use-of-force', 'dock-destroyed')
    expect(workbook.work('use-of-force')?.citedFacts).toEqual([])
  })

  it('saves every change within 500 ms, however fast the typing goes on', async () => {
    const workbook = await openNewWorkbook()
    const id = workbook.id!
    expect(SAVE_DELAY_MS).toBeLessThan(500)
    const saving = vi.spyOn(storage, 'saveWorkbook')
    // The save's timer, on a clock the test moves (IndexedDB's own scheduling keeps the real one).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      workbook.setReasoning('use-of-force', 'issue', 'Typed')
      vi.advanceTimersByTime(SAVE_DELAY_MS - 100)
      // Typing on does not put the save off.
      workbook.setReasoning('use-of-force', 'issue', 'Typed just now')
      vi.advanceTimersByTime(99)
      await settled()
      expect(saving).not.toHaveBeenCalled()
      vi.advanceTimersByTime(1)
      await settled()
      expect(saving).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
    await vi.waitFor(async () => {
      const saved = await storage.getWorkbook(id)
      expect(saved?.session.answers['use-of-force']?.reasoning?.issue).toBe('Typed just now')
    })
    expect(workbook.saveStatus).toBe('saved')
  })

  it('saves the progress in the summary the start page lists', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'no')
    await workbook.flush()
    const [summary] = await storage.listWorkbooks()
    expect(summary).toMatchObject({ answered: 1, title: 'My workbook', scenarioTitle: 'The dock strike' })
  })

  it('counts reasoned and committed answers at each save, following stale and restored work', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.setReasoning('use-of-force', 'application', 'Missiles struck the dock.')
    await workbook.flush()
    expect(workbook.workCounts).toEqual({ reasoned: 1, committed: 0 })
    workbook.commit('use-of-force')
    workbook.answer('consent', 'no')
    workbook.setReasoning('consent', 'application', 'No request was made.')
    await workbook.flush()
    expect(workbook.workCounts).toEqual({ reasoned: 2, committed: 1 })
    // Consent is no longer asked: its work is stale and counts no more, until the change is undone.
    workbook.answer('use-of-force', 'no')
    await workbook.flush()
    expect(workbook.workCounts).toEqual({ reasoned: 1, committed: 1 })
    workbook.undoLastChange()
    workbook.setReasoning('use-of-force', 'application', '')
    await workbook.flush()
    expect(workbook.workCounts).toEqual({ reasoned: 1, committed: 1 })
    // The same figures as a count from scratch, on opening the saved workbook.
    const id = workbook.id!
    freshPinia()
    const reopened = useWorkbookStore()
    await reopened.open(id)
    expect(reopened.workCounts).toEqual({ reasoned: 1, committed: 1 })
  })

  it('resumes at the question the student was on after a reload', async () => {
    const workbook = await openNewWorkbook()
    const id = workbook.id!
    workbook.goTo('intensity')
    workbook.answer('intensity', 4)
    await workbook.flush()
    freshPinia()
    const reloaded = useWorkbookStore()
    await reloaded.open(id)
    expect(reloaded.session?.currentQuestion).toBe('intensity')
    expect(reloaded.work('intensity')?.value).toBe(4)
  })

  it('shows a storage failure, keeps an emergency copy, and loses nothing', async () => {
    const workbook = await openNewWorkbook()
    vi.spyOn(storage, 'saveWorkbook').mockRejectedValue(new DOMException('full', 'QuotaExceededError'))
    workbook.setReasoning('use-of-force', 'application', 'Every word matters')
    await workbook.flush()
    expect(workbook.saveStatus).toBe('error')
    expect(workbook.saveError).toMatch(/no room left/)
    expect(readEmergencyCopy(workbook.id!)?.answers['use-of-force']?.reasoning?.application).toBe(
      'Every word matters',
    )
    expect(workbook.work('use-of-force')?.reasoning?.application).toBe('Every word matters')
  })

  it('resumes from an emergency copy newer than the saved workbook', async () => {
    const workbook = await openNewWorkbook()
    const id = workbook.id!
    const copy = JSON.parse(JSON.stringify(workbook.session))
    copy.updatedAt = '2999-01-01T00:00:00.000Z'
    copy.answers.notes = { value: 'rescued', updatedAt: copy.updatedAt }
    saveEmergencyCopy({ ...copy, id })
    freshPinia()
    const reloaded = useWorkbookStore()
    await reloaded.open(id)
    expect(reloaded.work('notes')?.value).toBe('rescued')
    await reloaded.flush()
    expect((await storage.getWorkbook(id))?.session.answers.notes?.value).toBe('rescued')
    expect(readEmergencyCopy(id)).toBeUndefined()
  })

  it('keeps a synchronous copy when the tab is hidden with a save pending', async () => {
    const workbook = await openNewWorkbook()
    workbook.setReasoning('use-of-force', 'conclusion', 'Closing the tab now')
    window.dispatchEvent(new Event('pagehide'))
    expect(readEmergencyCopy(workbook.id!)?.answers['use-of-force']?.reasoning?.conclusion).toBe(
      'Closing the tab now',
    )
    await workbook.flush()
  })

  it('does not change "last edited" when only moving between questions', async () => {
    const workbook = await openNewWorkbook()
    const before = workbook.session!.updatedAt
    workbook.goTo('consent')
    expect(workbook.session!.updatedAt).toBe(before)
    expect(workbook.session!.currentQuestion).toBe('consent')
  })

  it('lists the asked questions for next and previous', async () => {
    const workbook = await openNewWorkbook()
    expect(workbook.askedQuestions).toEqual(['use-of-force', 'intensity', 'notes'])
    workbook.answer('use-of-force', 'yes')
    expect(workbook.askedQuestions).toEqual(['use-of-force', 'attribution', 'consent', 'intensity', 'notes'])
  })

  it('re-evaluates nothing that shows the walk while reasoning is typed', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    let outlineRuns = 0
    let progressRuns = 0
    const scope = effectScope()
    scope.run(() => {
      watchEffect(() => {
        workbook.walk.questions.forEach((q) => q.status)
        outlineRuns++
      }, { flush: 'sync' })
      watchEffect(() => {
        void workbook.walk.progress.answered
        progressRuns++
      }, { flush: 'sync' })
    })
    for (const text of ['F', 'Fo', 'For', 'Force']) workbook.setReasoning('use-of-force', 'issue', text)
    workbook.setConfidence('use-of-force', 'high')
    workbook.citeFact('use-of-force', 'dock-destroyed')
    expect([outlineRuns, progressRuns]).toEqual([1, 1])
    workbook.answer('consent', 'no')
    expect(outlineRuns).toBeGreaterThan(1)
    expect(progressRuns).toBe(2)
    scope.stop()
  })

  it('updates only the edited question for components that read its work', async () => {
    const workbook = await openNewWorkbook()
    const seen: string[] = []
    const scope = effectScope()
    scope.run(() => {
      for (const id of ['use-of-force', 'consent']) {
        watchEffect(() => seen.push(`${id}: ${workbook.work(id)?.reasoning?.issue ?? ''}`), { flush: 'sync' })
      }
    })
    workbook.setReasoning('consent', 'issue', 'Consent?')
    expect(seen).toEqual(['use-of-force: ', 'consent: ', 'consent: Consent?'])
    scope.stop()
  })

  it('replaces the work on a question rather than editing it, so earlier copies stay as they were', async () => {
    const workbook = await openNewWorkbook()
    workbook.setReasoning('use-of-force', 'issue', 'First')
    const first = workbook.work('use-of-force')
    const other = workbook.session!.answers['use-of-force']
    workbook.setReasoning('use-of-force', 'issue', 'Second')
    expect(first?.reasoning?.issue).toBe('First')
    expect(other).toBe(first)
    expect(workbook.work('use-of-force')?.reasoning?.issue).toBe('Second')
    expect(workbook.session!.answers['use-of-force']).toBe(workbook.work('use-of-force'))
  })
})
