/**
 * A last copy of a workbook in localStorage, written synchronously when IndexedDB fails or the
 * tab is closing with a save still pending, so nothing typed is lost silently.
 */
import type { Session } from '@/engine/generated/session'

const prefix = 'casework:emergency:'

/** Keeps a copy of the session; returns false if even localStorage refused it. */
export function saveEmergencyCopy(session: Session & { id: string }): boolean {
  try {
    localStorage.setItem(prefix + session.id, JSON.stringify(session))
    return true
  } catch {
    return false
  }
}

/** The emergency copy of a workbook, if there is one that can be read. */
export function readEmergencyCopy(id: string): Session | undefined {
  try {
    const text = localStorage.getItem(prefix + id)
    if (!text) return undefined
    const session: unknown = JSON.parse(text)
    if (
      typeof session === 'object' &&
      session !== null &&
      'answers' in session &&
      'updatedAt' in session
    ) {
      return session as Session
    }
  } catch {
    // An unreadable copy is no copy.
  }
  return undefined
}

export function clearEmergencyCopy(id: string): void {
  try {
    localStorage.removeItem(prefix + id)
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}
