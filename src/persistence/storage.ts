/**
 * The browser's IndexedDB, through `idb`: saved workbooks and the rulebooks opened from disk.
 * Every function returns a promise that rejects with the browser's own error; the stores turn a
 * rejection into something the student sees (see describeStorageError).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { migrateRulebookRecord, migrateWorkbookRecord } from './migrations'
import type { RulebookRecord, WorkbookRecord, WorkbookSummary } from './records'
import { announceWorkbook } from './workbook-channel'

interface CaseworkDB extends DBSchema {
  workbooks: { key: string; value: WorkbookRecord }
  rulebooks: { key: string; value: RulebookRecord }
  /** Files on this computer that workbooks are kept in sync with (File System Access handles), by workbook id. */
  fileHandles: { key: string; value: { id: string; handle: unknown; name: string } }
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
    database = openDB<CaseworkDB>(databaseName, 2, {
      upgrade(upgrading, oldVersion) {
        if (oldVersion < 1) {
          upgrading.createObjectStore('workbooks', { keyPath: 'id' })
          upgrading.createObjectStore('rulebooks', { keyPath: 'contentHash' })
        }
        if (oldVersion < 2) upgrading.createObjectStore('fileHandles', { keyPath: 'id' })
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
    return migrateWorkbookRecord(await (await db()).get('workbooks', id))
  },

  /**
   * Stores a workbook whatever is saved now (a new, imported, renamed or restored workbook), one
   * revision above the stored one, and tells the other tabs. Resolves to the new revision.
   */
  async putWorkbook(record: WorkbookRecord): Promise<number> {
    const transaction = (await db()).transaction('workbooks', 'readwrite')
    const current = await transaction.store.get(record.id)
    const revision = (current?.revision ?? 0) + 1
    await transaction.store.put({ ...record, revision })
    await transaction.done
    announceWorkbook({ type: 'saved', id: record.id, revision })
    return revision
  },

  /**
   * Stores a workbook only if the stored one is still at `expected` (the revision the tab last
   * read or wrote; undefined: none is stored yet): compare-and-set in one IndexedDB transaction,
   * which the browser runs alone among every tab's writes to the store. Refused, it changes
   * nothing and returns what is stored (undefined if the workbook was deleted), so a tab holding
   * an older copy never writes over a newer one, nor brings back a deleted one.
   */
  async saveWorkbook(record: WorkbookRecord, expected: number | undefined): Promise<SaveOutcome> {
    const transaction = (await db()).transaction('workbooks', 'readwrite')
    const current = await transaction.store.get(record.id)
    const stored = current ? (current.revision ?? 0) : undefined
    if (stored !== expected) {
      await transaction.done
      return { ok: false, current: migrateWorkbookRecord(current) }
    }
    const revision = (stored ?? 0) + 1
    await transaction.store.put({ ...record, revision })
    await transaction.done
    announceWorkbook({ type: 'saved', id: record.id, revision })
    return { ok: true, revision }
  },

  async deleteWorkbook(id: string): Promise<void> {
    const database = await db()
    const transaction = database.transaction(['workbooks', 'fileHandles'], 'readwrite')
    await Promise.all([
      transaction.objectStore('workbooks').delete(id),
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

  async putRulebook(record: RulebookRecord): Promise<void> {
    await (await db()).put('rulebooks', record)
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
