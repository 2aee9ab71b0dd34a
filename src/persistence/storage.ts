/**
 * The browser's IndexedDB, through `idb`: saved workbooks and the rulebooks opened from disk.
 * Every function returns a promise that rejects with the browser's own error; the stores turn a
 * rejection into something the student sees (see describeStorageError).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { QuestionWork } from '@/engine/generated/session'
import { migrateRulebookRecord, migrateWorkbookRecord } from './migrations'
import type { RulebookRecord, WorkbookRecord, WorkbookSummary } from './records'
import { announceWorkbook } from './workbook-channel'

/**
 * How a workbook is stored (database version 3): the record without its answers, marked
 * `answersApart`, and the work on each question as a record of its own in `work`, so that a save
 * writes the questions that changed, whatever the number of answers. A record written by an
 * older Casework (version 1 of the database) keeps its answers inside and is read as it is; its
 * first save stores it the new way.
 */
type StoredWorkbook = WorkbookRecord & { answersApart?: true }
interface StoredWork {
  workbookId: string
  questionId: string
  work: QuestionWork
}

interface CaseworkDB extends DBSchema {
  workbooks: { key: string; value: StoredWorkbook }
  rulebooks: { key: string; value: RulebookRecord }
  work: { key: [string, string]; value: StoredWork }
  /** Files on this computer that workbooks are kept in sync with (File System Access handles), by workbook id. */
  fileHandles: { key: string; value: { id: string; handle: unknown; name: string } }
}

type WorkbookTransaction = IDBPTransaction<CaseworkDB, ('workbooks' | 'work')[], 'readwrite'>

/** Every question's record of one workbook, in `work`. */
const workOf = (id: string) => IDBKeyRange.bound([id], [id, []])

/** The record as stored: the session without its answers (they are in `work`). */
function header(record: WorkbookRecord): StoredWorkbook {
  return { ...record, session: { ...record.session, answers: {} }, answersApart: true }
}

/** Writes a whole workbook: its record and every question's work, replacing what was stored. */
async function writeWhole(transaction: WorkbookTransaction, record: WorkbookRecord): Promise<void> {
  const work = transaction.objectStore('work')
  await work.delete(workOf(record.id))
  const writes: Promise<unknown>[] = [transaction.objectStore('workbooks').put(header(record))]
  for (const [questionId, done] of Object.entries(record.session.answers)) {
    if (done) writes.push(work.put({ workbookId: record.id, questionId, work: done }))
  }
  await Promise.all(writes)
}

/** How a save that checks the revision went: stored (with the new revision), or refused. */
export type SaveOutcome =
  | { ok: true; revision: number }
  | { ok: false; current: WorkbookRecord | undefined }

const databaseName = 'casework'

let database: Promise<IDBPDatabase<CaseworkDB>> | undefined

function db(): Promise<IDBPDatabase<CaseworkDB>> {
  if (!database) {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(new DOMException('IndexedDB is not available', 'UnknownError'))
    }
    database = openDB<CaseworkDB>(databaseName, 3, {
      // Each store is made if it is missing, whatever version the database had: version 3 added
      // `work` (each question's work apart; records of version 1 move over on their next save)
      // and `fileHandles` (files on this computer kept in sync).
      upgrade(upgrading) {
        const has = (name: StoreNames<CaseworkDB>) => upgrading.objectStoreNames.contains(name)
        if (!has('workbooks')) upgrading.createObjectStore('workbooks', { keyPath: 'id' })
        if (!has('rulebooks')) upgrading.createObjectStore('rulebooks', { keyPath: 'contentHash' })
        if (!has('work')) upgrading.createObjectStore('work', { keyPath: ['workbookId', 'questionId'] })
        if (!has('fileHandles')) upgrading.createObjectStore('fileHandles', { keyPath: 'id' })
      },
      blocking() {
        // Another tab wants a newer version of the database: let it have it.
        void database?.then((open) => open.close())
        database = undefined
      },
    })
    // A failed open is retried next time rather than remembered forever.
    database.catch(() => {
      database = undefined
    })
  }
  return database
}

/** The one door to saved data. An object (not loose functions) so tests can replace a method. */
export const storage = {
  /** Summaries of every saved workbook, most recently edited first. */
  async listWorkbooks(): Promise<WorkbookSummary[]> {
    const records = await (await db()).getAll('workbooks')
    return records
      .map(migrateWorkbookRecord)
      .filter((record) => record !== undefined)
      .map((record) => record.summary)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  },

  async getWorkbook(id: string): Promise<WorkbookRecord | undefined> {
    const transaction = (await db()).transaction(['workbooks', 'work'])
    const [stored, rows] = await Promise.all([
      transaction.objectStore('workbooks').get(id),
      transaction.objectStore('work').getAll(workOf(id)),
    ])
    if (!stored?.answersApart) return migrateWorkbookRecord(stored)
    const answers: Record<string, QuestionWork> = {}
    for (const row of rows) answers[row.questionId] = row.work
    const record: StoredWorkbook = { ...stored, session: { ...stored.session, answers } }
    delete record.answersApart
    return migrateWorkbookRecord(record)
  },

  /**
   * Stores a workbook whatever is saved now (a new, imported, renamed or restored workbook), one
   * revision above the stored one, and tells the other tabs. Resolves to the new revision.
   */
  async putWorkbook(record: WorkbookRecord): Promise<number> {
    const transaction = (await db()).transaction(['workbooks', 'work'], 'readwrite')
    const done = transaction.done
    // Awaited below; a failed write may reject first, and then this must not go unhandled.
    done.catch(() => undefined)
    const current = await transaction.objectStore('workbooks').get(record.id)
    const revision = (current?.revision ?? 0) + 1
    await writeWhole(transaction, { ...record, revision })
    await done
    announceWorkbook({ type: 'saved', id: record.id, revision })
    return revision
  },

  /**
   * Stores a workbook only if the stored one is still at `expected` (the revision the tab last
   * read or wrote; undefined: none is stored yet): compare-and-set in one IndexedDB transaction,
   * which the browser runs alone among every tab's writes to the store. Refused, it changes
   * nothing and returns what is stored (undefined if the workbook was deleted), so a tab holding
   * an older copy never writes over a newer one, nor brings back a deleted one.
   *
   * Given `changed` (the questions whose work changed since this tab's last save), only those
   * questions' records are written beside the workbook's own, so the cost follows the edit;
   * without it, or if the stored workbook is not yet stored that way, everything is written.
   */
  async saveWorkbook(record: WorkbookRecord, expected: number | undefined, changed?: Iterable<string>): Promise<SaveOutcome> {
    const database = await db()
    const transaction = database.transaction(['workbooks', 'work'], 'readwrite')
    const done = transaction.done
    done.catch(() => undefined)
    const current = await transaction.objectStore('workbooks').get(record.id)
    const stored = current ? (current.revision ?? 0) : undefined
    if (stored !== expected) {
      await done
      // What is stored, answers and all, read afresh.
      return { ok: false, current: current ? await storage.getWorkbook(record.id) : undefined }
    }
    const revision = (stored ?? 0) + 1
    const next = { ...record, revision }
    if (!changed || !current?.answersApart) {
      await writeWhole(transaction, next)
    } else {
      const work = transaction.objectStore('work')
      const writes: Promise<unknown>[] = [transaction.objectStore('workbooks').put(header(next))]
      for (const questionId of changed) {
        const saved = Object.hasOwn(record.session.answers, questionId) ? record.session.answers[questionId] : undefined
        writes.push(saved ? work.put({ workbookId: record.id, questionId, work: saved }) : work.delete([record.id, questionId]))
      }
      await Promise.all(writes)
    }
    await done
    announceWorkbook({ type: 'saved', id: record.id, revision })
    return { ok: true, revision }
  },

  async deleteWorkbook(id: string): Promise<void> {
    const transaction = (await db()).transaction(['workbooks', 'work', 'fileHandles'], 'readwrite')
    await Promise.all([
      transaction.objectStore('workbooks').delete(id),
      transaction.objectStore('work').delete(workOf(id)),
      transaction.objectStore('fileHandles').delete(id),
      transaction.done,
    ])
    announceWorkbook({ type: 'deleted', id })
  },

  /** The file on this computer a workbook is kept in sync with, if the student chose one. */
  async getFileHandle(id: string): Promise<{ handle: unknown; name: string } | undefined> {
    return (await db()).get('fileHandles', id)
  },

  async putFileHandle(id: string, handle: unknown, name: string): Promise<void> {
    await (await db()).put('fileHandles', { id, handle, name })
  },

  async deleteFileHandle(id: string): Promise<void> {
    await (await db()).delete('fileHandles', id)
  },

  async getRulebook(contentHash: string): Promise<RulebookRecord | undefined> {
    return migrateRulebookRecord(await (await db()).get('rulebooks', contentHash))
  },

  /** Whether a rulebook with this content is kept (without reading it: it can be megabytes). */
  async hasRulebook(contentHash: string): Promise<boolean> {
    return (await (await db()).getKey('rulebooks', contentHash)) !== undefined
  },

  async putRulebook(record: RulebookRecord): Promise<void> {
    await (await db()).put('rulebooks', record)
  },

  /**
   * Removes the rulebooks kept from files that no workbook uses any more (its last workbook was
   * deleted), among those kept before `keptBefore` (an ISO time): one kept just now may belong to
   * a workbook another tab is still making. Returns how many were removed.
   */
  async pruneRulebooks(keptBefore: string): Promise<number> {
    const transaction = (await db()).transaction(['workbooks', 'rulebooks'], 'readwrite')
    const used = new Set<string>()
    for (let cursor = await transaction.objectStore('workbooks').openCursor(); cursor; cursor = await cursor.continue()) {
      used.add(cursor.value.session.rulebook.contentHash)
    }
    const rulebooks = transaction.objectStore('rulebooks')
    let removed = 0
    // Only an unused one is read (a rulebook can be megabytes), to see when it was kept.
    for (const contentHash of await rulebooks.getAllKeys()) {
      if (used.has(contentHash)) continue
      const kept = await rulebooks.get(contentHash)
      if (!kept || !(kept.savedAt < keptBefore)) continue
      await rulebooks.delete(contentHash)
      removed++
    }
    await transaction.done
    return removed
  },
}

/** Closes the connection; tests use it between cases. */
export async function closeStorage(): Promise<void> {
  const open = database
  database = undefined
  if (open) (await open.catch(() => undefined))?.close()
}

/** A storage failure in words a student understands. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'QuotaExceededError') {
    return 'Your browser has no room left to save this workbook (the storage quota is full).'
  }
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return 'Your browser will not let Casework store anything (storage is unavailable, for example in a private window).'
  }
  return 'Casework could not save to your browser’s storage.'
}
