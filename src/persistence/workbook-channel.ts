/**
 * Tells the other tabs of this browser when a saved workbook changes, over one BroadcastChannel
 * per workbook id. A tab that has the workbook open learns at once that its copy is no longer the
 * latest; the revision check in storage.saveWorkbook is what guarantees it cannot write over it
 * (a message can be missed, or the browser may lack BroadcastChannel).
 */

/** What one tab says to the others about a saved workbook. */
export type WorkbookMessage =
  | { type: 'saved'; id: string; revision: number }
  | { type: 'deleted'; id: string }

const prefix = 'casework:workbook:'

function channel(id: string): BroadcastChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined
  try {
    return new BroadcastChannel(prefix + id)
  } catch {
    return undefined
  }
}

/** Announces a change to every other listener (never to the one that sent it, nor to a closed tab). */
export function announceWorkbook(message: WorkbookMessage): void {
  const sender = channel(message.id)
  if (!sender) return
  try {
    sender.postMessage(message)
  } finally {
    // Messages already posted are still delivered after close().
    sender.close()
  }
}

function isMessage(data: unknown, id: string): data is WorkbookMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Record<string, unknown>
  if (message.id !== id) return false
  return (message.type === 'saved' && typeof message.revision === 'number') || message.type === 'deleted'
}

/** Listens for changes to one workbook made elsewhere; returns the function that stops listening. */
export function listenToWorkbook(id: string, onMessage: (message: WorkbookMessage) => void): () => void {
  const receiver = channel(id)
  if (!receiver) return () => undefined
  receiver.onmessage = (event: MessageEvent) => {
    if (isMessage(event.data, id)) onMessage(event.data)
  }
  return () => receiver.close()
}
