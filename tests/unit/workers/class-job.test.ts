import { describe, expect, it } from 'vitest'
import { createClassJob } from '../../../src/workers/class-job.ts'
import type { ClassReply } from '../../../src/workers/class-protocol.ts'
import { loadFixtureRulebook, smallRulebookPath } from '../../fixtures/report/load.ts'
import { seminarTexts } from '../../fixtures/class/seminar.ts'

const { rulebook, hash } = loadFixtureRulebook(smallRulebookPath)
const files = Object.entries(seminarTexts(hash)).map(([name, text]) => ({ name, text }))

/** A job whose replies are kept, as the page would receive them (copied, as postMessage does). */
function job() {
  const replies: ClassReply[] = []
  const { handle } = createClassJob((reply) => replies.push(structuredClone(reply)))
  return { handle, replies }
}

describe('workers/class-job', () => {
  it('reads the files handed over in several messages, in the order given, and sends the figures only', async () => {
    const { handle, replies } = job()
    const loading = handle({ type: 'load', rulebook, contentHash: hash, files: files.slice(0, 3), more: true, total: files.length })
    await handle({ type: 'files', files: files.slice(3, 6), more: true })
    await handle({ type: 'files', files: files.slice(6), more: false })
    await loading
    const done = replies.find((r) => r.type === 'done')
    if (done?.type !== 'done') throw new Error('no figures')
    expect(done.overview.summaries.map((s) => s.file)).toEqual([
      'ada.casework.json',
      'bob.casework.json',
      'cleo.casework.json',
      'dan.casework.json',
      'eve.casework.json',
    ])
    expect(done.overview.rejected).toHaveLength(4)
    expect(JSON.stringify(done)).not.toContain('consent must be valid')
    expect(Object.keys(done.timings).sort()).toEqual(['aggregate', 'check', 'digest', 'read'])
    const progress = replies.filter((r) => r.type === 'progress')
    expect(progress.at(-1)).toEqual({ type: 'progress', done: files.length, total: files.length })
    expect(replies.indexOf(done)).toBe(replies.length - 1)
  })

  it('answers a page, a student and the CSV by the request’s id, from the class it keeps', async () => {
    const { handle, replies } = job()
    await handle({ type: 'load', rulebook, contentHash: hash, files })
    await handle({ type: 'page', id: 7, query: { question: 'basis', filter: 'option:consent', search: '', offset: 0, limit: 20 } })
    await handle({ type: 'student', id: 8, key: 'wb-ada' })
    await handle({ type: 'student', id: 9, key: 'nobody' })
    await handle({ type: 'csv', id: 10, notes: { questions: { basis: 'Week 4' }, students: {} } })
    const byId = (id: number) => replies.find((r) => 'id' in r && r.id === id)
    const page = byId(7)
    expect(page?.type === 'page' && page.page.cards.map((c) => c.name)).toEqual(['Bob <script>alert(1)</script>'])
    expect(page?.type === 'page' && page.page.cards[0]!.reasoning.flat().join(' ')).toContain('consent must be valid')
    const ada = byId(8)
    expect(ada?.type === 'student' && ada.student?.session.answers['use-of-force']?.value).toBe('yes')
    expect(byId(9)).toEqual({ type: 'student', id: 9, student: undefined })
    const csv = byId(10)
    expect(csv?.type === 'csv' && csv.text.split('\r\n')[0]).toMatch(/^student,file,scenario/)
    expect(csv?.type === 'csv' && csv.text).toContain('Week 4')
  })

  it('answers an error, by id, when no class is loaded, and reports an unreadable file without stopping', async () => {
    const { handle, replies } = job()
    await handle({ type: 'page', id: 1, query: { question: 'basis', filter: '', search: '', offset: 0, limit: 20 } })
    expect(replies).toEqual([{ type: 'error', id: 1, message: 'No class is loaded.' }])
    const broken = { name: 'gone.json', text: () => Promise.reject(new Error('the file was moved')) } as unknown as File
    await handle({ type: 'load', rulebook, contentHash: hash, files: [broken, ...files] })
    const done = replies.find((r) => r.type === 'done')
    expect(done?.type === 'done' && done.overview.rejected.find((r) => r.file === 'gone.json')?.reason).toContain('the file was moved')
    expect(done?.type === 'done' && done.overview.summaries).toHaveLength(5)
  })
})
