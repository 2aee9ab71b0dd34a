/**
 * The browser's IndexedDB, through `idb`: saved workbooks and the rulebooks opened from disk.
 * Every function returns a promise that rejects with the browser's own error; the stores turn a
 * rejection into something the student sees (see describeStorageError).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { QuestionWork } from '@/engine/generated/session'
import { migrateRulebookRecord, migrateWorkbookRecord } from './migrations'
import type { RulebookRecord, WorkbookRecord, WorkbookSummary } from './records'

/**
 * How a workbook is stored (database version 2): the record without its answers, marked
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

const databaseName = 'casework'

let database: Promise<IDBPDatabase<CaseworkDB>> | undefined

function db(): Promise<IDBPDatabase<CaseworkDB>> {
  if (!database) {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(new DOMException('IndexedDB is not available', 'UnknownError'))
    }
    database = openDB<CaseworkDB>(databaseName, 2, {
      // Each store is made if it is missing, whatever version the database had: version 2 added
      // `work`, each question's work apart (records of version 1 move over on their next save).
      upgrade(upgrading) {
        const has = (name: StoreNames<CaseworkDB>) => upgrading.objectStoreNames.contains(name)
        if (!has('workbooks')) upgrading.createObjectStore('workbooks', { keyPath: 'id' })
        if (!has('rulebooks')) upgrading.createObjectStore('rulebooks', { keyPath: 'contentHash' })
        if (!has('work')) upgrading.createObjectStore('work', { keyPath: ['workbookId', 'questionId'] })
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
   * Saves a workbook. Given `changed` (the questions whose work changed since the last save of
   * this workbook), only those questions' records are written beside the workbook's own, so the
   * cost follows the edit; without it, or if the stored workbook is not yet stored that way,
   * everything is written.
   */
  async putWorkbook(record: WorkbookRecord, changed?: Iterable<string>): Promise<void> {
    const transaction = (await db()).transaction(['workbooks', 'work'], 'readwrite')
    const done = transaction.done
    // Awaited below; a failed write may reject first, and then this must not go unhandled.
    done.catch(() => undefined)
    const stored = changed && (await transaction.objectStore('workbooks').get(record.id))
    if (!changed || !stored?.answersApart) {
      await writeWhole(transaction, record)
    } else {
      const work = transaction.objectStore('work')
      const writes: Promise<unknown>[] = [transaction.objectStore('workbooks').put(header(record))]
      for (const questionId of changed) {
        const current = Object.hasOwn(record.session.answers, questionId) ? record.session.answers[questionId] : undefined
        writes.push(
          current
            ? work.put({ workbookId: record.id, questionId, work: current })
            : work.delete([record.id, questionId]),
        )
      }
      await Promise.all(writes)
    }
    await done
  },

  async deleteWorkbook(id: string): Promise<void> {
    const transaction = (await db()).transaction(['workbooks', 'work'], 'readwrite')
    await Promise.all([
      transaction.objectStore('workbooks').delete(id),
      transaction.objectStore('work').delete(workOf(id)),
      transaction.done,
    ])
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
