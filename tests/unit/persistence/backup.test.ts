import { describe, expect, it } from 'vitest'
import {
  backedUp,
  backupDue,
  backupRules,
  countEdit,
  dismissed,
  newBackupState,
  readBackupState,
  type BackupState,
} from '@/persistence/backup'

const start = '2026-03-01T10:00:00.000Z'
const minutesLater = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000)

function edited(times: number, state: BackupState = newBackupState()): BackupState {
  for (let i = 0; i < times; i++) countEdit(state, start)
  return state
}

describe('persistence/backup', () => {
  it('stays quiet with no work, or little work done recently', () => {
    expect(backupDue(newBackupState(), minutesLater(600))).toBe(false)
    expect(backupDue(edited(backupRules.edits - 1), minutesLater(1))).toBe(false)
    expect(backupDue(edited(backupRules.minEditsForTime - 1), minutesLater(600))).toBe(false)
  })

  it('reminds after many edits, or after a long spell of work, with no backup', () => {
    expect(backupDue(edited(backupRules.edits), minutesLater(1))).toBe(true)
    expect(backupDue(edited(backupRules.minEditsForTime), minutesLater(backupRules.minutes - 1))).toBe(false)
    expect(backupDue(edited(backupRules.minEditsForTime), minutesLater(backupRules.minutes))).toBe(true)
  })

  it('remembers when the first unbacked edit was made', () => {
    const state = newBackupState()
    countEdit(state, start)
    countEdit(state, '2026-03-01T11:00:00.000Z')
    expect(state).toEqual({ edits: 2, firstEditAt: start })
  })

  it('after a dismissal, comes back only once as much work again is done', () => {
    const state = dismissed(edited(backupRules.edits))
    expect(backupDue(state, minutesLater(600))).toBe(false)
    expect(backupDue(edited(backupRules.again - 1, state), minutesLater(600))).toBe(false)
    expect(backupDue(edited(1, state), minutesLater(600))).toBe(true)
  })

  it('starts counting afresh after a backup, remembering when it was taken', () => {
    const state = backedUp('2026-03-01T12:00:00.000Z')
    expect(state).toEqual({ at: '2026-03-01T12:00:00.000Z', edits: 0 })
    expect(backupDue(state, minutesLater(600))).toBe(false)
  })

  it.each([
    [undefined, { edits: 0 }],
    ['nonsense', { edits: 0 }],
    [{ edits: -3, at: 5 }, { edits: 0 }],
    [{ edits: 7, at: start, firstEditAt: start, dismissedAtEdits: 2 }, { edits: 7, at: start, firstEditAt: start, dismissedAtEdits: 2 }],
  ])('reads a saved state tolerantly (%j)', (raw, expected) => {
    expect(readBackupState(raw)).toEqual(expected)
  })
})
