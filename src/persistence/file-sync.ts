/**
 * "Save to a file on this computer": where the browser has the File System Access API
 * (`showSaveFilePicker`), a workbook can be kept in sync with a `.casework.json` file the student
 * chose. The handle is kept in IndexedDB (storage.putFileHandle); after a reload the browser asks
 * for permission again, which needs a click, so the workbook shows a prompt.
 */

/** The part of a FileSystemFileHandle used here (so tests can pass a fake one). */
export interface SyncFileHandle {
  readonly name: string
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>
}

interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string
    types: { description: string; accept: Record<string, string[]> }[]
  }) => Promise<SyncFileHandle>
}

function pickerWindow(): SavePickerWindow | undefined {
  return typeof window === 'undefined' ? undefined : (window as SavePickerWindow)
}

/** Whether this browser can keep a file on the computer in sync. */
export function fileSyncSupported(target = pickerWindow()): boolean {
  return typeof target?.showSaveFilePicker === 'function'
}

/** Asks the student where to save; undefined if they cancelled. */
export async function pickSyncFile(suggestedName: string, target = pickerWindow()): Promise<SyncFileHandle | undefined> {
  try {
    return await target!.showSaveFilePicker!({
      suggestedName,
      types: [{ description: 'Casework workbook', accept: { 'application/json': ['.json'] } }],
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined
    throw error
  }
}

/** Whether Casework may write to the file now ('prompt': only after the student allows it again). */
export async function filePermission(handle: SyncFileHandle, request = false): Promise<PermissionState> {
  const method = request ? handle.requestPermission : handle.queryPermission
  // A browser without the permission methods grants what it lets the page pick.
  if (typeof method !== 'function') return 'granted'
  return method.call(handle, { mode: 'readwrite' })
}

/** Replaces the file's content with `text`. */
export async function writeSyncFile(handle: SyncFileHandle, text: string): Promise<void> {
  const writable = await handle.createWritable()
  await writable.write(text)
  await writable.close()
}

/**
 * Writes one file after another, never two at once, and only the latest text: saves come faster
 * than a file can be written, and only the last one matters.
 */
export function createFileWriter(write: (text: string) => Promise<void>) {
  let running: Promise<void> | undefined
  let pending: string | undefined
  async function drain(): Promise<void> {
    try {
      while (pending !== undefined) {
        const text = pending
        pending = undefined
        await write(text)
      }
    } finally {
      // Cleared at once as the loop ends, so a text arriving next starts a new run.
      running = undefined
    }
  }
  return {
    /** Writes `text` soon; resolves when the file holds it (or a later text), rejects if a write fails. */
    write(text: string): Promise<void> {
      pending = text
      running ??= drain()
      return running
    },
  }
}
