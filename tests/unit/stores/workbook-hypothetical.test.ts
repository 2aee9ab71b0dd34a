import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { storage } from '@/persistence/storage'
import * as channel from '@/persistence/workbook-channel'
import { readEmergencyCopy } from '@/persistence/emergency'
import { useWorkbookStore } from '@/stores/workbook'
import { freshPinia, openNewWorkbook, resetStorage } from '../../fixtures/ui/helpers'

type Workbook = ReturnType<typeof useWorkbookStore>
const conclusion = (workbook: Workbook, id: string) => workbook.walk.conclusions.find((c) => c.id === id)?.status
const question = (workbook: Workbook, id: string) => workbook.walk.questions.find((q) => q.id === id)?.status

/** A workbook where force was used without consent: the breach holds. */
async function breachWorkbook() {
  const workbook = await openNewWorkbook()
  workbook.answer('use-of-force', 'yes')
  workbook.answer('consent', 'no')
  workbook.setReasoning('consent', 'application', 'No request was made.')
  await workbook.flush()
  return workbook
}

describe('stores/workbook: answers tried as a hypothetical', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
  })
  afterEach(() => vi.restoreAllMocks())

  it('shows the walk of the tried answers and keeps the student’s own in the session', async () => {
    const workbook = await breachWorkbook()
    expect(conclusion(workbook, 'prima-facie-breach')).toBe('holds')
    workbook.tryAnswers([{ question: 'consent', to: 'yes' }])
    expect(conclusion(workbook, 'prima-facie-breach')).toBe('fails')
    expect(conclusion(workbook, 'consented')).toBe('holds')
    expect(question(workbook, 'grounds')).toBe('skipped')
    expect(workbook.work('consent')?.value).toBe('yes')
    // The tried answer keeps the student's reasoning beside it, and the session holds their own answer.
    expect(workbook.work('consent')?.reasoning?.application).toBe('No request was made.')
    expect(workbook.session!.answers.consent!.value).toBe('no')
    expect(workbook.shownAnswers().consent!.value).toBe('yes')
  })

  it('never writes tried answers to storage, to the emergency copy or to other tabs', async () => {
    const workbook = await breachWorkbook()
    const announce = vi.spyOn(channel, 'announceWorkbook')
    const save = vi.spyOn(storage, 'saveWorkbook')
    workbook.tryAnswers([{ question: 'use-of-force', to: 'no' }])
    // Moving between questions still saves (where the student is), with their own answers only.
    workbook.goTo('notes')
    await workbook.flush()
    window.dispatchEvent(new Event('pagehide'))
    await workbook.flush()
    const saved = await storage.getWorkbook(workbook.id!)
    expect(saved?.session.answers['use-of-force']?.value).toBe('yes')
    expect(saved?.session.currentQuestion).toBe('notes')
    // The summary on the start page counts the student's own answers, not the tried walk's.
    expect(saved?.summary.answered).toBe(2)
    for (const [record] of save.mock.calls) expect(record.session.answers['use-of-force']?.value).toBe('yes')
    expect(JSON.stringify(announce.mock.calls)).not.toContain('"no"')
    expect(readEmergencyCopy(workbook.id!)?.answers['use-of-force']?.value ?? 'yes').toBe('yes')
  })

  it('writes no reasoning, confidence or commit into a hypothetical', async () => {
    const workbook = await breachWorkbook()
    const revision = workbook.revision
    workbook.tryAnswers([{ question: 'consent', to: 'yes' }])
    workbook.setReasoning('consent', 'application', 'Typed while trying.')
    workbook.setConfidence('consent', 'high')
    workbook.commit('consent')
    workbook.undoLastChange()
    expect(workbook.revision).toBe(revision)
    workbook.discardHypothetical()
    expect(workbook.work('consent')).toMatchObject({ value: 'no', reasoning: { application: 'No request was made.' } })
    expect(workbook.work('consent')?.committedAt).toBeUndefined()
    expect(workbook.work('consent')?.confidence).toBeUndefined()
  })

  it('answering while trying tries one more answer; trying the student’s own answer drops it', async () => {
    const workbook = await breachWorkbook()
    workbook.tryAnswers([{ question: 'use-of-force', to: 'no' }])
    workbook.answer('intensity', 4)
    expect([...workbook.hypothetical!.keys()]).toEqual(['use-of-force', 'intensity'])
    expect(workbook.session!.answers.intensity).toBeUndefined()
    workbook.answer('use-of-force', 'yes')
    expect([...workbook.hypothetical!.keys()]).toEqual(['intensity'])
    expect(conclusion(workbook, 'prima-facie-breach')).toBe('holds')
  })

  it('discarding goes back to the student’s own answers and walk', async () => {
    const workbook = await breachWorkbook()
    const before = JSON.stringify(workbook.walk)
    workbook.tryAnswers([{ question: 'use-of-force', to: 'no' }, { question: 'consent', to: undefined }])
    expect(conclusion(workbook, 'no-force')).toBe('holds')
    expect(question(workbook, 'consent')).toBe('stale')
    workbook.discardHypothetical()
    expect(workbook.hypothetical).toBeUndefined()
    expect(JSON.stringify(workbook.walk)).toBe(before)
    expect(workbook.work('use-of-force')?.value).toBe('yes')
    expect(workbook.work('consent')?.value).toBe('no')
  })

  it('keeping makes the tried answers the student’s own through the normal path, and saves them', async () => {
    const workbook = await breachWorkbook()
    workbook.commit('consent')
    workbook.tryAnswers([{ question: 'consent', to: 'yes' }])
    workbook.keepHypothetical()
    expect(workbook.hypothetical).toBeUndefined()
    expect(workbook.session!.answers.consent!.value).toBe('yes')
    expect(conclusion(workbook, 'consented')).toBe('holds')
    // As for any change: a committed answer records a revision, and the change can be undone.
    expect(workbook.work('consent')?.revisions).toHaveLength(1)
    expect(workbook.lastChange).toMatchObject({ questionId: 'consent' })
    await workbook.flush()
    expect((await storage.getWorkbook(workbook.id!))?.session.answers.consent?.value).toBe('yes')
    workbook.undoLastChange()
    expect(workbook.work('consent')?.value).toBe('no')
  })

  it('keeping a change that makes later work stale says so, as any answer change does', async () => {
    const workbook = await breachWorkbook()
    workbook.tryAnswers([{ question: 'use-of-force', to: 'no' }])
    workbook.keepHypothetical()
    expect(workbook.lastChange?.stale).toContain('consent')
    expect(workbook.work('consent')?.reasoning?.application).toBe('No request was made.')
  })

  it('forgets what was tried when the workbook closes', async () => {
    const workbook = await breachWorkbook()
    const id = workbook.id!
    workbook.tryAnswers([{ question: 'use-of-force', to: 'no' }])
    await workbook.close()
    expect(workbook.hypothetical).toBeUndefined()
    await workbook.open(id)
    expect(conclusion(workbook, 'prima-facie-breach')).toBe('holds')
    expect(workbook.work('use-of-force')?.value).toBe('yes')
  })
})
