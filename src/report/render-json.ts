import type { Session } from '../engine/generated/session.ts'

/**
 * The session as the file `casework-session/1` describes (schemas/session.schema.json): every
 * field kept, stale and orphaned work included, so that importing it again loses nothing.
 */
export function renderJson(session: Session): string {
  return `${JSON.stringify(session, null, 2)}\n`
}
