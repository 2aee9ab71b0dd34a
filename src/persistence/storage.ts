/**
 * The browser's IndexedDB, through `idb`: saved workbooks and the rulebooks opened from disk.
 * Every function returns a promise that rejects with the browser's own error; the stores turn a
 * rejection into something the student sees (see describeStorageError).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { migrateRulebookRecord, migrateWorkbookRecord } from './migrations'
import type { RulebookRecord, WorkbookRecord, WorkbookSummary } from './records'

interface CaseworkDB extends DBSchema {
  workbooks: { key: string; value: WorkbookRecord }
  rulebooks: { key: string; value: RulebookRecord }
}

const databaseName = 'casework'

let database: Promise<IDBPDatabase<CaseworkDB>> | undefined

function db(): Promise<IDBPDatabase<CaseworkDB>> {
  if (!database) {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(new DOMException('IndexedDB is not available', 'UnknownError'))
    }
    database = openDB<CaseworkDB>(databaseName, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore('workbooks', { keyPath: 'id' })
        upgrading.createObjectStore('rulebooks', { keyPath: 'contentHash' })
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

  async putWorkbook(record: WorkbookRecord): Promise<void> {
    await (await db()).put('workbooks', record)
  },

  async deleteWorkbook(id: string): Promise<void> {
    await (await db()).delete('workbooks', id)
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
