/**
 * When to remind the student to download a backup of a workbook: after a good deal of work with
 * no copy taken away (browser storage can be cleared), once, and again only after as much work
 * again. Pure: the workbook store keeps the state with the workbook and asks `backupDue`.
 */

/** What the workbook remembers about its backups (saved in its record). */
export interface BackupState {
  /** When the student last downloaded the workbook file or synced it to a file on the computer. */
  at?: string
  /** Edits (keystrokes and choices) since then. */
  edits: number
  /** When the first of those edits was made. */
  firstEditAt?: string
  /** `edits` when the student last dismissed the reminder: it stays quiet until as much work again. */
  dismissedAtEdits?: number
}

/** How much unbacked work brings the reminder. */
export const backupRules = {
  /** Edits since the last backup (a typed character is one edit): a few paragraphs of reasoning. */
  edits: 400,
  /** Or this long since the first unbacked edit… */
  minutes: 30,
  /** …with at least this many edits. */
  minEditsForTime: 40,
  /** After a dismissal, this many more edits before the reminder comes back. */
  again: 400,
}

/** A fresh state: nothing to back up yet. */
export function newBackupState(at?: string): BackupState {
  return at === undefined ? { edits: 0 } : { at, edits: 0 }
}

/** Reads a saved state, tolerating a missing or malformed one (records from older versions). */
export function readBackupState(raw: unknown): BackupState {
  if (typeof raw !== 'object' || raw === null) return { edits: 0 }
  const value = raw as Record<string, unknown>
  const state: BackupState = { edits: typeof value.edits === 'number' && value.edits >= 0 ? value.edits : 0 }
  if (typeof value.at === 'string') state.at = value.at
  if (typeof value.firstEditAt === 'string') state.firstEditAt = value.firstEditAt
  if (typeof value.dismissedAtEdits === 'number') state.dismissedAtEdits = value.dismissedAtEdits
  return state
}

/** Counts one edit (in place: it runs on every keystroke). */
export function countEdit(state: BackupState, now: string): void {
  if (state.edits === 0 || state.firstEditAt === undefined) state.firstEditAt = now
  state.edits++
}

/** Whether the reminder should show now. */
export function backupDue(state: BackupState, now: Date, rules = backupRules): boolean {
  if (state.edits === 0) return false
  if (state.dismissedAtEdits !== undefined) return state.edits - state.dismissedAtEdits >= rules.again
  if (state.edits >= rules.edits) return true
  if (state.firstEditAt === undefined || state.edits < rules.minEditsForTime) return false
  return now.getTime() - Date.parse(state.firstEditAt) >= rules.minutes * 60_000
}

/** The state after the student took a backup. */
export function backedUp(now: string): BackupState {
  return newBackupState(now)
}

/** The state after the student dismissed the reminder. */
export function dismissed(state: BackupState): BackupState {
  return { ...state, dismissedAtEdits: state.edits }
}
