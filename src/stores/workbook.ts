import { acceptHMRUpdate, defineStore } from 'pinia'
import {
  computed,
  onScopeDispose,
  ref,
  shallowReactive,
  shallowRef,
  watch,
  type ShallowRef,
} from 'vue'
import { createLiveWalk, evaluate, type LiveWalk, type WalkChanges } from '@/engine/evaluate'
import { questionHash } from '@/engine/hash'
import type { Question } from '@/engine/generated/rulebook'
import type { ResolvedScenario } from '@/engine/scenarios'
import type {
  AnswerValue,
  CommittedWork,
  Confidence,
  Revision,
  QuestionWork,
  Reasoning,
  Session,
} from '@/engine/generated/session'
import type { Walk } from '@/engine/walk'
import { newWorkbookId, summarizeWorkbook, RECORD_VERSION, type WorkbookRecord } from '@/persistence/records'
import { describeStorageError, storage } from '@/persistence/storage'
import {
  clearEmergencyCopy,
  readEmergencyBase,
  readEmergencyCopy,
  saveEmergencyCopy,
} from '@/persistence/emergency'
import {
  backedUp,
  backupDue as isBackupDue,
  countEdit,
  dismissed,
  newBackupState,
  readBackupState,
  type BackupState,
} from '@/persistence/backup'
import { listenToWorkbook, type WorkbookMessage } from '@/persistence/workbook-channel'
import { downloadText, exportFileName, sessionToJson } from '@/persistence/files'
import { hasReasoning } from '@/report/review'
import { useRulebookStore } from './rulebook'
import { storeWorkbookCopy } from './workbook-copy'
import { afterNextPaint } from '@/composables/afterNextPaint'

/** How long after a change the workbook is saved: soon enough to lose nothing, rarely enough not to lag typing. */
export const SAVE_DELAY_MS = 300

/** `conflict`: another tab saved a newer version (or deleted the workbook); this tab has stopped saving. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error' | 'conflict'

/** Why this tab stopped saving: the stored workbook is newer than the one shown, or gone. */
export interface TabConflict {
  kind: 'newer' | 'deleted'
}

/** What this tab did about another tab's save, told to the student once. */
export type TabNotice =
  | { kind: 'updated' }
  | { kind: 'loaded-newer'; copyId: string; copyTitle: string }
  | { kind: 'kept-copy'; copyTitle: string }
  | { kind: 'recovered'; copyId: string; copyTitle: string }
export type LoadState = 'idle' | 'loading' | 'ready' | 'not-found' | 'no-rulebook' | 'error'
export type ReasoningPart = keyof Reasoning

/** What one change of an answer did: see `lastChange` in the store. */
export interface AnswerChange {
  questionId: string
  /** The work on the question before the change (undefined: there was none). */
  before: QuestionWork | undefined
  /** Questions whose work became stale. */
  stale: string[]
  /** Questions asked now that were not before. */
  asked: string[]
}

/** Whether two answers are the same (lists in any order). */
export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x) => b.includes(x))
  return a === b
}

/**
 * The workbook being edited: one student's session on one rulebook, its walk, and its saving.
 *
 * How it stays fast on large rulebooks:
 * - The session is kept as a plain object (`session` is a shallow ref). Work on a question is
 *   never edited in place: an edit puts a new `QuestionWork` in `session.answers` (the other
 *   answers are shared, not copied) and in that question's own ref, so `work(id)` subscribes a
 *   component to that one question only.
 * - The walk depends on answers, not on reasoning, confidence or citations. After an edit the
 *   engine's live walk re-evaluates only what the edited question can affect and says which
 *   entries it replaced; `walk` mirrors those entries in shallow-reactive lists, so a component
 *   reading `walk.questions[i]` updates when question i's state changes and not otherwise.
 *   Typing reasoning changes no entry (except a question not asked turning stale), so nothing
 *   that shows the walk re-renders.
 * - `revision` is raised by every change; it drives saving, and is read only by views that show
 *   the whole session (the report).
 */
/** Whether two copies of a session hold the same work (ignoring when each was last touched). */
function sameWork(a: Session, b: Session): boolean {
  const ids = new Set([...Object.keys(a.answers), ...Object.keys(b.answers)])
  for (const id of ids) if (JSON.stringify(a.answers[id]) !== JSON.stringify(b.answers[id])) return false
  const rest = (session: Session) => JSON.stringify({ ...session, answers: undefined, updatedAt: undefined })
  return rest(a) === rest(b)
}

export const useWorkbookStore = defineStore('workbook', () => {
  const rulebookStore = useRulebookStore()

  const id = ref<string>()
  /**
   * The student's session, as a plain object. Replaced (shallowly) when its title or current
   * question changes; edits to answers replace one entry of `answers` without triggering it:
   * read a question's work with `work(id)`.
   */
  const session = shallowRef<Session>()
  const loadState = ref<LoadState>('idle')
  const loadError = ref<string>()
  /** The rulebook found for this workbook is not the exact content the work was done on. */
  const rulebookChanged = ref(false)
  const saveStatus = ref<SaveStatus>('idle')
  const saveError = ref<string>()
  const lastSavedAt = ref<string>()
  /** Raised by every change to the session; the one watch below saves when it moves. */
  const revision = ref(0)
  /** Set when another tab saved over the workbook while this one had unsaved edits, or deleted it. */
  const conflict = shallowRef<TabConflict>()
  /** What happened because of another tab, to tell the student (dismissible). */
  const tabNotice = shallowRef<TabNotice>()
  /** Whether to remind the student to download a backup; and when they last took one. */
  const backupDue = ref(false)
  const lastBackupAt = ref<string>()
  /**
   * The stored revision this tab's session is based on (undefined: none stored). Saves are
   * compare-and-set on it, so a tab never writes over a newer save from another tab.
   */
  let storedRevision: number | undefined
  /** Edits (not moves between questions) made since the last successful save. */
  let unsavedEdits = false
  /** Backups: kept with the workbook, counted on every edit (a plain object, not reactive). */
  let backup: BackupState = newBackupState()
  let stopListening: (() => void) | undefined
  /** This tab's mark on its emergency copies, so another tab's save does not clear them. */
  const writer = newWorkbookId().slice(3)

  const compiled = computed(() =>
    loadState.value === 'ready' ? rulebookStore.compiled : undefined,
  )
  const rulebook = computed(() => compiled.value?.rulebook)

  /**
   * The walk, kept up to date entry by entry (see above). Its lists are shallow-reactive and
   * their entries plain objects, replaced (never edited) when they change.
   */
  const walk: Walk = shallowReactive<Walk>(emptyWalk())
  /** The engine's live walk for the open session: told which question changed, it re-evaluates only what that affects. */
  let live: LiveWalk | undefined

  /**
   * Answers the student is trying out ("what would change this?"), laid over their own: question
   * id → the answer tried (undefined: no answer). The walk and `work(id)` read them in place of the
   * student's; the session never holds them, so they are never saved, synced or broadcast.
   */
  const hypothetical = shallowRef<ReadonlyMap<string, AnswerValue | undefined>>()

  function emptyWalk(): Walk {
    return {
      questions: shallowReactive([]),
      conclusions: shallowReactive([]),
      sections: shallowReactive([]),
      next: undefined,
      progress: { answered: 0, total: 0 },
    }
  }

  /** Evaluates the whole session: on opening, or when the rulebook changes under it. */
  function startWalk() {
    // A new walk starts from the student's own answers: any hypothetical is dropped.
    dropHypothetical()
    const book = compiled.value
    const raw = session.value
    live = book && raw ? createLiveWalk(book, raw) : undefined
    const next = live?.walk ?? emptyWalk()
    walk.questions = shallowReactive(next.questions.slice())
    walk.conclusions = shallowReactive(next.conclusions.slice())
    walk.sections = shallowReactive(next.sections.slice())
    walk.next = next.next
    walk.progress = next.progress
    recount()
  }
  /**
   * Of the answered questions, how many have reasoning and how many are committed. Counted when
   * the workbook opens and when it is saved (not on every keystroke); a save recounts only the
   * questions whose work or status changed since, so its cost does not grow with the rulebook.
   */
  const workCounts = shallowRef({ reasoned: 0, committed: 0 })
  /** What each counted question adds: 1 if it has reasoning, 2 if committed (absent: nothing). */
  let counted = new Map<number, number>()
  /** The session the counts are of: another (a workbook opened, another tab's adopted) is counted afresh. */
  let countedSession: Session | undefined
  /** Questions whose walk entry was replaced since the last count: their status may have changed. */
  const statusChanged = new Set<number>()

  function countOf(index: number): number {
    const state = walk.questions[index]
    if (!state || state.status !== 'answered') return 0
    const done = storedWork(state.id)
    return (hasReasoning(done?.reasoning) ? 1 : 0) | (done?.committedAt ? 2 : 0)
  }

  /** Recounts the given questions (by id), those whose status changed, or, given none, all. */
  function recount(questionIds?: Iterable<string>) {
    let { reasoned, committed } = workCounts.value
    let indices: Iterable<number>
    if (!questionIds || countedSession !== session.value) {
      counted = new Map()
      countedSession = session.value
      reasoned = committed = 0
      indices = walk.questions.keys()
    } else {
      const due = new Set(statusChanged)
      for (const questionId of questionIds) {
        const index = compiled.value?.questionIndex.get(questionId)
        if (index !== undefined) due.add(index)
      }
      indices = due
    }
    statusChanged.clear()
    for (const index of indices) {
      const before = counted.get(index) ?? 0
      const after = countOf(index)
      if (before === after) continue
      reasoned += (after & 1) - (before & 1)
      committed += (after >> 1) - (before >> 1)
      if (after) counted.set(index, after)
      else counted.delete(index)
    }
    const now = workCounts.value
    if (now.reasoned !== reasoned || now.committed !== committed) workCounts.value = { reasoned, committed }
  }

  // Synchronous, so the walk is there as soon as the workbook is ready.
  watch(compiled, startWalk, { flush: 'sync' })

  /** Copies the entries one update replaced into the reactive walk. */
  function applyChanges(changes: WalkChanges) {
    if (!live) return
    const { walk: current } = live
    for (const i of changes.questions) {
      walk.questions[i] = current.questions[i]!
      statusChanged.add(i)
    }
    for (const i of changes.conclusions) walk.conclusions[i] = current.conclusions[i]!
    for (const i of changes.sections) walk.sections[i] = current.sections[i]!
    if (changes.summary) {
      walk.next = current.next
      walk.progress = current.progress
    }
  }
  /** The student's scenario, with what a variation inherits resolved. */
  const scenario = computed<ResolvedScenario | undefined>(() =>
    session.value ? compiled.value?.scenarios.get(session.value.scenario) : undefined,
  )
  /** Questions a student moves through with next / previous: the ones asked now. */
  const askedQuestions = computed(() =>
    walk.questions
      .filter((q) => q.status === 'to-answer' || q.status === 'answered')
      .map((q) => q.id),
  )

  function question(questionId: string): Question | undefined {
    const index = compiled.value?.questionIndex.get(questionId)
    return index === undefined ? undefined : compiled.value?.rulebook.questions[index]
  }

  /** One reactive cell per question's work, made when first read: reading one subscribes to that question only. */
  const workRefs = new Map<string, ShallowRef<QuestionWork | undefined>>()

  function storedWork(questionId: string): QuestionWork | undefined {
    const answers = session.value?.answers
    return answers && Object.hasOwn(answers, questionId) ? answers[questionId] : undefined
  }

  function workRef(questionId: string): ShallowRef<QuestionWork | undefined> {
    let cell = workRefs.get(questionId)
    if (!cell) {
      cell = shallowRef(storedWork(questionId))
      workRefs.set(questionId, cell)
    }
    return cell
  }

  /** The work on a question (reactive, for this question alone); undefined until work on it begins. */
  function work(questionId: string): QuestionWork | undefined {
    // A component depending on work not yet begun subscribes now, and sees it appear.
    return workRef(questionId).value
  }

  /** Points every question's cell at the session now open. */
  function resetWork() {
    hypothetical.value = undefined
    for (const [questionId, cell] of workRefs) cell.value = storedWork(questionId)
  }

  // --- Hypothetical answers -----------------------------------------------------------------

  /** The work on a question as it is tried: the student's own, with the tried answer in place of theirs. */
  function triedWork(questionId: string, value: AnswerValue | undefined): QuestionWork | undefined {
    const own = storedWork(questionId)
    if (value === undefined) {
      if (!own) return undefined
      const rest = { ...own }
      delete rest.value
      return rest
    }
    const at = own?.updatedAt ?? new Date().toISOString()
    return { ...(own ?? { createdAt: at }), updatedAt: at, value: Array.isArray(value) ? [...value] : value }
  }

  /** Shows a question's work (and its walk entries) as tried, or as the student's own when not tried. */
  function showTried(questionId: string, tried: ReadonlyMap<string, AnswerValue | undefined> | undefined) {
    const shown = tried?.has(questionId) ? triedWork(questionId, tried.get(questionId)) : storedWork(questionId)
    workRef(questionId).value = shown
    if (live) applyChanges(live.update(questionId, shown))
  }

  /**
   * Tries answers without touching the student's own: the walk, the outline and the conclusions
   * follow them until the student discards or keeps them. Trying more adds to what is tried; an
   * answer tried that is the student's own is no longer a difference.
   */
  function tryAnswers(changes: readonly { question: string; to: AnswerValue | undefined }[]) {
    if (!session.value || changes.length === 0) return
    const next = new Map(hypothetical.value ?? [])
    for (const { question: questionId, to } of changes) {
      if (question(questionId) === undefined) continue
      if (sameAnswer(storedWork(questionId)?.value, to)) next.delete(questionId)
      else next.set(questionId, Array.isArray(to) ? [...to] : to)
    }
    const touched = new Set([...(hypothetical.value?.keys() ?? []), ...next.keys()])
    hypothetical.value = next.size > 0 ? next : undefined
    for (const questionId of touched) showTried(questionId, hypothetical.value)
  }

  /** The answers the walk shows: the student's own, with any tried in their place (a new object when trying). */
  function shownAnswers(): Session['answers'] {
    const own = session.value?.answers ?? {}
    const tried = hypothetical.value
    if (!tried) return own
    const shown: Session['answers'] = { ...own }
    for (const questionId of tried.keys()) {
      const work = triedWork(questionId, tried.get(questionId))
      if (work) shown[questionId] = work
      else delete shown[questionId]
    }
    return shown
  }

  /** Forgets what was tried without re-evaluating (the walk is about to be rebuilt). */
  function dropHypothetical() {
    const tried = hypothetical.value
    if (!tried) return
    hypothetical.value = undefined
    for (const questionId of tried.keys()) workRef(questionId).value = storedWork(questionId)
  }

  /** Back to the student's own answers: everything tried is forgotten. */
  function discardHypothetical() {
    const tried = hypothetical.value
    if (!tried) return
    hypothetical.value = undefined
    for (const questionId of tried.keys()) showTried(questionId, undefined)
  }

  /**
   * Makes what was tried the student's own answers, each through `answer` (so later work turns
   * stale, committed answers record a revision, and the last change can be undone, as for any change).
   */
  function keepHypothetical() {
    const tried = hypothetical.value
    if (!tried) return
    discardHypothetical()
    const order = (questionId: string) => compiled.value?.questionIndex.get(questionId) ?? 0
    for (const questionId of [...tried.keys()].sort((a, b) => order(a) - order(b))) answer(questionId, tried.get(questionId))
  }

  // --- Opening and closing ---------------------------------------------------------------

  /** The opening under way, so that asking again for the same workbook waits for it rather than starting over. */
  let opening: { id: string; done: Promise<void> } | undefined

  /**
   * Loads a saved workbook and its rulebook; resumes from an emergency copy if that is newer.
   * Asking for the workbook already open (or opening) does nothing more; `loadState` says how it went.
   */
  function open(workbookId: string): Promise<void> {
    if (id.value === workbookId && loadState.value === 'ready') return Promise.resolve()
    if (opening?.id === workbookId) return opening.done
    const done = load(workbookId).finally(() => {
      if (opening?.done === done) opening = undefined
    })
    opening = { id: workbookId, done }
    return done
  }

  async function load(workbookId: string): Promise<void> {
    await shut()
    id.value = workbookId
    loadState.value = 'loading'
    loadError.value = undefined
    let record: WorkbookRecord | undefined
    try {
      record = await storage.getWorkbook(workbookId)
    } catch (error) {
      loadError.value = describeStorageError(error)
    }
    const stored = record?.session
    const revisionRead = record ? (record.revision ?? 0) : undefined
    // A copy exists only if the tab closed (or storage failed) before a save finished: unless the
    // saved workbook was edited later, the copy is at least as recent (it may hold a moved cursor).
    // A copy made from an older revision than the stored one is another tab's unsaved work: it
    // never replaces the newer save, and is kept as a copy of its own instead (below).
    let emergency = readEmergencyCopy(workbookId)
    const base = emergency && readEmergencyBase(workbookId)
    // A copy written as this same tab's last save was landing holds nothing that save did not:
    // it is dropped rather than kept as a second workbook.
    const outdated =
      emergency && stored && base !== undefined && revisionRead !== undefined && base < revisionRead && !sameWork(emergency, stored)
        ? emergency
        : undefined
    if (emergency && stored && base !== undefined && revisionRead !== undefined && base < revisionRead) {
      if (!outdated) clearEmergencyCopy(workbookId)
      emergency = undefined
    }
    const newer = emergency && (!stored || emergency.updatedAt >= stored.updatedAt)
    const loaded = newer ? emergency : stored
    if (id.value !== workbookId) return // another workbook was opened meanwhile
    if (!loaded) {
      loadState.value = loadError.value ? 'error' : 'not-found'
      return
    }
    // Let the workbook's shell paint before the rulebook is read, compiled and evaluated.
    await afterNextPaint()
    let found: Awaited<ReturnType<typeof rulebookStore.find>>
    try {
      found = await rulebookStore.find(loaded.rulebook)
    } catch {
      if (id.value !== workbookId) return
      session.value = loaded
      resetWork()
      loadError.value =
        'The rulebook for this workbook could not be loaded. Check your connection and reload the page.'
      loadState.value = 'error'
      return
    }
    if (id.value !== workbookId) return
    session.value = loaded
    // As stored, unless it came from the emergency copy: then the first save writes it all.
    unsaved = newer ? undefined : new Set()
    resetWork()
    if (!found) {
      loadState.value = 'no-rulebook'
      return
    }
    rulebookStore.use(found.loaded)
    rulebookChanged.value = found.changed
    saveStatus.value = 'idle'
    saveError.value = undefined
    storedRevision = revisionRead
    unsavedEdits = false
    backup = readBackupState(record?.backup)
    lastBackupAt.value = backup.at
    backupDue.value = isBackupDue(backup, new Date())
    loadState.value = 'ready'
    stopListening = listenToWorkbook(workbookId, onMessage)
    // Work recovered from the emergency copy goes back into IndexedDB (this tab now owns the copy).
    if (newer) {
      saveEmergencyCopy({ ...loaded, id: workbookId }, revisionRead, writer)
      touch(false)
    }
    if (outdated) await recoverOutdated(workbookId, outdated)
  }

  /** Keeps another tab's unsaved work, older than the stored workbook, as a workbook of its own. */
  async function recoverOutdated(workbookId: string, copy: Session) {
    try {
      const kept = await storeCopy(copy, 'unsaved work from another tab')
      clearEmergencyCopy(workbookId)
      if (id.value === workbookId) tabNotice.value = { kind: 'recovered', copyId: kept.id, copyTitle: kept.title }
    } catch {
      // Left in localStorage: the next opening tries again.
    }
  }

  /** Saves what is pending and forgets the workbook (the start page then reads fresh records). */
  async function close(): Promise<void> {
    opening = undefined
    await shut()
  }

  async function shut(): Promise<void> {
    await flush()
    stopListening?.()
    stopListening = undefined
    conflict.value = undefined
    tabNotice.value = undefined
    storedRevision = undefined
    lastChange.value = undefined
    id.value = undefined
    session.value = undefined
    unsaved = undefined
    resetWork()
    loadState.value = 'idle'
    rulebookChanged.value = false
    saveStatus.value = 'idle'
    saveError.value = undefined
  }

  // --- Saving ------------------------------------------------------------------------------

  let timer: ReturnType<typeof setTimeout> | undefined
  let dirty = false
  /**
   * The questions whose work changed since the last save: a save writes only their records
   * (persistence/storage.ts). Undefined when the whole workbook must be written (just opened).
   */
  let unsaved: Set<string> | undefined
  let saving: Promise<void> = Promise.resolve()

  /**
   * The session as it is now, to store: no copy of the answers. Work on a question is replaced,
   * never edited, and IndexedDB (or JSON, for the emergency copy) copies the record before the
   * student can type again; an edit landing in between only makes the saved copy newer.
   */
  function snapshot(): (Session & { id: string }) | undefined {
    if (!session.value || !id.value) return undefined
    return { ...session.value, id: id.value }
  }

  async function save(): Promise<void> {
    // Another tab's newer save is not written over: the student chooses what to do first.
    if (conflict.value) return
    const started = now()
    const saved = snapshot()
    const book = rulebook.value
    if (!saved || !book) return
    saveStatus.value = 'saving'
    let changed: Set<string> | undefined
    const edits = unsavedEdits
    unsavedEdits = false
    try {
      changed = unsaved
      unsaved = new Set()
      const stored = storage.saveWorkbook(
        {
          version: RECORD_VERSION,
          id: saved.id,
          session: saved,
          // The walk may show tried answers: the summary is of the student's own.
          summary: summarizeWorkbook(saved.id, saved, book, hypothetical.value && compiled.value ? evaluate(compiled.value, saved).progress : walk.progress),
          backup: { ...backup },
        },
        storedRevision,
        changed,
      )
      recount(changed)
      // Named timings, for the browser benchmark: the store's own work, then the whole save
      // (with the browser's copy into IndexedDB).
      measure('casework:save-snapshot', started)
      const outcome = await stored
      measure('casework:save', started)
      if (saved.id !== id.value) return // the workbook was closed or switched meanwhile
      if (!outcome.ok) {
        unsavedEdits ||= edits
        // Whatever this tab does next (load the newer version, or keep its own as a copy) writes it whole.
        unsaved = undefined
        refused(outcome.current)
        return
      }
      storedRevision = outcome.revision
      clearEmergencyCopy(saved.id, writer)
      if (!dirty) saveStatus.value = 'saved'
      saveError.value = undefined
      lastSavedAt.value = new Date().toISOString()
    } catch (error) {
      // Not stored: those questions are written with the next save (all of them, when in doubt).
      if (changed && unsaved) changed.forEach((questionId) => unsaved!.add(questionId))
      else unsaved = undefined
      unsavedEdits ||= edits
      saveStatus.value = 'error'
      saveError.value = describeStorageError(error)
      saveEmergencyCopy(saved, storedRevision, writer)
    }
  }

  const now = () => (typeof performance === 'undefined' ? 0 : performance.now())
  function measure(name: string, start: number) {
    if (typeof performance !== 'undefined' && typeof performance.measure === 'function') {
      performance.measure(name, { start, end: performance.now() })
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
    // In a conflict nothing is being saved: the copy keeps this tab's work (see recoverOutdated).
    if (!dirty && saveStatus.value !== 'saving' && !(conflict.value && unsavedEdits)) return
    const copy = snapshot()
    if (copy) saveEmergencyCopy(copy, storedRevision, writer)
    void flush()
  }

  // --- Other tabs --------------------------------------------------------------------------

  /** Stops saving, so another tab's newer save (or deletion) is not undone; the student chooses. */
  function enterConflict(kind: TabConflict['kind']) {
    clearTimeout(timer)
    timer = undefined
    dirty = false
    conflict.value = { kind }
    saveStatus.value = 'conflict'
  }

  /** A save was refused: the stored workbook is newer (or gone). */
  function refused(current: WorkbookRecord | undefined) {
    if (!current) enterConflict('deleted')
    else if (unsavedEdits) enterConflict('newer')
    else adopt(current) // nothing typed here since the last save: show the newer version
  }

  /** Shows a newer stored version in place of this tab's (which had no unsaved edits). */
  function adopt(record: WorkbookRecord) {
    if (record.session.rulebook.contentHash !== session.value?.rulebook.contentHash) {
      void reopen()
      return
    }
    clearTimeout(timer)
    timer = undefined
    dirty = false
    unsavedEdits = false
    storedRevision = record.revision ?? 0
    backup = readBackupState(record.backup)
    lastBackupAt.value = backup.at
    backupDue.value = isBackupDue(backup, new Date())
    conflict.value = undefined
    lastChange.value = undefined
    session.value = record.session
    resetWork()
    startWalk()
    saveStatus.value = 'saved'
    saveError.value = undefined
    tabNotice.value = { kind: 'updated' }
  }

  /** Opens the workbook afresh (another tab moved it to another rulebook version). */
  async function reopen() {
    const workbookId = id.value
    if (!workbookId) return
    clearTimeout(timer)
    timer = undefined
    dirty = false
    unsavedEdits = false
    conflict.value = undefined
    opening = undefined
    id.value = undefined
    await open(workbookId)
  }

  /** Another tab saved or deleted this workbook. */
  function onMessage(message: WorkbookMessage) {
    const workbookId = id.value
    if (message.id !== workbookId || conflict.value) return
    if (message.type === 'deleted') {
      enterConflict('deleted')
      return
    }
    if (storedRevision !== undefined && message.revision <= storedRevision) return // our own save
    if (unsavedEdits) {
      enterConflict('newer')
      return
    }
    void storage
      .getWorkbook(workbookId)
      .then((record) => {
        if (id.value !== workbookId || conflict.value || !record) return
        if (storedRevision !== undefined && (record.revision ?? 0) <= storedRevision) return
        if (unsavedEdits) enterConflict('newer')
        else adopt(record)
      })
      .catch(() => undefined) // the next save's revision check still protects the newer version
  }

  /** Stores a session as a new workbook beside this one. */
  async function storeCopy(source: Session, note: string) {
    const book = compiled.value
    if (!book) throw new Error('No rulebook is open')
    // Kept again: the workbook copied may have been deleted in another tab, its rulebook removed
    // since (storage.pruneRulebooks).
    if (rulebookStore.current) await rulebookStore.keep(rulebookStore.current)
    return storeWorkbookCopy(book, source, note)
  }

  /**
   * The student's choice in a conflict: keep this tab's version as a new workbook and go on
   * working in it here; the newer version stays as it is. Returns the copy's id (the view moves to
   * its address). Rejects, changing nothing, if the copy cannot be stored.
   */
  async function keepAsCopy(): Promise<string | undefined> {
    const mine = snapshot()
    if (!mine || !conflict.value) return undefined
    const kept = await storeCopy(mine, 'this tab’s version')
    stopListening?.()
    clearEmergencyCopy(mine.id, writer)
    id.value = kept.id
    session.value = { ...session.value!, id: kept.id, title: kept.title }
    storedRevision = kept.revision
    unsavedEdits = false
    dirty = false
    conflict.value = undefined
    saveStatus.value = 'saved'
    tabNotice.value = { kind: 'kept-copy', copyTitle: kept.title }
    stopListening = listenToWorkbook(kept.id, onMessage)
    return kept.id
  }

  /**
   * The student's other choice: show the newer version here. This tab's unsaved work is kept as a
   * workbook of its own first, so nothing is lost either way.
   */
  async function loadNewer(): Promise<void> {
    const mine = snapshot()
    if (!mine || !conflict.value) return
    const workbookId = mine.id
    const kept = unsavedEdits ? await storeCopy(mine, 'this tab’s unsaved version') : undefined
    clearEmergencyCopy(workbookId, writer)
    const record = await storage.getWorkbook(workbookId)
    if (id.value !== workbookId) return
    if (!record) {
      enterConflict('deleted')
      return
    }
    conflict.value = undefined
    adopt(record)
    if (kept) tabNotice.value = { kind: 'loaded-newer', copyId: kept.id, copyTitle: kept.title }
  }

  function dismissTabNotice() {
    tabNotice.value = undefined
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
    if (!copy) return
    downloadText(sessionToJson(copy), exportFileName(copy.title || 'workbook'))
    noteBackup()
    touch(false) // saves when the backup was taken
  }

  /** Records that a copy of the workbook was taken away (a download, or a write to the synced file). */
  function noteBackup(at = new Date().toISOString()) {
    backup = backedUp(at)
    lastBackupAt.value = at
    backupDue.value = false
  }

  /** The student dismissed the backup reminder: quiet until as much work again. */
  function dismissBackupReminder() {
    backup = dismissed(backup)
    backupDue.value = false
    touch(false)
  }

  // --- Editing -----------------------------------------------------------------------------

  function touch(edited = true) {
    // "Last edited" is not shown while editing, so it changes in place rather than re-rendering
    // everything that reads the session.
    if (edited && session.value) {
      const at = new Date().toISOString()
      session.value.updatedAt = at
      unsavedEdits = true
      countEdit(backup, at)
      if (!backupDue.value) backupDue.value = isBackupDue(backup, new Date())
    }
    revision.value++
  }

  /** Question fingerprints, computed once per question of the open rulebook. */
  const hashes = new Map<string, string>()
  watch(compiled, () => hashes.clear(), { flush: 'sync' })
  function fingerprint(questionId: string): string | undefined {
    let hash = hashes.get(questionId)
    if (hash === undefined) {
      const asked = question(questionId)
      if (!asked) return undefined
      hash = questionHash(asked)
      hashes.set(questionId, hash)
    }
    return hash
  }

  /**
   * Changes the work on one question: `change` edits a fresh copy (created on first edit), which
   * then replaces the old one, with its timestamps and question fingerprint kept up to date. Only
   * that question's readers, and the walk entries its answer affects, are updated.
   */
  function edit(questionId: string, change: (work: QuestionWork) => void) {
    const current = session.value
    // Nothing is written into a hypothetical: the student discards or keeps it first.
    if (!current || hypothetical.value) return
    const now = new Date().toISOString()
    const before = storedWork(questionId)
    const target: QuestionWork = before ? { ...before } : { createdAt: now, updatedAt: now }
    change(target)
    target.updatedAt = now
    const hash = fingerprint(questionId)
    if (hash) target.questionHash = hash
    current.answers[questionId] = target
    unsaved?.add(questionId)
    workRef(questionId).value = target
    if (live) applyChanges(live.update(questionId, target))
    touch()
  }

  /**
   * What the last change of an answer did elsewhere: the questions whose work it made stale and
   * those it newly asks, told where the change was made, with the work as it was before so that
   * the change can be undone.
   */
  const lastChange = shallowRef<AnswerChange>()

  /** Sets (or, with undefined, clears) the answer. Later work is never deleted: it may turn stale. */
  function answer(questionId: string, value: AnswerValue | undefined) {
    // While answers are being tried, answering tries one more.
    if (hypothetical.value) {
      tryAnswers([{ question: questionId, to: value }])
      return
    }
    const before = storedWork(questionId)
    const statusBefore = walk.questions.map((q) => q.status)
    edit(questionId, (target) => {
      if (value === undefined) delete target.value
      else target.value = Array.isArray(value) ? [...value] : value
      // A committed answer stays as committed; a change after it is recorded as a revision.
      if (target.committedAt !== undefined && !sameAnswer(before?.value, target.value)) {
        const revision: Revision = {
          at: new Date().toISOString(),
          afterReveal: revealed(questionId, target),
        }
        if (target.value !== undefined) revision.value = target.value
        target.revisions = [...(target.revisions ?? []), revision]
      }
    })
    const stale: string[] = []
    const asked: string[] = []
    walk.questions.forEach((q, i) => {
      const was = statusBefore[i]
      if (q.status === 'stale' && was !== 'stale') stale.push(q.id)
      else if (
        (q.status === 'to-answer' || q.status === 'answered') &&
        was !== 'to-answer' &&
        was !== 'answered'
      )
        asked.push(q.id)
    })
    lastChange.value = { questionId, before, stale, asked }
  }

  /** Undoes the last change of an answer: the work on that question goes back to what it was. */
  function undoLastChange() {
    const change = lastChange.value
    const current = session.value
    if (!change || !current || hypothetical.value) return
    lastChange.value = undefined
    const restored = change.before
    if (restored) current.answers[change.questionId] = restored
    else delete current.answers[change.questionId]
    unsaved?.add(change.questionId)
    workRef(change.questionId).value = restored
    if (live) applyChanges(live.update(change.questionId, restored))
    touch()
  }

  /** Whether the model answer of a question is shown to the student once the work is committed. */
  function revealed(questionId: string, target: QuestionWork): boolean {
    const model = question(questionId)?.modelAnswer
    if (!model) return false
    const reveal = model.reveal ?? 'after-commit'
    return reveal === 'always' || (reveal === 'after-commit' && target.committedAt !== undefined)
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
      const at = new Date().toISOString()
      target.committedAt = at
      // Frozen: later edits change the work, never what was committed.
      const committed: CommittedWork = { at }
      if (target.value !== undefined)
        committed.value = Array.isArray(target.value) ? [...target.value] : target.value
      if (target.reasoning) committed.reasoning = { ...target.reasoning }
      if (target.confidence) committed.confidence = target.confidence
      target.committed = committed
    })
  }

  /** Remembers where the student is, so the workbook resumes there. Not an edit: "last edited" stays. */
  function goTo(questionId: string) {
    if (!session.value || session.value.currentQuestion === questionId) return
    session.value = { ...session.value, currentQuestion: questionId }
    touch(false)
  }

  function rename(title: string) {
    if (!session.value) return
    session.value = { ...session.value, title }
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
    conflict,
    tabNotice,
    keepAsCopy,
    loadNewer,
    dismissTabNotice,
    backupDue,
    lastBackupAt,
    noteBackup,
    dismissBackupReminder,
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
    lastChange,
    undoLastChange,
    hypothetical,
    tryAnswers,
    shownAnswers,
    discardHypothetical,
    keepHypothetical,
    workCounts,
    goTo,
    rename,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkbookStore, import.meta.hot))
