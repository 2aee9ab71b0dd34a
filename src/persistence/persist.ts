/**
 * Persistent storage: asks the browser not to clear Casework's saved workbooks when it runs short
 * of space (`navigator.storage.persist()`). Some browsers ask the student, so Casework asks on its
 * own once per browser (after the first answer); after that only when the student asks it to.
 */

/** Whether the browser keeps saved work until the student deletes it. */
export type PersistenceState = 'persisted' | 'not-persisted' | 'unsupported'

/** The part of `navigator.storage` used here, so tests can pass their own. */
export interface PersistenceApi {
  persist?: () => Promise<boolean>
  persisted?: () => Promise<boolean>
}

const askedKey = 'casework:persistence-asked'

function browserApi(): PersistenceApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage
}

/** Whether Casework has asked in this browser before. */
export function askedBefore(): boolean {
  try {
    return localStorage.getItem(askedKey) !== null
  } catch {
    return true // no localStorage: never ask, rather than ask every time
  }
}

function rememberAsked(): void {
  try {
    localStorage.setItem(askedKey, new Date().toISOString())
  } catch {
    // Nowhere to remember it.
  }
}

/** What the browser says now, without asking. */
export async function persistenceState(api = browserApi()): Promise<PersistenceState> {
  if (typeof api?.persisted !== 'function' || typeof api.persist !== 'function') return 'unsupported'
  try {
    return (await api.persisted()) ? 'persisted' : 'not-persisted'
  } catch {
    return 'unsupported'
  }
}

/**
 * Asks for persistent storage. Unless `again` (the student pressed a button), asks only if it has
 * never asked in this browser before, and otherwise just reports the state.
 */
export async function askForPersistence(api = browserApi(), again = false): Promise<PersistenceState> {
  const state = await persistenceState(api)
  if (state !== 'not-persisted' || (!again && askedBefore())) return state
  rememberAsked()
  try {
    return (await api!.persist!()) ? 'persisted' : 'not-persisted'
  } catch {
    return 'not-persisted'
  }
}
