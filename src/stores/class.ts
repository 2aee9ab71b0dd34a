import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, toRaw } from 'vue'
import { compileRulebook } from '@/engine/compile'
import type { ClassAggregate, ClassNotes, ClassStudent } from '@/class/model'
import type { ClassReply } from '@/workers/class-protocol'
import { loadClassNotes, saveClassNotes } from '@/persistence/class-notes'
import type { LoadedRulebook } from './rulebook'

/** Where loading the class stands. */
export type ClassStatus = 'idle' | 'loading' | 'ready' | 'error'

/**
 * The class the instructor is reading: the rulebook, the figures (counted in a worker), and the
 * instructor's notes, kept in IndexedDB. Nothing here is made deeply reactive: a class of 2,000
 * sessions is read-only data, and proxying it would cost more than counting it.
 */
export const useClassStore = defineStore('class', () => {
  const rulebook = shallowRef<LoadedRulebook>()
  const compiled = computed(() => (rulebook.value ? markRaw(compileRulebook(rulebook.value.rulebook)) : undefined))
  const aggregate = shallowRef<ClassAggregate>()
  const status = ref<ClassStatus>('idle')
  const error = ref<string>()
  const progress = ref({ done: 0, total: 0 })
  const notes = ref<ClassNotes>({ questions: {}, students: {} })
  const notesStatus = ref<'idle' | 'saving' | 'saved' | 'error'>('idle')
  /** How long the last load took, from the files chosen to the figures shown, in ms. */
  const loadTime = ref<number>()
  let worker: Worker | undefined

  async function chooseRulebook(loaded: LoadedRulebook) {
    rulebook.value = markRaw({ ...toRaw(loaded), rulebook: markRaw(toRaw(loaded.rulebook)) })
    aggregate.value = undefined
    status.value = 'idle'
    try {
      notes.value = await loadClassNotes(loaded.rulebook.id)
    } catch {
      notes.value = { questions: {}, students: {} }
    }
  }

  /** Reads the files in a worker; resolves when the class is counted (or could not be). */
  function load(files: File[]): Promise<void> {
    const chosen = rulebook.value
    if (!chosen) return Promise.resolve()
    worker?.terminate()
    const started = performance.now()
    status.value = 'loading'
    error.value = undefined
    progress.value = { done: 0, total: files.length }
    const students: ClassStudent[] = []
    const questions: ClassAggregate['questions'] = []
    const current = (worker = new Worker(new URL('../workers/class.worker.ts', import.meta.url), { type: 'module' }))
    return new Promise((resolve) => {
      const finish = () => {
        current.terminate()
        if (worker === current) worker = undefined
        resolve()
      }
      current.onmessage = (event: MessageEvent<ClassReply>) => {
        const reply = event.data
        switch (reply.type) {
          case 'progress':
            progress.value = { done: reply.done, total: reply.total }
            break
          case 'students':
            for (const student of reply.students) students.push(markRaw(student))
            break
          case 'questions':
            questions.push(...reply.questions)
            break
          case 'done':
            aggregate.value = markRaw({ ...reply.aggregate, students, questions })
            status.value = 'ready'
            loadTime.value = performance.now() - started
            finish()
            break
          case 'error':
            error.value = reply.message
            status.value = 'error'
            finish()
            break
        }
      }
      current.onerror = (event) => {
        error.value = event.message || 'The files could not be read.'
        status.value = 'error'
        finish()
      }
      try {
        // Plain data only: a reactive proxy cannot be cloned into the worker.
        current.postMessage({ rulebook: toRaw(chosen.rulebook), contentHash: chosen.contentHash, files: files.map(toRaw) })
      } catch (failure) {
        error.value = (failure as Error).message
        status.value = 'error'
        finish()
      }
    })
  }

  let saveTimer: ReturnType<typeof setTimeout> | undefined
  /** Sets a note (empty removes it) and saves the notes shortly after the last keystroke. */
  function setNote(kind: keyof ClassNotes, key: string, text: string) {
    const next = { ...notes.value[kind] }
    if (text.trim()) next[key] = text
    else delete next[key]
    notes.value = { ...notes.value, [kind]: next }
    const id = rulebook.value?.rulebook.id
    if (!id) return
    clearTimeout(saveTimer)
    notesStatus.value = 'saving'
    saveTimer = setTimeout(() => {
      saveClassNotes(id, notes.value).then(
        () => (notesStatus.value = 'saved'),
        () => (notesStatus.value = 'error'),
      )
    }, 400)
  }

  function student(key: string): ClassStudent | undefined {
    return aggregate.value?.students.find((s) => s.key === key)
  }

  return {
    rulebook,
    compiled,
    aggregate,
    status,
    error,
    progress,
    notes,
    notesStatus,
    loadTime,
    chooseRulebook,
    load,
    setNote,
    student,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useClassStore, import.meta.hot))
