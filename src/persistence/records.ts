import type { Rulebook } from '@/engine/generated/rulebook'
import type { Session } from '@/engine/generated/session'
import { resolveScenarios } from '@/engine/scenarios'
import type { BackupState } from './backup'

/** The version of the records below; raise it and add a step in migrations.ts when they change. */
export const RECORD_VERSION = 1

/** What the start page lists about a saved workbook, kept beside the session so listing is cheap. */
export interface WorkbookSummary {
  id: string
  title: string
  studentName: string
  rulebookId: string
  rulebookTitle: string
  rulebookVersion: string
  contentHash: string
  scenarioId: string
  scenarioTitle: string
  /** Questions answered, and questions asked (or possibly asked) in all, when last saved. */
  answered: number
  total: number
  createdAt: string
  updatedAt: string
}

/** One saved workbook: the student's session and its summary. */
export interface WorkbookRecord {
  version: typeof RECORD_VERSION
  id: string
  session: Session
  summary: WorkbookSummary
  /**
   * Raised by every write (see storage.putWorkbook and saveWorkbook), so a tab saves only over the
   * revision it last read. Set by storage, never by callers; absent (0) in records saved before it.
   */
  revision?: number
  /** When the student last took a copy away, and how much work has been done since. */
  backup?: BackupState
}

/** A rulebook opened from disk, kept so that workbooks made with it can be resumed after a reload. */
export interface RulebookRecord {
  version: typeof RECORD_VERSION
  contentHash: string
  file: string
  rulebook: Rulebook
  savedAt: string
}

/** The record that keeps a rulebook opened from the file `file`, as of now. */
export function rulebookRecord(file: string, rulebook: Rulebook, contentHash: string): RulebookRecord {
  return { version: RECORD_VERSION, contentHash, file, rulebook, savedAt: new Date().toISOString() }
}

/** The summary of a session, as the start page lists it. */
export function summarizeWorkbook(
  id: string,
  session: Session,
  rulebook: Pick<Rulebook, 'title' | 'scenarios'>,
  progress: { answered: number; total: number },
): WorkbookSummary {
  // Resolved, since a variation may leave its title to its base.
  const scenario = resolveScenarios(rulebook).scenarios.find((s) => s.id === session.scenario)
  return {
    id,
    title: session.title ?? '',
    studentName: session.student.name,
    rulebookId: session.rulebook.id,
    rulebookTitle: rulebook.title,
    rulebookVersion: session.rulebook.version,
    contentHash: session.rulebook.contentHash,
    scenarioId: session.scenario,
    scenarioTitle: scenario?.title ?? session.scenario,
    answered: progress.answered,
    total: progress.total,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  }
}

/** A new workbook id: short, URL-safe, and unlikely to collide on one student's machine. */
export function newWorkbookId(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID().replace(/-/g, '')
      : Math.random().toString(16).slice(2) + Date.now().toString(16)
  return 'wb-' + random.slice(0, 12)
}
