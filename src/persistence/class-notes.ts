/**
 * The instructor's notes on a class (per question, per student), kept in this browser's IndexedDB
 * by rulebook id, in a database of their own so that the students' workbooks never share a
 * version with them.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { ClassNotes } from '@/class/model'

/** One rulebook's notes, with the format version of the record. */
export interface ClassNotesRecord {
  version: 1
  rulebookId: string
  notes: ClassNotes
  savedAt: string
}

interface ClassDB extends DBSchema {
  notes: { key: string; value: ClassNotesRecord }
}

let database: Promise<IDBPDatabase<ClassDB>> | undefined

function db(): Promise<IDBPDatabase<ClassDB>> {
  if (!database) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new DOMException('IndexedDB is not available', 'UnknownError'))
    database = openDB<ClassDB>('casework-class', 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore('notes', { keyPath: 'rulebookId' })
      },
      blocking() {
        void database?.then((open) => open.close())
        database = undefined
      },
    })
    database.catch(() => {
      database = undefined
    })
  }
  return database
}

const emptyNotes = (): ClassNotes => ({ questions: {}, students: {} })

/** The notes kept for a rulebook's class; empty when there are none or the record is unreadable. */
export async function loadClassNotes(rulebookId: string): Promise<ClassNotes> {
  const record = await (await db()).get('notes', rulebookId)
  if (record?.version !== 1 || typeof record.notes !== 'object') return emptyNotes()
  return { questions: { ...record.notes.questions }, students: { ...record.notes.students } }
}

export async function saveClassNotes(rulebookId: string, notes: ClassNotes): Promise<void> {
  await (await db()).put('notes', {
    version: 1,
    rulebookId,
    notes: { questions: { ...notes.questions }, students: { ...notes.students } },
    savedAt: new Date().toISOString(),
  })
}
