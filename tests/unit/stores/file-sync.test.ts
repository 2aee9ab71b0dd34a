import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { storage } from '@/persistence/storage'
import { createFileWriter, fileSyncSupported, type SyncFileHandle } from '@/persistence/file-sync'
import { useFileSyncStore } from '@/stores/file-sync'
import { useWorkbookStore } from '@/stores/workbook'
import { freshPinia, openNewWorkbook, resetStorage } from '../../fixtures/ui/helpers'

/** A file handle as the File System Access API gives one, writing into `contents`. */
function fakeHandle(name: string, permission: PermissionState = 'granted') {
  const file = { contents: [] as string[], permission, requests: 0 }
  const handle: SyncFileHandle = {
    name,
    async createWritable() {
      let text = ''
      return {
        async write(data: string) {
          if (file.permission !== 'granted') throw new DOMException('no', 'NotAllowedError')
          text += data
        },
        async close() {
          file.contents.push(text)
        },
      }
    },
    async queryPermission() {
      return file.permission
    },
    async requestPermission() {
      file.requests++
      file.permission = 'granted'
      return file.permission
    },
  }
  return { handle, file }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))
const latest = (file: { contents: string[] }) => JSON.parse(file.contents.at(-1)!)

describe('persistence/file-sync', () => {
  it('is offered only where the browser has showSaveFilePicker', () => {
    expect(fileSyncSupported({})).toBe(false)
    expect(fileSyncSupported({ showSaveFilePicker: async () => fakeHandle('x').handle })).toBe(true)
  })

  it('writes one text at a time, and only the latest of those waiting', async () => {
    const written: string[] = []
    let release!: () => void
    const writer = createFileWriter(async (text) => {
      if (text === 'first') await new Promise<void>((resolve) => (release = resolve))
      written.push(text)
    })
    const first = writer.write('first')
    void writer.write('second')
    const third = writer.write('third')
    release()
    await Promise.all([first, third])
    expect(written).toEqual(['first', 'third'])
    await writer.write('fourth')
    expect(written).toEqual(['first', 'third', 'fourth'])
  })
})

describe('stores/file-sync', () => {
  const handles = new Map<string, { handle: unknown; name: string }>()

  beforeEach(async () => {
    await resetStorage()
    freshPinia()
    handles.clear()
    // Real handles are stored in IndexedDB; fake ones (with functions) cannot be cloned.
    vi.spyOn(storage, 'putFileHandle').mockImplementation(async (id, handle, name) => void handles.set(id, { handle, name }))
    vi.spyOn(storage, 'getFileHandle').mockImplementation(async (id) => handles.get(id))
    vi.spyOn(storage, 'deleteFileHandle').mockImplementation(async (id) => void handles.delete(id))
  })
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('keeps the chosen file in sync on every save, each write counting as a backup', async () => {
    const { handle, file } = fakeHandle('my-workbook.casework.json')
    const picker = vi.fn(async () => handle)
    vi.stubGlobal('showSaveFilePicker', picker)
    const workbook = await openNewWorkbook()
    const fileSync = useFileSyncStore()
    expect(fileSync.supported).toBe(true)
    await fileSync.choose()
    expect(picker).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: 'my-workbook.casework.json' }))
    expect(fileSync.status).toBe('on')
    expect(latest(file).format).toBe('casework-session/1')
    workbook.answer('use-of-force', 'yes')
    await workbook.flush()
    await settle()
    expect(latest(file).answers['use-of-force'].value).toBe('yes')
    expect(workbook.lastBackupAt).toMatch(/^\d{4}-/)
    expect(handles.get(workbook.id!)?.name).toBe('my-workbook.casework.json')
  })

  it('asks for permission again after a reload, and writes once the student allows it', async () => {
    const { handle, file } = fakeHandle('kept.casework.json', 'prompt')
    vi.stubGlobal('showSaveFilePicker', async () => handle)
    const workbook = await openNewWorkbook()
    handles.set(workbook.id!, { handle, name: 'kept.casework.json' })
    const fileSync = useFileSyncStore()
    await vi.waitFor(() => expect(fileSync.status).toBe('needs-permission'))
    workbook.answer('use-of-force', 'no')
    await workbook.flush()
    await settle()
    expect(file.contents).toEqual([])
    await fileSync.allow()
    expect(file.requests).toBe(1)
    expect(fileSync.status).toBe('on')
    expect(latest(file).answers['use-of-force'].value).toBe('no')
  })

  it('says so when the file cannot be written, and stops on request', async () => {
    const { handle, file } = fakeHandle('gone.casework.json')
    vi.stubGlobal('showSaveFilePicker', async () => handle)
    const workbook = await openNewWorkbook()
    const fileSync = useFileSyncStore()
    await fileSync.choose()
    file.permission = 'denied'
    workbook.answer('use-of-force', 'yes')
    await workbook.flush()
    await vi.waitFor(() => expect(fileSync.status).toBe('error'))
    expect(fileSync.error).toMatch(/no longer lets Casework write/)
    await fileSync.stop()
    expect(fileSync.status).toBe('off')
    expect(handles.has(workbook.id!)).toBe(false)
  })

  it('does nothing where the browser cannot save to a file', async () => {
    await openNewWorkbook()
    const fileSync = useFileSyncStore()
    expect(fileSync.supported).toBe(false)
    await fileSync.choose()
    expect(fileSync.status).toBe('off')
    expect(useWorkbookStore().lastBackupAt).toBeUndefined()
  })
})
