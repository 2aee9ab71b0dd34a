import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, toRaw } from 'vue'
import { compileRulebook } from '@/engine/compile'
import type { ClassNotes, ClassOverview, ClassStudent } from '@/class/model'
import type { ResponsePage, ResponseQuery } from '@/class/view'
import type { ClassReply, ClassRequest, ClassTimings } from '@/workers/class-protocol'
import { loadClassNotes, saveClassNotes } from '@/persistence/class-notes'
import type { LoadedRulebook } from './rulebook'

/** Where loading the class stands. */
export type ClassStatus = 'idle' | 'loading' | 'ready' | 'error'

/** Files handed to the worker per message (and per task). */
const filesPerMessage = 10

type Pending = { resolve: (reply: ClassReply) => void; reject: (error: Error) => void }

/**
 * The class the instructor is reading: the rulebook, the figures, and the instructor's notes,
 * kept in IndexedDB. The sessions stay in a worker, which counted them: the page holds only the
 * figures and asks the worker for the work it shows. Nothing here is made deeply reactive: the
 * figures are read-only data, and proxying them would cost more than counting them.
 */
export const useClassStore = defineStore('class', () => {
  const rulebook = shallowRef<LoadedRulebook>()
  const compiled = computed(() => (rulebook.value ? markRaw(compileRulebook(rulebook.value.rulebook)) : undefined))
  const overview = shallowRef<ClassOverview>()
  const status = ref<ClassStatus>('idle')
  const error = ref<string>()
  const progress = ref({ done: 0, total: 0 })
  const notes = ref<ClassNotes>({ questions: {}, students: {} })
  const notesStatus = ref<'idle' | 'saving' | 'saved' | 'error'>('idle')
  /** How long the last load took, from the files chosen to the figures received, in ms. */
  const loadTime = ref<number>()
  /** Where the worker spent the last load, in ms. */
  const timings = ref<ClassTimings>()
  let worker: Worker | undefined
  let nextId = 1
  const pending = new Map<number, Pending>()

  function stopWorker() {
    worker?.terminate()
    worker = undefined
    for (const { reject } of pending.values()) reject(new Error('The class was closed.'))
    pending.clear()
  }

  async function chooseRulebook(loaded: LoadedRulebook) {
    stopWorker()
    rulebook.value = markRaw({ ...toRaw(loaded), rulebook: markRaw(toRaw(loaded.rulebook)) })
    overview.value = undefined
    status.value = 'idle'
    // Compiled now, while the instructor chooses the files, rather than when the figures arrive.
    void compiled.value
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
    stopWorker()
    // Marks for the browser bench, which times the page's tasks against them.
    performance.mark('class-load')
    const started = performance.now()
    status.value = 'loading'
    error.value = undefined
    overview.value = undefined
    progress.value = { done: 0, total: files.length }
    const current = (worker = new Worker(new URL('../workers/class.worker.ts', import.meta.url), { type: 'module' }))
    return new Promise((resolve) => {
      const failed = (message: string) => {
        error.value = message
        status.value = 'error'
        if (worker === current) stopWorker()
        resolve()
      }
      current.onmessage = (event: MessageEvent<ClassReply>) => {
        const reply = event.data
        if ('id' in reply && reply.id !== undefined) {
          const waiting = pending.get(reply.id)
          pending.delete(reply.id)
          if (reply.type === 'error') waiting?.reject(new Error(reply.message))
          else waiting?.resolve(reply)
          return
        }
        switch (reply.type) {
          case 'progress':
            progress.value = { done: reply.done, total: reply.total }
            break
          case 'done':
            performance.mark('class-figures')
            timings.value = reply.timings
            overview.value = markRaw(reply.overview)
            status.value = 'ready'
            loadTime.value = performance.now() - started
            resolve()
            break
          case 'error':
            failed(reply.message)
            break
        }
      }
      current.onerror = (event) => failed(event.message || 'The files could not be read.')
      // Plain data only: a reactive proxy cannot be cloned into the worker. The files go over a
      // few at a time, one message per task: copying a file's handle is not free.
      const all = files.map(toRaw)
      const send = (from: number) => {
        if (worker !== current) return
        try {
          const chunk = all.slice(from, from + filesPerMessage)
          const more = from + filesPerMessage < all.length
          const request: ClassRequest =
            from === 0
              ? { type: 'load', rulebook: toRaw(chosen.rulebook), contentHash: chosen.contentHash, files: chunk, more, total: all.length }
              : { type: 'files', files: chunk, more }
          current.postMessage(request)
          if (more) setTimeout(() => send(from + filesPerMessage))
          else performance.mark('class-sent')
        } catch (failure) {
          failed((failure as Error).message)
        }
      }
      send(0)
    })
  }

  /** Asks the worker that holds the class; rejects when no class is loaded or the request fails. */
  function ask<T extends ClassReply['type']>(request: ClassRequest & { id: number }, type: T): Promise<Extract<ClassReply, { type: T }>> {
    const current = worker
    if (!current || status.value !== 'ready') return Promise.reject(new Error('No class is loaded.'))
    return new Promise((resolve, reject) => {
      pending.set(request.id, {
        resolve: (reply) => (reply.type === type ? resolve(reply as Extract<ClassReply, { type: T }>) : reject(new Error(`Unexpected ${reply.type}`))),
        reject,
      })
      current.postMessage(request)
    })
  }

  /** A page of the students' work on a question, filtered and searched in the worker. */
  async function responses(query: ResponseQuery): Promise<ResponsePage> {
    return (await ask({ type: 'page', id: nextId++, query: { ...query } }, 'page')).page
  }

  /** One student's session, for their report; undefined when no class holds them. */
  async function student(key: string): Promise<ClassStudent | undefined> {
    if (status.value !== 'ready') return undefined
    return (await ask({ type: 'student', id: nextId++, key }, 'student')).student
  }

  /** The class as CSV, with the notes, written in the worker. */
  async function csv(): Promise<string> {
    const plain = JSON.parse(JSON.stringify(notes.value)) as ClassNotes
    return (await ask({ type: 'csv', id: nextId++, notes: plain }, 'csv')).text
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

  return {
    rulebook,
    compiled,
    overview,
    status,
    error,
    progress,
    notes,
    notesStatus,
    loadTime,
    timings,
    chooseRulebook,
    load,
    setNote,
    responses,
    student,
    csv,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useClassStore, import.meta.hot))
