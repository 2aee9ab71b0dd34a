/**
 * The class worker's work, as a function the tests run in Node: read and check the files, count
 * the class, and keep it (with every session) to answer the page's requests. Only the figures and
 * the page of work on screen ever cross to the page.
 */
import { compileRulebook } from '@/engine/compile'
import { collectStudents, readSessionFile, type ReadResult } from '@/class/load'
import { aggregateClass, digestStudent, type StudentDigest } from '@/class/aggregate'
import { renderClassCsv } from '@/class/csv'
import { overviewOf, responsePage } from '@/class/view'
import type { CompiledRulebook } from '@/engine/compile'
import type { ClassAggregate, ClassStudent } from '@/class/model'
import type { ClassFile, ClassReply, ClassRequest } from './class-protocol'

/** The session files in a zip, by their path inside it; folders and other files are skipped. */
async function unzipSessions(file: File): Promise<{ name: string; text: string }[]> {
  const { unzipSync, strFromU8 } = await import('fflate')
  const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
    filter: (entry) => entry.name.toLowerCase().endsWith('.json') && !entry.name.startsWith('__MACOSX/'),
  })
  return Object.entries(entries).map(([name, data]) => ({ name: `${file.name}/${name}`, text: strFromU8(data) }))
}

async function textsOf(file: ClassFile): Promise<{ name: string; text: string }[]> {
  if ('text' in file && typeof file.text === 'string') return [{ name: file.name, text: file.text }]
  const blob = file as File
  if (blob.name.toLowerCase().endsWith('.zip')) return unzipSessions(blob)
  return [{ name: (blob as File & { webkitRelativePath?: string }).webkitRelativePath || blob.name, text: await blob.text() }]
}

/** How often progress is posted at most, in ms: each message is a task on the page. */
const progressEvery = 50
/** Files read at the same time. */
const readersAtOnce = 8

/** A class kept in the worker, answering requests by posting replies. */
export function createClassJob(post: (reply: ClassReply) => void) {
  let loaded: { compiled: CompiledRulebook; aggregate: ClassAggregate } | undefined
  /** The files of the load under way: the page hands them over a few at a time. */
  let inbox: { files: ClassFile[]; more: boolean; waiting: (() => void)[] } | undefined

  function receive(files: ClassFile[], more: boolean) {
    if (!inbox) return
    inbox.files.push(...files)
    inbox.more = more
    for (const wake of inbox.waiting.splice(0)) wake()
  }

  async function load(request: Extract<ClassRequest, { type: 'load' }>) {
    loaded = undefined
    const box: NonNullable<typeof inbox> = { files: [...request.files], more: request.more ?? false, waiting: [] }
    inbox = box
    const { rulebook, contentHash } = request
    const started = performance.now()
    // One compiled rulebook for every session: reading, checking and walking all share it.
    const compiled = compileRulebook(rulebook)
    // Results by file, so that the class keeps the order the files were given in.
    const results: ReadResult[][] = []
    // Each student is walked as their file arrives, while the other files are still being read.
    const digests = new Map<ClassStudent, StudentDigest>()
    let check = 0
    let digest = 0
    let total = request.total ?? request.files.length
    let done = 0
    let lastPost = 0
    let next = 0

    async function readOne(index: number, file: ClassFile) {
      const found: ReadResult[] = (results[index] = [])
      let texts: { name: string; text: string }[] = []
      try {
        texts = await textsOf(file)
        total += texts.length - 1
      } catch (error) {
        found.push({ rejected: { file: file.name, code: 'unreadable', reason: `The file cannot be read (${(error as Error).message}).` } })
        done++
      }
      const checking = performance.now()
      for (const { name, text } of texts) {
        found.push(readSessionFile(compiled, contentHash, name, text))
        done++
      }
      const digesting = performance.now()
      check += digesting - checking
      for (const result of found) if ('student' in result) digests.set(result.student, digestStudent(compiled, result.student))
      const now = performance.now()
      digest += now - digesting
      if (now - lastPost > progressEvery) {
        lastPost = now
        post({ type: 'progress', done, total })
      }
    }
    // Several files are read at once: reading a file is mostly waiting for the browser.
    async function reader() {
      for (;;) {
        if (next < box.files.length) {
          const index = next++
          await readOne(index, box.files[index]!)
        } else if (box.more) {
          await new Promise<void>((wake) => box.waiting.push(wake))
        } else return
      }
    }
    await Promise.all(Array.from({ length: readersAtOnce }, reader))
    if (inbox === box) inbox = undefined
    post({ type: 'progress', done: total, total })
    const counting = performance.now()
    const { students, rejected } = collectStudents(results.flat())
    const aggregate = aggregateClass(compiled, contentHash, students, rejected, digests)
    loaded = { compiled, aggregate }
    const overview = overviewOf(aggregate)
    const finished = performance.now()
    const timings = { read: counting - started - check - digest, check, digest, aggregate: finished - counting }
    post({ type: 'done', overview, timings })
  }

  /** Answers one request; never throws (a failure is posted as an error). */
  async function handle(request: ClassRequest): Promise<void> {
    try {
      if (request.type === 'load') return await load(request)
      if (request.type === 'files') return receive(request.files, request.more)
      if (!loaded) throw new Error('No class is loaded.')
      const { compiled, aggregate } = loaded
      switch (request.type) {
        case 'page':
          return post({ type: 'page', id: request.id, page: responsePage(aggregate, request.query) })
        case 'student':
          return post({ type: 'student', id: request.id, student: aggregate.students.find((s) => s.key === request.key) })
        case 'csv':
          return post({ type: 'csv', id: request.id, text: renderClassCsv(compiled, aggregate, request.notes) })
        default: {
          const never: never = request
          throw new Error(`Unknown request ${(never as { type: string }).type}`)
        }
      }
    } catch (error) {
      post({ type: 'error', ...('id' in request ? { id: request.id } : {}), message: (error as Error).message })
    }
  }

  return { handle }
}
