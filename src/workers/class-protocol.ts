/**
 * The messages between the class view and its worker (`class.worker.ts`). The sessions stay in the
 * worker: the page is sent the figures, then asks for what it shows (a page of the students'
 * work, one student's session, the CSV), each request with an id its answer carries back.
 */
import type { Rulebook } from '@/engine/generated/rulebook'
import type { ClassNotes, ClassOverview, ClassStudent } from '@/class/model'
import type { ResponsePage, ResponseQuery } from '@/class/view'

/** A file to read: a File (or Blob with a name) from the page, or text already read (tests). */
export type ClassFile = File | { name: string; text: string }

/** What the page asks. */
export type ClassRequest =
  /**
   * Read these files (sessions, or zips of them) against this rulebook, and count the class. With
   * `more`, further files follow in `files` messages (the last without `more`): handing over
   * thousands of files in one message would hold the page for seconds. `total` is for progress.
   */
  | { type: 'load'; rulebook: Rulebook; contentHash: string; files: ClassFile[]; more?: boolean; total?: number }
  | { type: 'files'; files: ClassFile[]; more: boolean }
  | { type: 'page'; id: number; query: ResponseQuery }
  | { type: 'student'; id: number; key: string }
  | { type: 'csv'; id: number; notes: ClassNotes }

/** What the worker answers: progress then the figures after a load; each other request answered by its id. */
export type ClassReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; overview: ClassOverview; timings: ClassTimings }
  | { type: 'page'; id: number; page: ResponsePage }
  | { type: 'student'; id: number; student: ClassStudent | undefined }
  | { type: 'csv'; id: number; text: string }
  /** A request failed; `id` is absent when it was the load. */
  | { type: 'error'; id?: number; message: string }

/**
 * Where a load's time went in the worker, in ms: reading the files (waiting for them), checking
 * them, walking each student's session as it arrives, and counting the class once all are in.
 */
export interface ClassTimings {
  read: number
  check: number
  digest: number
  aggregate: number
}
