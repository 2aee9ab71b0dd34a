/**
 * Reads a class's session files off the main thread: each file (or each file inside a zip) is
 * validated and checked against the rulebook, then the class is counted. Progress and the
 * students go back in small messages, so the page stays responsive however large the class.
 */
import { compileRulebook } from '@/engine/compile'
import { collectStudents, readSessionFile, type ReadResult } from '@/class/load'
import { aggregateClass } from '@/class/aggregate'
import type { ClassReply, ClassRequest } from './class-protocol'

const post = (reply: ClassReply) => (self as unknown as Worker).postMessage(reply)

/** The session files in a zip, by their path inside it; folders and other files are skipped. */
async function unzipSessions(file: File): Promise<{ name: string; text: string }[]> {
  const { unzipSync, strFromU8 } = await import('fflate')
  const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
    filter: (entry) => entry.name.toLowerCase().endsWith('.json') && !entry.name.startsWith('__MACOSX/'),
  })
  return Object.entries(entries).map(([name, data]) => ({ name: `${file.name}/${name}`, text: strFromU8(data) }))
}

self.onmessage = async (event: MessageEvent<ClassRequest>) => {
  try {
    const { rulebook, contentHash, files } = event.data
    const compiled = compileRulebook(rulebook)
    const results: ReadResult[] = []
    let total = files.length
    let done = 0
    let lastPost = 0
    for (const file of files) {
      const texts: { name: string; text: string }[] = []
      try {
        if (file.name.toLowerCase().endsWith('.zip')) {
          const inside = await unzipSessions(file)
          total += inside.length - 1
          texts.push(...inside)
        } else {
          texts.push({ name: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, text: await file.text() })
        }
      } catch (error) {
        results.push({ rejected: { file: file.name, code: 'unreadable', reason: `The file cannot be read (${(error as Error).message}).` } })
      }
      for (const { name, text } of texts) {
        results.push(readSessionFile(compiled, contentHash, name, text))
        done++
        const now = performance.now()
        if (now - lastPost > 50) {
          lastPost = now
          post({ type: 'progress', done, total })
        }
      }
      if (texts.length === 0) done++
    }
    post({ type: 'progress', done: total, total })
    const { students, rejected } = collectStudents(results)
    // Small messages: each is copied into the page in one task, which must stay short.
    for (let i = 0; i < students.length; i += 10) post({ type: 'students', students: students.slice(i, i + 10) })
    const { students: _sent, questions, ...aggregate } = aggregateClass(compiled, contentHash, students, rejected)
    void _sent
    const perMessage = Math.max(1, Math.floor(2000 / Math.max(1, students.length)))
    for (let i = 0; i < questions.length; i += perMessage) post({ type: 'questions', questions: questions.slice(i, i + perMessage) })
    post({ type: 'done', aggregate })
  } catch (error) {
    post({ type: 'error', message: (error as Error).message })
  }
}
