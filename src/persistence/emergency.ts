/**
 * A last copy of a workbook in localStorage, written synchronously when IndexedDB fails or the
 * tab is closing with a save still pending, so nothing typed is lost silently.
 */
import type { Session } from '@/engine/generated/session'

const prefix = 'casework:emergency:'
/**
 * Which tab wrote the copy, and the saved revision its work started from: a copy older than
 * another tab's save is not taken for the latest, and one tab's save does not clear another's copy.
 */
const basePrefix = 'casework:emergency-base:'

/** Keeps a copy of the session; returns false if even localStorage refused it. */
export function saveEmergencyCopy(
  session: Session & { id: string },
  baseRevision?: number,
  writer?: string,
): boolean {
  try {
    localStorage.setItem(prefix + session.id, JSON.stringify(session))
    localStorage.setItem(basePrefix + session.id, JSON.stringify({ base: baseRevision, writer }))
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

function readOrigin(id: string): { base?: number; writer?: string } {
  try {
    const origin: unknown = JSON.parse(localStorage.getItem(basePrefix + id) ?? '{}')
    if (typeof origin !== 'object' || origin === null) return {}
    const { base, writer } = origin as Record<string, unknown>
    return {
      ...(Number.isInteger(base) ? { base: base as number } : {}),
      ...(typeof writer === 'string' ? { writer } : {}),
    }
  } catch {
    return {}
  }
}

/** The saved revision an emergency copy was based on, if it says. */
export function readEmergencyBase(id: string): number | undefined {
  return readOrigin(id).base
}

/** Removes the emergency copy; given a writer, only a copy that writer made (or one that does not say). */
export function clearEmergencyCopy(id: string, writer?: string): void {
  try {
    if (writer !== undefined) {
      const made = readOrigin(id).writer
      if (made !== undefined && made !== writer) return
    }
    localStorage.removeItem(prefix + id)
    localStorage.removeItem(basePrefix + id)
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}
