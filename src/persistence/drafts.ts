/**
 * Rulebook drafts written in the studio: kept in their own IndexedDB database (so the workbooks'
 * database and its upgrades are untouched), with a synchronous copy in localStorage when the tab
 * closes before a save finishes, as workbooks have.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { AnswerValue } from '@/engine/generated/session'

/** The version of draft records; raise it and migrate in `migrateDraftRecord` when they change. */
export const DRAFT_RECORD_VERSION = 1

/** How the author was answering in the preview, kept with the draft. */
export interface DraftPreview {
  scenario?: string
  answers: Record<string, AnswerValue>
  current?: string
}

/** One draft: its YAML text, as typed. */
export interface DraftRecord {
  version: typeof DRAFT_RECORD_VERSION
  id: string
  title: string
  text: string
  createdAt: string
  updatedAt: string
  preview?: DraftPreview
}

/** What the start page lists about a draft. */
export type DraftSummary = Pick<DraftRecord, 'id' | 'title' | 'createdAt' | 'updatedAt'> & { lines: number }

interface DraftsDB extends DBSchema {
  drafts: { key: string; value: DraftRecord }
}

let database: Promise<IDBPDatabase<DraftsDB>> | undefined

function db(): Promise<IDBPDatabase<DraftsDB>> {
  if (!database) {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(new DOMException('IndexedDB is not available', 'UnknownError'))
    }
    database = openDB<DraftsDB>('casework-drafts', 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore('drafts', { keyPath: 'id' })
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

/** A stored draft in the current shape, or undefined when it cannot be read. */
export function migrateDraftRecord(raw: unknown): DraftRecord | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const record = raw as Partial<DraftRecord>
  if (record.version !== DRAFT_RECORD_VERSION) return undefined
  if (typeof record.id !== 'string' || typeof record.text !== 'string' || typeof record.updatedAt !== 'string') {
    return undefined
  }
  return record as DraftRecord
}

export function summarizeDraft(record: DraftRecord): DraftSummary {
  const { id, title, createdAt, updatedAt, text } = record
  let lines = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
  return { id, title, createdAt, updatedAt, lines }
}

/** The one door to stored drafts. An object so tests can replace a method. */
export const draftStorage = {
  async list(): Promise<DraftSummary[]> {
    const records = await (await db()).getAll('drafts')
    return records
      .map(migrateDraftRecord)
      .filter((record) => record !== undefined)
      .map(summarizeDraft)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  },
  async get(id: string): Promise<DraftRecord | undefined> {
    return migrateDraftRecord(await (await db()).get('drafts', id))
  },
  async put(record: DraftRecord): Promise<void> {
    await (await db()).put('drafts', record)
  },
  async remove(id: string): Promise<void> {
    await (await db()).delete('drafts', id)
  },
}

/** Closes the connection; tests use it between cases. */
export async function closeDraftStorage(): Promise<void> {
  const open = database
  database = undefined
  if (open) (await open.catch(() => undefined))?.close()
}

const emergencyPrefix = 'casework:draft:'

/** Keeps a synchronous copy of a draft; false if even localStorage refused it. */
export function saveDraftEmergencyCopy(record: DraftRecord): boolean {
  try {
    localStorage.setItem(emergencyPrefix + record.id, JSON.stringify(record))
    return true
  } catch {
    return false
  }
}

export function readDraftEmergencyCopy(id: string): DraftRecord | undefined {
  try {
    const text = localStorage.getItem(emergencyPrefix + id)
    return text ? migrateDraftRecord(JSON.parse(text)) : undefined
  } catch {
    return undefined
  }
}

export function clearDraftEmergencyCopy(id: string): void {
  try {
    localStorage.removeItem(emergencyPrefix + id)
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}

/** Ids of drafts that exist only as emergency copies (the tab closed before the first save). */
export function emergencyDraftIds(): string[] {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(emergencyPrefix))
      .map((key) => key.slice(emergencyPrefix.length))
  } catch {
    return []
  }
}

/** A new draft id. */
export function newDraftId(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID().replace(/-/g, '')
      : Math.random().toString(16).slice(2) + Date.now().toString(16)
  return 'dr-' + random.slice(0, 12)
}
