/**
 * Storage that nothing uses any more: the rulebooks kept from files (so that their workbooks can
 * be resumed) whose last workbook was deleted. A 5,000-question rulebook is megabytes, and the
 * browser's quota is shared with the student's work.
 */
import { storage } from './storage'

/** A rulebook kept this recently stays even if unused: another tab may be making its workbook. */
export const KEPT_UNUSED_MS = 24 * 60 * 60 * 1000

/** Removes the unused kept rulebooks; never rejects (storage may be unavailable). Returns how many. */
export async function pruneKeptRulebooks(now = Date.now()): Promise<number> {
  try {
    return await storage.pruneRulebooks(new Date(now - KEPT_UNUSED_MS).toISOString())
  } catch {
    return 0
  }
}
