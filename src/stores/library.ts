import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { Session } from '@/engine/generated/session'
import { compileRulebook } from '@/engine/compile'
import {
  newWorkbookId,
  RECORD_VERSION,
  summarizeWorkbook,
  type WorkbookSummary,
} from '@/persistence/records'
import { describeStorageError, storage } from '@/persistence/storage'
import { useRulebookStore, type LoadedRulebook } from './rulebook'

/** What the student chooses when starting a workbook. */
export interface NewWorkbook {
  scenarioId: string
  title: string
  studentName: string
}

/** The student's saved workbooks, as the start page lists them. */
export const useLibraryStore = defineStore('library', () => {
  const rulebookStore = useRulebookStore()
  const workbooks = ref<WorkbookSummary[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<string>()

  async function refresh(): Promise<void> {
    status.value = 'loading'
    try {
      workbooks.value = await storage.listWorkbooks()
      status.value = 'ready'
      error.value = undefined
    } catch (failure) {
      status.value = 'error'
      error.value = describeStorageError(failure)
    }
  }

  /** Saves a session as a new workbook; rethrows a storage failure for the caller to show. */
  async function store(loaded: LoadedRulebook, session: Session, id = newWorkbookId()): Promise<string> {
    const saved: Session = { ...session, id }
    // The student opens it next: make it the rulebook in use, compiled once for both.
    rulebookStore.use(loaded)
    // The evaluator loads when a workbook is made, not with the start page.
    const { evaluate } = await import('@/engine/evaluate')
    const walk = evaluate(rulebookStore.compiled ?? compileRulebook(loaded.rulebook), saved)
    await rulebookStore.keep(loaded)
    await storage.putWorkbook({
      version: RECORD_VERSION,
      id,
      session: saved,
      summary: summarizeWorkbook(id, saved, loaded.rulebook, walk.progress),
    })
    await refresh()
    return id
  }

  /** Starts a workbook on a rulebook and scenario; returns its id. */
  async function create(loaded: LoadedRulebook, choice: NewWorkbook): Promise<string> {
    const { createSession } = await import('@/engine/create-session')
    const session = createSession({
      rulebook: loaded.rulebook,
      contentHash: loaded.contentHash,
      scenario: choice.scenarioId,
      studentName: choice.studentName.trim(),
      title: choice.title.trim(),
      now: new Date().toISOString(),
    })
    return store(loaded, session)
  }

  /** Adds a workbook exported earlier (a `casework-session/1` file) as a new workbook. */
  async function importSession(loaded: LoadedRulebook, session: Session): Promise<string> {
    return store(loaded, session)
  }

  /** Keeps a session under its own id (a workbook resumed from the LMS), replacing this browser's older copy. */
  async function restore(loaded: LoadedRulebook, session: Session & { id: string }): Promise<string> {
    return store(loaded, session, session.id)
  }

  async function update(id: string, change: (session: Session, summary: WorkbookSummary) => void) {
    const record = await storage.getWorkbook(id)
    if (!record) return
    change(record.session, record.summary)
    await storage.putWorkbook(record)
    await refresh()
  }

  async function rename(id: string, title: string): Promise<void> {
    const trimmed = title.trim()
    await update(id, (session, summary) => {
      session.title = trimmed
      summary.title = trimmed
    })
  }

  /** Copies a workbook, work and all, under a new name; returns the copy's id. */
  async function duplicate(id: string): Promise<string | undefined> {
    const record = await storage.getWorkbook(id)
    if (!record) return undefined
    const copyId = newWorkbookId()
    const now = new Date().toISOString()
    const title = `Copy of ${record.summary.title || 'untitled workbook'}`.slice(0, 200)
    const session: Session = { ...structuredClone(record.session), id: copyId, title, createdAt: now, updatedAt: now }
    await storage.putWorkbook({
      version: RECORD_VERSION,
      id: copyId,
      session,
      summary: { ...record.summary, id: copyId, title, createdAt: now, updatedAt: now },
    })
    await refresh()
    return copyId
  }

  async function remove(id: string): Promise<void> {
    await storage.deleteWorkbook(id)
    await refresh()
  }

  return { workbooks, status, error, refresh, create, importSession, restore, rename, duplicate, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useLibraryStore, import.meta.hot))
