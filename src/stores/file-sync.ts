import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import {
  createFileWriter,
  filePermission,
  fileSyncSupported,
  pickSyncFile,
  writeSyncFile,
  type SyncFileHandle,
} from '@/persistence/file-sync'
import { exportFileName, sessionToJson } from '@/persistence/files'
import { storage } from '@/persistence/storage'
import { useWorkbookStore } from './workbook'

/** `needs-permission`: the file is known, but the browser wants the student's click before writing again. */
export type FileSyncStatus = 'off' | 'needs-permission' | 'on' | 'error'

/**
 * Keeps the open workbook in sync with a `.casework.json` file on the student's computer, where
 * the browser allows it: written after every save of the workbook (each write counts as a backup).
 * Loaded with the workbook's notices, never on the first paint.
 */
export const useFileSyncStore = defineStore('file-sync', () => {
  const workbook = useWorkbookStore()
  const supported = fileSyncSupported()
  const status = ref<FileSyncStatus>('off')
  const fileName = ref<string>()
  const error = ref<string>()
  /** False when the browser would not keep the file's handle: the sync then lasts until a reload. */
  const remembered = ref(true)
  let handle: SyncFileHandle | undefined
  let forWorkbook: string | undefined
  const writer = createFileWriter((text) => writeSyncFile(handle!, text))

  async function sync(): Promise<void> {
    const session = workbook.session
    const id = workbook.id
    if (!handle || status.value !== 'on' || !session || id !== forWorkbook) return
    try {
      await writer.write(sessionToJson({ ...session, id }))
      error.value = undefined
      workbook.noteBackup()
    } catch (failure) {
      status.value = 'error'
      error.value =
        failure instanceof DOMException && failure.name === 'NotAllowedError'
          ? 'The browser no longer lets Casework write to it.'
          : 'The file could not be written (it may have been moved, or the disk is full).'
    }
  }

  function reset(workbookId: string | undefined) {
    forWorkbook = workbookId
    handle = undefined
    status.value = 'off'
    fileName.value = undefined
    error.value = undefined
    remembered.value = true
  }

  /** Finds the file the open workbook is synced to, and whether the browser still lets Casework write it. */
  async function attach(workbookId: string): Promise<void> {
    reset(workbookId)
    if (!supported) return
    const kept = await storage.getFileHandle(workbookId).catch(() => undefined)
    if (!kept || forWorkbook !== workbookId) return
    handle = kept.handle as SyncFileHandle
    fileName.value = kept.name
    const permission = await filePermission(handle).catch((): PermissionState => 'prompt')
    if (forWorkbook !== workbookId) return
    status.value = permission === 'granted' ? 'on' : 'needs-permission'
    await sync()
  }

  /** Asks where to save, then keeps that file in sync. */
  async function choose(): Promise<void> {
    const id = workbook.id
    const session = workbook.session
    if (!supported || !id || !session) return
    let picked: SyncFileHandle | undefined
    try {
      picked = await pickSyncFile(exportFileName(session.title || 'workbook'))
    } catch {
      error.value = 'The browser did not let Casework save to a file.'
      return
    }
    if (!picked || workbook.id !== id) return
    handle = picked
    forWorkbook = id
    fileName.value = picked.name
    status.value = 'on'
    try {
      await storage.putFileHandle(id, picked, picked.name)
      remembered.value = true
    } catch {
      remembered.value = false
    }
    await sync()
  }

  /** The student's click that lets the browser grant writing again (after a reload). */
  async function allow(): Promise<void> {
    if (!handle) return
    const permission = await filePermission(handle, true).catch((): PermissionState => 'denied')
    if (permission === 'granted') {
      status.value = 'on'
      await sync()
    } else {
      status.value = 'needs-permission'
      error.value = 'The browser did not allow it. Your work is still saved in this browser.'
    }
  }

  /** Stops keeping the file in sync (the file itself stays as it is). */
  async function stop(): Promise<void> {
    const id = forWorkbook
    reset(id)
    if (id) await storage.deleteFileHandle(id).catch(() => undefined)
  }

  watch(
    () => workbook.id,
    (id) => (id ? void attach(id) : reset(undefined)),
    { immediate: true },
  )
  // Every save of the workbook is written to the file too.
  watch(
    () => workbook.lastSavedAt,
    () => void sync(),
  )

  return { supported, status, fileName, error, remembered, choose, allow, stop, sync }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFileSyncStore, import.meta.hot))
