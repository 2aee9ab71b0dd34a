/**
 * The same workbook open in two tabs (two Pinia instances over one IndexedDB, told of each
 * other's saves over BroadcastChannel, as tabs are): one never silently writes over the other.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Pinia } from 'pinia'
import { storage } from '@/persistence/storage'
import { readEmergencyCopy, saveEmergencyCopy } from '@/persistence/emergency'
import { backupRules } from '@/persistence/backup'
import { useLibraryStore } from '@/stores/library'
import { useWorkbookStore } from '@/stores/workbook'
import { contentHash } from '@/engine/hash'
import { freshPinia, openNewWorkbook, resetStorage, uiLoaded } from '../../fixtures/ui/helpers'

type Tab = ReturnType<typeof useWorkbookStore>

/** A second tab: its own stores, the same storage. */
async function secondTab(id: string): Promise<{ tab: Tab; pinia: Pinia }> {
  const pinia = freshPinia()
  const tab = useWorkbookStore(pinia)
  await tab.open(id)
  return { tab, pinia }
}

const titles = async () => (await storage.listWorkbooks()).map((w) => w.title).sort()

describe('stores/workbook with two tabs', () => {
  let a: Tab
  let b: Tab
  let id: string

  beforeEach(async () => {
    await resetStorage()
    freshPinia()
    a = await openNewWorkbook()
    id = a.id!
    b = (await secondTab(id)).tab
  })
  afterEach(async () => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    await a.close()
    await b.close()
  })

  it('shows another tab’s save in a tab with no unsaved work', async () => {
    a.answer('use-of-force', 'yes')
    await a.flush()
    await vi.waitFor(() => expect(b.work('use-of-force')?.value).toBe('yes'))
    expect(b.tabNotice).toEqual({ kind: 'updated' })
    expect(b.conflict).toBeUndefined()
    // And it goes on saving on top of it.
    b.setReasoning('use-of-force', 'issue', 'From tab B')
    await b.flush()
    const saved = (await storage.getWorkbook(id))!.session.answers['use-of-force']
    expect(saved).toMatchObject({ value: 'yes', reasoning: { issue: 'From tab B' } })
  })

  it('stops saving in a tab with unsaved work when another tab saves, and says so', async () => {
    b.setReasoning('use-of-force', 'issue', 'Typed in tab B')
    a.answer('use-of-force', 'yes')
    await a.flush()
    await vi.waitFor(() => expect(b.conflict).toEqual({ kind: 'newer' }))
    expect(b.saveStatus).toBe('conflict')
    await b.flush()
    const saved = (await storage.getWorkbook(id))!.session.answers['use-of-force']
    expect(saved?.value).toBe('yes')
    expect(saved?.reasoning).toBeUndefined()
    // B's work is still on its page.
    expect(b.work('use-of-force')?.reasoning?.issue).toBe('Typed in tab B')
  })

  it('refuses a stale save by its revision even when no message arrives', async () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    await b.close()
    b = (await secondTab(id)).tab
    a.answer('use-of-force', 'yes')
    await a.flush()
    b.answer('use-of-force', 'no')
    await b.flush()
    expect(b.conflict).toEqual({ kind: 'newer' })
    expect((await storage.getWorkbook(id))!.session.answers['use-of-force']?.value).toBe('yes')
  })

  it('keeps this tab’s version as a copy, and goes on saving there, leaving the newer one alone', async () => {
    b.answer('use-of-force', 'no')
    a.answer('use-of-force', 'yes')
    await a.flush()
    await vi.waitFor(() => expect(b.conflict).toBeDefined())
    const copyId = await b.keepAsCopy()
    expect(copyId).toBeDefined()
    expect(copyId).not.toBe(id)
    expect(b.id).toBe(copyId)
    expect(b.conflict).toBeUndefined()
    expect(await titles()).toEqual(['My workbook', 'My workbook (this tab’s version)'])
    b.setReasoning('use-of-force', 'issue', 'Still mine')
    await b.flush()
    expect((await storage.getWorkbook(copyId!))!.session.answers['use-of-force']).toMatchObject({
      value: 'no',
      reasoning: { issue: 'Still mine' },
    })
    expect((await storage.getWorkbook(id))!.session.answers['use-of-force']?.value).toBe('yes')
  })

  it('loads the newer version, keeping this tab’s unsaved work as a copy', async () => {
    b.answer('use-of-force', 'no')
    a.answer('use-of-force', 'yes')
    await a.flush()
    await vi.waitFor(() => expect(b.conflict).toBeDefined())
    await b.loadNewer()
    expect(b.conflict).toBeUndefined()
    expect(b.id).toBe(id)
    expect(b.work('use-of-force')?.value).toBe('yes')
    expect(b.tabNotice).toMatchObject({ kind: 'loaded-newer', copyTitle: 'My workbook (this tab’s unsaved version)' })
    const copyId = (b.tabNotice as { copyId: string }).copyId
    expect((await storage.getWorkbook(copyId))!.session.answers['use-of-force']?.value).toBe('no')
  })

  it('does not bring back a workbook deleted in another tab', async () => {
    await useLibraryStore().remove(id)
    await vi.waitFor(() => expect(b.conflict).toEqual({ kind: 'deleted' }))
    b.answer('use-of-force', 'yes')
    await b.flush()
    expect(await storage.getWorkbook(id)).toBeUndefined()
    await b.keepAsCopy()
    expect(await titles()).toContain('My workbook (this tab’s version)')
  })

  it('is not undone by a tab still showing the workbook an import replaced', async () => {
    vi.stubGlobal('BroadcastChannel', undefined) // the revision alone must hold
    await b.close()
    b = (await secondTab(id)).tab
    const imported = { ...structuredClone(b.session!), title: 'Imported' }
    imported.answers['use-of-force'] = { value: 'yes', updatedAt: '2026-02-01T00:00:00.000Z' }
    await useLibraryStore().restore(uiLoaded, { ...imported, id })
    b.setReasoning('use-of-force', 'issue', 'Old tab autosaving')
    await b.flush()
    expect(b.conflict).toEqual({ kind: 'newer' })
    const saved = (await storage.getWorkbook(id))!.session
    expect(saved.title).toBe('Imported')
    expect(saved.answers['use-of-force']).toEqual({ value: 'yes', updatedAt: '2026-02-01T00:00:00.000Z' })
  })

  it('keeps a closed tab’s unsaved work from an older revision as a copy, not over the newer save', async () => {
    await b.close()
    const stale = { ...structuredClone(a.session!), id, updatedAt: '2999-01-01T00:00:00.000Z' }
    stale.answers.notes = { value: 'typed in a tab that closed', updatedAt: stale.updatedAt }
    saveEmergencyCopy(stale, 1, 'a-tab-that-closed')
    a.answer('use-of-force', 'yes')
    await a.flush() // revision 2
    await a.close()
    freshPinia()
    const reopened = useWorkbookStore()
    await reopened.open(id)
    expect(reopened.work('use-of-force')?.value).toBe('yes')
    expect(reopened.work('notes')).toBeUndefined()
    expect(reopened.tabNotice).toMatchObject({ kind: 'recovered' })
    const copyId = (reopened.tabNotice as { copyId: string }).copyId
    expect((await storage.getWorkbook(copyId))!.session.answers.notes?.value).toBe('typed in a tab that closed')
    expect(readEmergencyCopy(id)).toBeUndefined()
    await reopened.close()
  })

  it('drops, rather than keeps as a second workbook, a copy written as the same work was being saved', async () => {
    await b.close()
    a.answer('use-of-force', 'yes')
    // The tab closes as its save lands: the copy starts from the revision before that save.
    saveEmergencyCopy({ ...structuredClone(a.session!), id }, 1, 'this-tab')
    await a.flush() // revision 2, the same work
    await a.close()
    freshPinia()
    const reopened = useWorkbookStore()
    await reopened.open(id)
    expect(reopened.work('use-of-force')?.value).toBe('yes')
    expect(reopened.tabNotice).toBeUndefined()
    expect((await storage.listWorkbooks()).map((w) => w.id)).toEqual([id])
    expect(readEmergencyCopy(id)).toBeUndefined()
    await reopened.close()
  })
})

describe('stores/workbook backups', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }))
  })
  afterEach(() => vi.unstubAllGlobals())

  it('reminds after much work without a download, records the download with the workbook, and counts afresh', async () => {
    const workbook = await openNewWorkbook()
    for (let i = 1; i < backupRules.edits; i++) workbook.setReasoning('use-of-force', 'issue', 'x'.repeat(i))
    expect(workbook.backupDue).toBe(false)
    workbook.setReasoning('use-of-force', 'issue', 'one more')
    expect(workbook.backupDue).toBe(true)
    workbook.exportSession()
    expect(workbook.backupDue).toBe(false)
    await workbook.flush()
    const saved = await storage.getWorkbook(workbook.id!)
    expect(saved?.backup).toEqual({ at: workbook.lastBackupAt, edits: 0 })
    expect(workbook.lastBackupAt).toMatch(/^\d{4}-/)
  })

  it('stays dismissed, across a reload, until as much work again', async () => {
    const workbook = await openNewWorkbook()
    for (let i = 0; i < backupRules.edits; i++) workbook.setReasoning('use-of-force', 'issue', 'y'.repeat(i))
    workbook.dismissBackupReminder()
    expect(workbook.backupDue).toBe(false)
    await workbook.flush()
    const id = workbook.id!
    await workbook.close()
    freshPinia()
    const reloaded = useWorkbookStore()
    await reloaded.open(id)
    expect(reloaded.backupDue).toBe(false)
    for (let i = 0; i < backupRules.again; i++) reloaded.setReasoning('use-of-force', 'issue', 'z'.repeat(i))
    expect(reloaded.backupDue).toBe(true)
    await reloaded.close()
  })
})

describe('stores/workbook with two tabs, on a rulebook opened from a file', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
  })

  it('keeps the rulebook again with a copy of a workbook deleted (and its rulebook removed) in another tab', async () => {
    const rulebook = { ...uiLoaded.rulebook, title: 'From a file' }
    const fromFile = { file: 'mine.yaml', rulebook, contentHash: contentHash(rulebook), origin: 'file' as const }
    const id = await useLibraryStore().create(fromFile, { scenarioId: 'dock', title: 'Mine', studentName: '' })
    const { tab } = await secondTab(id)
    freshPinia()
    await useLibraryStore().remove(id)
    // A day later, say: the unused rulebook is removed.
    expect(await storage.pruneRulebooks('9999-01-01T00:00:00.000Z')).toBe(1)
    await vi.waitFor(() => expect(tab.conflict).toEqual({ kind: 'deleted' }))
    tab.answer('use-of-force', 'yes')
    const copyId = await tab.keepAsCopy()
    expect((await storage.getRulebook(fromFile.contentHash))?.file).toBe('mine.yaml')
    // The copy opens after a reload, with its rulebook.
    const { tab: reloaded } = await secondTab(copyId!)
    expect(reloaded.loadState).toBe('ready')
    expect(reloaded.work('use-of-force')?.value).toBe('yes')
    await reloaded.close()
    await tab.close()
  })
})
