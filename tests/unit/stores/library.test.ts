import { beforeEach, describe, expect, it } from 'vitest'
import { useLibraryStore } from '@/stores/library'
import { storage } from '@/persistence/storage'
import { freshPinia, resetStorage, uiLoaded } from '../../fixtures/ui/helpers'

describe('stores/library', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
  })

  async function create(title = 'First') {
    return useLibraryStore().create(uiLoaded, { scenarioId: 'boats', title, studentName: ' Ada ' })
  }

  it('creates a workbook and lists it with rulebook, scenario and progress', async () => {
    const id = await create()
    const library = useLibraryStore()
    expect(library.status).toBe('ready')
    expect(library.workbooks).toHaveLength(1)
    expect(library.workbooks[0]).toMatchObject({
      id,
      title: 'First',
      studentName: 'Ada',
      rulebookTitle: 'Strikes on foreign territory',
      scenarioTitle: 'The boat strikes',
      answered: 0,
    })
    expect(library.workbooks[0]!.total).toBeGreaterThan(0)
  })

  it('renames a workbook', async () => {
    const id = await create()
    await useLibraryStore().rename(id, '  Renamed  ')
    expect(useLibraryStore().workbooks[0]?.title).toBe('Renamed')
    expect((await storage.getWorkbook(id))?.session.title).toBe('Renamed')
  })

  it('duplicates a workbook with its work', async () => {
    const id = await create()
    const record = (await storage.getWorkbook(id))!
    record.session.answers['use-of-force'] = { value: 'yes', updatedAt: record.session.updatedAt }
    await storage.putWorkbook(record)
    const copyId = await useLibraryStore().duplicate(id)
    expect(copyId).toBeDefined()
    expect(copyId).not.toBe(id)
    const copy = await storage.getWorkbook(copyId!)
    expect(copy?.session.title).toBe('Copy of First')
    expect(copy?.session.id).toBe(copyId)
    expect(copy?.session.answers['use-of-force']?.value).toBe('yes')
    expect(useLibraryStore().workbooks).toHaveLength(2)
  })

  it('deletes a workbook', async () => {
    const id = await create()
    await useLibraryStore().remove(id)
    expect(useLibraryStore().workbooks).toEqual([])
  })

  it('shows a storage failure as a message', async () => {
    const library = useLibraryStore()
    const original = storage.listWorkbooks
    storage.listWorkbooks = () => Promise.reject(new DOMException('no', 'InvalidStateError'))
    try {
      await library.refresh()
    } finally {
      storage.listWorkbooks = original
    }
    expect(library.status).toBe('error')
    expect(library.error).toMatch(/will not let Casework store/)
  })
})
