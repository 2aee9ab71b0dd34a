import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { compileRulebook } from '@/engine/compile'
import { hasErrors, type Problem } from '@/engine/problems'
import type { Rulebook } from '@/engine/generated/rulebook'
import type { RulebookReference } from '@/engine/generated/session'
import { storage } from '@/persistence/storage'
import { rulebookRecord } from '@/persistence/records'
import { LoadCancelled, loadFile, type LoadProgress } from '@/persistence/load-file'
import { looksLikeSession } from '@/engine/file-kind'
import { toShipped, type ShippedRulebook, type ShippedRulebookSource } from './shipped'
import type { SourceLine } from '@/engine/source-lines'

/** A rulebook ready to use: shipped with the app, or opened from disk and checked. */
export interface LoadedRulebook {
  file: string
  rulebook: Rulebook
  contentHash: string
  origin: 'shipped' | 'file'
  /** For a file: whether the file-reading worker has kept it in IndexedDB already. */
  kept?: Promise<boolean>
}

/** What opening a rulebook file from disk gave: the rulebook, or the problems that stop it. */
export interface OpenedFile {
  name: string
  problems: Problem[]
  /** The line of the file each problem points at (same order as `problems`), to show beside it. */
  sources?: (SourceLine | undefined)[]
  rulebook?: LoadedRulebook
  /** The file holds a saved workbook, not a rulebook: it is for importing. */
  isSession?: true
  /** The student cancelled reading it. */
  cancelled?: true
}

/** Where a workbook's rulebook was found, and whether it is the very content the work was done on. */
export interface FoundRulebook {
  loaded: LoadedRulebook
  /** The rulebook has changed (another version or content) since the work was saved. */
  changed: boolean
}

/** Whether a file's content is a saved workbook (`casework-session/1`) rather than a rulebook. */
export { looksLikeSession }

/** The rulebook the student is working with, the ones that ship with the app, and files opened from disk. */
export const useRulebookStore = defineStore('rulebook', () => {
  /** Set once by main.ts from `virtual:shipped-rulebooks`, so this store stays testable. */
  const shipped = shallowRef<readonly ShippedRulebook[]>([])
  /** Shipped rulebooks loaded so far, by content hash. */
  const loadedShipped = new Map<string, Promise<LoadedRulebook>>()
  const current = shallowRef<LoadedRulebook>()
  /** Compiled once per rulebook; the rulebook itself is never made reactive (it never changes). */
  const compiled = computed(() =>
    current.value ? markRaw(compileRulebook(current.value.rulebook)) : undefined,
  )
  const opened = shallowRef<OpenedFile>()
  const opening = ref(false)
  /** How far reading the file being opened has got. */
  const openProgress = shallowRef<LoadProgress>()
  let openAbort: AbortController | undefined

  function setShipped(list: readonly ShippedRulebookSource[]) {
    shipped.value = list.map((item) => markRaw(toShipped(item)))
    loadedShipped.clear()
  }

  /** The content of a shipped rulebook, loaded once (it may be fetched). */
  function loadShipped(entry: ShippedRulebook): Promise<LoadedRulebook> {
    let loading = loadedShipped.get(entry.contentHash)
    if (!loading) {
      loading = entry.load().then((rulebook) =>
        markRaw<LoadedRulebook>({
          file: entry.file,
          rulebook: markRaw(rulebook),
          contentHash: entry.contentHash,
          origin: 'shipped',
        }),
      )
      // A failed fetch is tried again next time.
      loading.catch(() => loadedShipped.delete(entry.contentHash))
      loadedShipped.set(entry.contentHash, loading)
    }
    return loading
  }

  function use(loaded: LoadedRulebook) {
    if (current.value?.contentHash !== loaded.contentHash) current.value = markRaw(loaded)
  }

  /** Finds the rulebook a workbook was made with: the same content first, then the same rulebook id. */
  async function find(reference: RulebookReference): Promise<FoundRulebook | undefined> {
    const same = shipped.value.find((item) => item.contentHash === reference.contentHash)
    if (same) return { loaded: await loadShipped(same), changed: false }
    if (current.value?.contentHash === reference.contentHash) {
      return { loaded: current.value, changed: false }
    }
    try {
      const stored = await storage.getRulebook(reference.contentHash)
      if (stored) {
        const loaded: LoadedRulebook = markRaw({
          file: stored.file,
          rulebook: markRaw(stored.rulebook),
          contentHash: stored.contentHash,
          origin: 'file',
        })
        return { loaded, changed: false }
      }
    } catch {
      // Storage unavailable: fall back to a shipped rulebook with the same id.
    }
    const sameId = shipped.value.find((item) => item.meta.id === reference.id)
    return sameId ? { loaded: await loadShipped(sameId), changed: true } : undefined
  }

  /** Keeps a rulebook opened from disk, so workbooks made with it can be resumed after a reload. */
  async function keep(loaded: LoadedRulebook): Promise<void> {
    if (loaded.origin !== 'file') return
    // Kept by the worker that read it, unless another tab has cleared it away since.
    if ((await loaded.kept) && (await storage.hasRulebook(loaded.contentHash))) return
    await storage.putRulebook(rulebookRecord(loaded.file, loaded.rulebook, loaded.contentHash))
  }

  /**
   * Reads a file from disk and checks it, in a worker so the page never freezes: a rulebook (YAML
   * or JSON) is checked and kept as `opened`; a saved workbook, recognised by its content, is
   * only reported (`isSession`) for the caller to import. `cancelOpen()` stops it.
   */
  async function openFile(file: File): Promise<OpenedFile> {
    openAbort?.abort()
    const abort = (openAbort = new AbortController())
    opening.value = true
    openProgress.value = undefined
    try {
      const outcome = await loadFile(file, {
        signal: abort.signal,
        onProgress: (progress) => (openProgress.value = progress),
        keep: true,
      })
      if (outcome.kind === 'session') return { name: file.name, problems: [], isSession: true }
      const { rulebook, contentHash, problems } = outcome
      const result: OpenedFile = {
        name: file.name,
        problems,
        sources: outcome.sources,
        rulebook:
          rulebook && contentHash && !hasErrors(problems)
            ? markRaw<LoadedRulebook>({
                file: file.name,
                rulebook: markRaw(rulebook),
                contentHash,
                origin: 'file',
                ...(outcome.kept ? { kept: outcome.kept } : {}),
              })
            : undefined,
      }
      opened.value = markRaw(result)
      return result
    } catch (failure) {
      if (failure instanceof LoadCancelled) return { name: file.name, problems: [], cancelled: true }
      throw failure
    } finally {
      if (openAbort === abort) {
        opening.value = false
        openProgress.value = undefined
        openAbort = undefined
      }
    }
  }

  /** Stops reading the file being opened; nothing it would have changed is changed. */
  function cancelOpen() {
    openAbort?.abort()
  }

  function clearOpened() {
    opened.value = undefined
  }

  return {
    shipped,
    current,
    compiled,
    opened,
    opening,
    openProgress,
    setShipped,
    loadShipped,
    use,
    find,
    keep,
    openFile,
    cancelOpen,
    clearOpened,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRulebookStore, import.meta.hot))
