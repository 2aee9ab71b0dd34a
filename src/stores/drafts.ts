import { acceptHMRUpdate, defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import {
  clearDraftEmergencyCopy,
  DRAFT_RECORD_VERSION,
  draftStorage,
  emergencyDraftIds,
  newDraftId,
  readDraftEmergencyCopy,
  saveDraftEmergencyCopy,
  summarizeDraft,
  type DraftPreview,
  type DraftRecord,
  type DraftSummary,
} from '@/persistence/drafts'
import { describeStorageError } from '@/persistence/storage'

/** How long after a keystroke the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 400

export type DraftSaveStatus = 'idle' | 'saving' | 'saved' | 'error'

/** The draft's title, read from its top-level `title:` line. */
export function titleOfDraft(text: string): string {
  const match = /^title:[ \t]*(.*)$/m.exec(text.slice(0, 20_000))
  const title = match?.[1]?.replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2').trim()
  return title && !/^[|>]/.test(title) ? title.slice(0, 200) : 'Untitled rulebook'
}

/**
 * Rulebook drafts: the list the start page shows, and the one open in the studio, saved as the
 * author types (IndexedDB, with a synchronous copy when the tab closes mid-save).
 */
export const useDraftsStore = defineStore('drafts', () => {
  const drafts = ref<DraftSummary[]>([])
  const listStatus = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const listError = ref<string>()

  const id = ref<string>()
  /** The text is one string that changes on every keystroke: kept shallow, never deep-reactive. */
  const text = shallowRef('')
  const preview = shallowRef<DraftPreview>({ answers: {} })
  const createdAt = ref('')
  const loadState = ref<'idle' | 'loading' | 'ready' | 'not-found' | 'error'>('idle')
  const saveStatus = ref<DraftSaveStatus>('idle')
  const saveError = ref<string>()

  async function refresh(): Promise<void> {
    listStatus.value = 'loading'
    try {
      const stored = await draftStorage.list()
      const byId = new Map(stored.map((summary) => [summary.id, summary]))
      for (const draftId of emergencyDraftIds()) {
        const copy = readDraftEmergencyCopy(draftId)
        const known = byId.get(draftId)
        if (copy && (!known || copy.updatedAt > known.updatedAt)) byId.set(draftId, summarizeDraft(copy))
      }
      drafts.value = [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      listStatus.value = 'ready'
      listError.value = undefined
    } catch (failure) {
      listStatus.value = 'error'
      listError.value = describeStorageError(failure)
    }
  }

  /** Stores a new draft with this text; returns its id. */
  async function create(initial: string): Promise<string> {
    const now = new Date().toISOString()
    const record: DraftRecord = {
      version: DRAFT_RECORD_VERSION,
      id: newDraftId(),
      title: titleOfDraft(initial),
      text: initial,
      createdAt: now,
      updatedAt: now,
    }
    await draftStorage.put(record)
    await refresh()
    return record.id
  }

  async function remove(draftId: string): Promise<void> {
    await draftStorage.remove(draftId)
    clearDraftEmergencyCopy(draftId)
    await refresh()
  }

  /** Opens a draft, from its emergency copy when that is newer than the stored one. */
  async function open(draftId: string): Promise<void> {
    if (id.value === draftId && loadState.value === 'ready') return
    await close()
    id.value = draftId
    loadState.value = 'loading'
    let stored: DraftRecord | undefined
    let failed = false
    try {
      stored = await draftStorage.get(draftId)
    } catch (failure) {
      failed = true
      saveError.value = describeStorageError(failure)
    }
    const copy = readDraftEmergencyCopy(draftId)
    const newer = copy && (!stored || copy.updatedAt >= stored.updatedAt)
    const record = newer ? copy : stored
    if (id.value !== draftId) return
    if (!record) {
      loadState.value = failed ? 'error' : 'not-found'
      return
    }
    text.value = record.text
    preview.value = record.preview ?? { answers: {} }
    createdAt.value = record.createdAt
    saveStatus.value = 'idle'
    loadState.value = 'ready'
    if (newer) {
      dirty = true
      void flush()
    }
  }

  async function close(): Promise<void> {
    await flush()
    source = undefined
    id.value = undefined
    text.value = ''
    preview.value = { answers: {} }
    loadState.value = 'idle'
    saveStatus.value = 'idle'
  }

  // --- Saving --------------------------------------------------------------------------------
  /** The editor, which owns the live text: read only when saving, not on every keystroke. */
  let source: (() => string) | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let dirty = false
  let saving: Promise<void> = Promise.resolve()

  function snapshot(): DraftRecord | undefined {
    if (!id.value || loadState.value !== 'ready') return undefined
    if (source) text.value = source()
    return {
      version: DRAFT_RECORD_VERSION,
      id: id.value,
      title: titleOfDraft(text.value),
      text: text.value,
      createdAt: createdAt.value,
      updatedAt: new Date().toISOString(),
      preview: JSON.parse(JSON.stringify(preview.value)) as DraftPreview,
    }
  }

  async function save(): Promise<void> {
    const record = snapshot()
    if (!record) return
    saveStatus.value = 'saving'
    try {
      await draftStorage.put(record)
      clearDraftEmergencyCopy(record.id)
      if (!dirty) saveStatus.value = 'saved'
      saveError.value = undefined
    } catch (failure) {
      saveStatus.value = 'error'
      saveError.value = describeStorageError(failure)
      saveDraftEmergencyCopy(record)
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (dirty) {
      dirty = false
      saving = saving.then(save)
    }
    return saving
  }

  function changed() {
    dirty = true
    timer ??= setTimeout(() => void flush(), DRAFT_SAVE_DELAY_MS)
  }

  /** Lets the editor own the text: each keystroke then only marks the draft changed. */
  function attachSource(read: (() => string) | undefined) {
    source = read
  }

  /** The live text changed in the editor. */
  function edited() {
    changed()
  }

  function setText(next: string) {
    if (next === text.value) return
    text.value = next
    changed()
  }

  function setPreview(next: DraftPreview) {
    preview.value = next
    changed()
  }

  function retrySave(): Promise<void> {
    dirty = true
    return flush()
  }

  function onPageHide() {
    if (!dirty && saveStatus.value !== 'saving') return
    const copy = snapshot()
    if (copy) saveDraftEmergencyCopy(copy)
    void flush()
  }
  function onVisibilityChange() {
    if (document.visibilityState === 'hidden') onPageHide()
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onPageHide)
    document.addEventListener('visibilitychange', onVisibilityChange)
    onScopeDispose(() => {
      window.removeEventListener('pagehide', onPageHide)
      document.removeEventListener('visibilitychange', onVisibilityChange)
    })
  }

  return {
    drafts,
    listStatus,
    listError,
    id,
    text,
    preview,
    createdAt,
    loadState,
    saveStatus,
    saveError,
    refresh,
    create,
    remove,
    open,
    close,
    flush,
    setText,
    attachSource,
    edited,
    setPreview,
    retrySave,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDraftsStore, import.meta.hot))
