import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, onScopeDispose, ref, toRaw, watch } from 'vue'
import { createEvaluator } from '@/engine/evaluate'
import { questionHash } from '@/engine/hash'
import type { Question } from '@/engine/generated/rulebook'
import type { ResolvedScenario } from '@/engine/scenarios'
import type {
  AnswerValue,
  Confidence,
  QuestionWork,
  Reasoning,
  Session,
} from '@/engine/generated/session'
import type { Walk } from '@/engine/walk'
import { summarizeWorkbook, RECORD_VERSION } from '@/persistence/records'
import { describeStorageError, storage } from '@/persistence/storage'
import {
  clearEmergencyCopy,
  readEmergencyCopy,
  saveEmergencyCopy,
} from '@/persistence/emergency'
import { downloadText, exportFileName, sessionToJson } from '@/persistence/files'
import { useRulebookStore } from './rulebook'

/** How long after a change the workbook is saved: soon enough to lose nothing, rarely enough not to lag typing. */
export const SAVE_DELAY_MS = 300

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error'
export type LoadState = 'idle' | 'loading' | 'ready' | 'not-found' | 'no-rulebook' | 'error'
export type ReasoningPart = keyof Reasoning

const empty: Walk = {
  questions: [],
  conclusions: [],
  sections: [],
  next: undefined,
  progress: { answered: 0, total: 0 },
}

/** The workbook being edited: one student's session on one rulebook, its walk, and its saving. */
export const useWorkbookStore = defineStore('workbook', () => {
  const rulebookStore = useRulebookStore()

  const id = ref<string>()
  const session = ref<Session>()
  const loadState = ref<LoadState>('idle')
  const loadError = ref<string>()
  /** The rulebook found for this workbook is not the exact content the work was done on. */
  const rulebookChanged = ref(false)
  const saveStatus = ref<SaveStatus>('idle')
  const saveError = ref<string>()
  const lastSavedAt = ref<string>()
  /** Raised by every change to the session; the one watch below saves when it moves. */
  const revision = ref(0)

  const compiled = computed(() => (loadState.value === 'ready' ? rulebookStore.compiled : undefined))
  const rulebook = computed(() => compiled.value?.rulebook)
  /** One evaluator per rulebook: after an edit it re-evaluates only what the edit can affect. */
  const evaluator = computed(() => (compiled.value ? createEvaluator(compiled.value) : undefined))
  const walk = computed<Walk>(() => {
    // Evaluated on the raw session, with `revision` as the one dependency: every edit raises it,
    // and the engine then reads plain objects rather than thousands of reactive proxies.
    void revision.value
    if (!evaluator.value || !session.value) return empty
    const raw = toRaw(session.value)
    return evaluator.value({ scenario: raw.scenario, answers: raw.answers })
  })
  /** The student's scenario, with what a variation inherits resolved. */
  const scenario = computed<ResolvedScenario | undefined>(() =>
    session.value ? compiled.value?.scenarios.get(session.value.scenario) : undefined,
  )
  /** Questions a student moves through with next / previous: the ones asked now. */
  const askedQuestions = computed(() =>
    walk.value.questions
      .filter((q) => q.status === 'to-answer' || q.status === 'answered')
      .map((q) => q.id),
  )

  function question(questionId: string): Question | undefined {
    const index = compiled.value?.questionIndex.get(questionId)
    return index === undefined ? undefined : compiled.value?.rulebook.questions[index]
  }

  function work(questionId: string): QuestionWork | undefined {
    const answers = session.value?.answers
    // Read first, so a component depending on work not yet begun sees it appear.
    const found = answers?.[questionId]
    return found && Object.hasOwn(answers, questionId) ? found : undefined
  }

  // --- Opening and closing ---------------------------------------------------------------

  /** Loads a saved workbook and its rulebook; resumes from an emergency copy if that is newer. */
  async function open(workbookId: string): Promise<void> {
    if (id.value === workbookId && loadState.value === 'ready') return
    await close()
    id.value = workbookId
    loadState.value = 'loading'
    loadError.value = undefined
    let stored: Session | undefined
    try {
      stored = (await storage.getWorkbook(workbookId))?.session
    } catch (error) {
      loadError.value = describeStorageError(error)
    }
    // A copy exists only if the tab closed (or storage failed) before a save finished: unless the
    // saved workbook was edited later, the copy is at least as recent (it may hold a moved cursor).
    const emergency = readEmergencyCopy(workbookId)
    const newer = emergency && (!stored || emergency.updatedAt >= stored.updatedAt)
    const loaded = newer ? emergency : stored
    if (id.value !== workbookId) return // another workbook was opened meanwhile
    if (!loaded) {
      loadState.value = loadError.value ? 'error' : 'not-found'
      return
    }
    let found: Awaited<ReturnType<typeof rulebookStore.find>>
    try {
      found = await rulebookStore.find(loaded.rulebook)
    } catch {
      if (id.value !== workbookId) return
      session.value = loaded
      loadError.value = 'The rulebook for this workbook could not be loaded. Check your connection and reload the page.'
      loadState.value = 'error'
      return
    }
    if (id.value !== workbookId) return
    session.value = loaded
    if (!found) {
      loadState.value = 'no-rulebook'
      return
    }
    rulebookStore.use(found.loaded)
    rulebookChanged.value = found.changed
    saveStatus.value = 'idle'
    saveError.value = undefined
    loadState.value = 'ready'
    // Work recovered from the emergency copy goes back into IndexedDB.
    if (newer) touch(false)
  }

  /** Saves what is pending and forgets the workbook (the start page then reads fresh records). */
  async function close(): Promise<void> {
    await flush()
    id.value = undefined
    session.value = undefined
    loadState.value = 'idle'
    rulebookChanged.value = false
    saveStatus.value = 'idle'
    saveError.value = undefined
  }

  // --- Saving ------------------------------------------------------------------------------

  let timer: ReturnType<typeof setTimeout> | undefined
  let dirty = false
  let saving: Promise<void> = Promise.resolve()

  function snapshot(): (Session & { id: string }) | undefined {
    if (!session.value || !id.value) return undefined
    // JSON, not structuredClone: the session is a reactive proxy, and saved data is JSON anyway.
    return { ...(JSON.parse(JSON.stringify(session.value)) as Session), id: id.value }
  }

  async function save(): Promise<void> {
    const saved = snapshot()
    const book = rulebook.value
    if (!saved || !book) return
    saveStatus.value = 'saving'
    try {
      await storage.putWorkbook({
        version: RECORD_VERSION,
        id: saved.id,
        session: saved,
        summary: summarizeWorkbook(saved.id, saved, book, walk.value.progress),
      })
      clearEmergencyCopy(saved.id)
      if (!dirty) saveStatus.value = 'saved'
      saveError.value = undefined
      lastSavedAt.value = new Date().toISOString()
    } catch (error) {
      saveStatus.value = 'error'
      saveError.value = describeStorageError(error)
      saveEmergencyCopy(saved)
    }
  }

  /** Saves now whatever is pending; resolves when it is stored (or has failed, visibly). */
  function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (dirty) {
      dirty = false
      saving = saving.then(save)
    }
    return saving
  }

  watch(
    revision,
    () => {
      dirty = true
      timer ??= setTimeout(() => void flush(), SAVE_DELAY_MS)
    },
    // Synchronous, so a tab closed right after a keystroke still knows there is work to save.
    { flush: 'sync' },
  )

  /** Tries again after a failed save. */
  function retrySave(): Promise<void> {
    dirty = true
    return flush()
  }

  /** The tab may be closing: IndexedDB might not finish, so keep a synchronous copy as well. */
  function onPageHide() {
    if (!dirty && saveStatus.value !== 'saving') return
    const copy = snapshot()
    if (copy) saveEmergencyCopy(copy)
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

  /** Offers the session as a JSON file: the way out when storage fails, and a backup any time. */
  function exportSession() {
    const copy = snapshot()
    if (copy) downloadText(sessionToJson(copy), exportFileName(copy.title || 'workbook'))
  }

  // --- Editing -----------------------------------------------------------------------------

  function touch(edited = true) {
    if (edited && session.value) session.value.updatedAt = new Date().toISOString()
    revision.value++
  }

  /** The work on a question, created on first edit, with its timestamps and question fingerprint kept up to date. */
  function edit(questionId: string, change: (work: QuestionWork) => void) {
    if (!session.value) return
    const now = new Date().toISOString()
    const answers = session.value.answers
    if (!Object.hasOwn(answers, questionId)) answers[questionId] = { createdAt: now, updatedAt: now }
    const target = answers[questionId]!
    change(target)
    target.updatedAt = now
    const asked = question(questionId)
    if (asked) target.questionHash = questionHash(asked)
    touch()
  }

  /** Sets (or, with undefined, clears) the answer. Later work is never deleted: it may turn stale. */
  function answer(questionId: string, value: AnswerValue | undefined) {
    edit(questionId, (target) => {
      if (value === undefined) delete target.value
      else target.value = Array.isArray(value) ? [...value] : value
    })
  }

  function setReasoning(questionId: string, part: ReasoningPart, text: string) {
    edit(questionId, (target) => {
      target.reasoning = { ...target.reasoning, [part]: text }
    })
  }

  function setConfidence(questionId: string, confidence: Confidence | undefined) {
    edit(questionId, (target) => {
      if (confidence === undefined) delete target.confidence
      else target.confidence = confidence
    })
  }

  /** Records that the reasoning relies on a fact (once). */
  function citeFact(questionId: string, factId: string) {
    if (work(questionId)?.citedFacts?.includes(factId)) return
    edit(questionId, (target) => {
      target.citedFacts = [...(target.citedFacts ?? []), factId]
    })
  }

  function uncite(questionId: string, factId: string) {
    edit(questionId, (target) => {
      target.citedFacts = (target.citedFacts ?? []).filter((cited) => cited !== factId)
    })
  }

  function setCounterArgument(questionId: string, text: string) {
    edit(questionId, (target) => {
      target.counterArgument = text
    })
  }

  /** Commits the conclusion, which reveals the model answer where the rulebook allows. */
  function commit(questionId: string) {
    edit(questionId, (target) => {
      target.committedAt = new Date().toISOString()
    })
  }

  /** Remembers where the student is, so the workbook resumes there. Not an edit: "last edited" stays. */
  function goTo(questionId: string) {
    if (!session.value || session.value.currentQuestion === questionId) return
    session.value.currentQuestion = questionId
    touch(false)
  }

  function rename(title: string) {
    if (!session.value) return
    session.value.title = title
    touch()
  }

  return {
    id,
    session,
    loadState,
    loadError,
    rulebookChanged,
    saveStatus,
    saveError,
    lastSavedAt,
    revision,
    compiled,
    rulebook,
    walk,
    scenario,
    askedQuestions,
    question,
    work,
    open,
    close,
    flush,
    retrySave,
    exportSession,
    answer,
    setReasoning,
    setConfidence,
    citeFact,
    uncite,
    setCounterArgument,
    commit,
    goTo,
    rename,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkbookStore, import.meta.hot))
