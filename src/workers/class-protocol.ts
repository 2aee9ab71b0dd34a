/** The messages between the class view and its worker (`class.worker.ts`). */
import type { Rulebook } from '@/engine/generated/rulebook'
import type { ClassAggregate, ClassStudent } from '@/class/model'

/** What the page asks: read these files (sessions, or zips of them) against this rulebook. */
export interface ClassRequest {
  rulebook: Rulebook
  contentHash: string
  files: File[]
}

/** What the worker answers, in order: progress, the students in batches, then the figures. */
export type ClassReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'students'; students: ClassStudent[] }
  /** The per-question figures, a few questions at a time. */
  | { type: 'questions'; questions: ClassAggregate['questions'] }
  /** The rest of the figures (students and questions were sent in batches before, so no message is huge). */
  | { type: 'done'; aggregate: Omit<ClassAggregate, 'students' | 'questions'> }
  | { type: 'error'; message: string }
