/** Messages between the app and the worker that reads rulebook and workbook files (load.worker.ts). */
import type { SourceLine } from '@/engine/source-lines'
import type { Problem } from '@/engine/problems'
import type { Rulebook } from '@/engine/generated/rulebook'
import type { Session } from '@/engine/generated/session'

/** What the file is expected to hold; `any` decides from its content. */
export type FileExpectation = 'rulebook' | 'session' | 'any'

/** A request to read one file. */
export interface LoadRequest {
  file: Blob
  name: string
  expect: FileExpectation
  /**
   * Keep a rulebook without errors in IndexedDB once it has been reported (load.worker.ts), so
   * starting a workbook on it need not copy it there on the page's thread.
   */
  keep?: boolean
}

/** Where reading has got to: reading bytes (with the share read), parsing, or checking. */
export interface LoadProgress {
  step: 'reading' | 'parsing' | 'checking'
  /** 0 to 1 while reading; absent when the step's length is unknown. */
  fraction?: number
}

/** What reading gave: a rulebook (when it has no errors, with its content hash) or a session. */
export type LoadOutcome =
  | {
      kind: 'rulebook'
      rulebook?: Rulebook
      contentHash?: string
      problems: Problem[]
      /** The line of the file each problem points at, in the same order, to show beside it. */
      sources?: (SourceLine | undefined)[]
    }
  | { kind: 'session'; session?: Session; problems: Problem[] }

/** One message from the worker. */
export type LoadMessage =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'done'; outcome: LoadOutcome }
  | { type: 'failed'; message: string }
  /** After `done`, when asked to keep the rulebook: whether it is now in IndexedDB. */
  | { type: 'kept'; kept: boolean }
