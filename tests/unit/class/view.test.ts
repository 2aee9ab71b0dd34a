import { describe, expect, it } from 'vitest'
import { aggregateClass } from '../../../src/class/aggregate.ts'
import { collectStudents, readSessionFile, repeatsAKey } from '../../../src/class/load.ts'
import { maxPageSize, overviewOf, responsePage } from '../../../src/class/view.ts'
import { loadFixtureRulebook, smallRulebookPath } from '../../fixtures/report/load.ts'
import { seminarFiles, seminarTexts } from '../../fixtures/class/seminar.ts'
import type { Session } from '../../../src/engine/generated/session.ts'

const { compiled, hash } = loadFixtureRulebook(smallRulebookPath)

function seminar() {
  const { students, rejected } = collectStudents(
    Object.entries(seminarTexts(hash)).map(([file, text]) => readSessionFile(compiled, hash, file, text)),
  )
  return aggregateClass(compiled, hash, students, rejected)
}
const query = { question: 'basis', filter: '', search: '', offset: 0, limit: 20 }

describe('class/view', () => {
  it('sends the page the figures without any session or any student’s work', () => {
    const aggregate = seminar()
    const overview = overviewOf(aggregate)
    const text = JSON.stringify(overview)
    expect(text).not.toContain('consent must be valid')
    expect(text).not.toContain('"session"')
    expect(text).not.toContain('"responses"')
    // The figures themselves are those of the aggregate.
    const basis = aggregate.questions.find((q) => q.id === 'basis')!.scenarios[0]!
    const shown = overview.questions.find((q) => q.id === 'basis')!.scenarios[0]!
    expect(shown.options).toEqual(basis.options)
    expect(shown.worked).toBe(basis.responses.length)
    expect(overview.summaries).toBe(aggregate.summaries)
    expect(structuredClone(overview)).toEqual(overview)
  })

  it('filters the work on a question by answer, with the reasoning of those shown', () => {
    const aggregate = seminar()
    const none = responsePage(aggregate, { ...query, filter: 'option:none' })
    expect(none.total).toBe(2)
    expect(none.cards.map((c) => c.name).sort()).toEqual(['Ada Lovelace', 'Eve'].sort())
    const consent = responsePage(aggregate, { ...query, filter: 'option:consent' })
    expect(consent.total).toBe(1)
    expect(consent.cards[0]!.name).toBe('Bob <script>alert(1)</script>')
    expect(consent.cards[0]!.reasoning.map(([heading]) => heading)).toEqual(['Rule'])
    expect(consent.cards[0]!.reasoning.flat().join(' ')).toContain('consent must be valid')
  })

  it('searches the names and the reasoning in any case', () => {
    const aggregate = seminar()
    expect(responsePage(aggregate, { ...query, search: 'CONSENT MUST' }).cards.map((c) => c.key)).toEqual(['wb-bob'])
    expect(responsePage(aggregate, { ...query, search: 'ada love' }).cards.map((c) => c.key)).toEqual(['wb-ada'])
    expect(responsePage(aggregate, { ...query, search: 'nobody wrote this' }).total).toBe(0)
  })

  it('pages: the total stays, the cards follow on, and a page is never larger than the most allowed', () => {
    const aggregate = seminar()
    const all = responsePage(aggregate, query)
    expect(all.total).toBeGreaterThan(2)
    const first = responsePage(aggregate, { ...query, limit: 2 })
    const rest = responsePage(aggregate, { ...query, offset: 2, limit: 2 })
    expect(first.total).toBe(all.total)
    expect([...first.cards, ...rest.cards].map((c) => c.student)).toEqual(all.cards.slice(0, 4).map((c) => c.student))
    expect(responsePage(aggregate, { ...query, limit: 10 * maxPageSize }).cards.length).toBeLessThanOrEqual(maxPageSize)
    expect(responsePage(aggregate, { ...query, question: 'no-such-question' })).toMatchObject({ total: 0, cards: [] })
  })
})

describe('class/load: the quick read', () => {
  it.each([
    ['{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}', false],
    ['{"a":1,"a":2}', true],
    ['{"x":{"k":"v","k":"w"}}', true],
    ['{"a\\u0062":1,"ab":2}', true],
    ['{"text":"a \\" quote, \\"a\\": and a key-like \\\\","a":1}', false],
    ['[{"a":1},{"a":1}]', false],
  ])('finds a key written twice in one object: %s', (text, repeats) => {
    JSON.parse(text)
    expect(repeatsAKey(text)).toBe(repeats)
  })

  it('leaves out a session that writes a key twice, as the careful read does', () => {
    const ada = JSON.stringify(seminarFiles(hash)['ada.casework.json'] as Session)
    const twice = ada.replace('"scenario":"harbour"', '"scenario":"harbour","scenario":"harbour"')
    expect(twice).not.toBe(ada)
    const result = readSessionFile(compiled, hash, 'twice.json', twice)
    expect(result).toMatchObject({ rejected: { code: 'not-a-session' } })
    expect('rejected' in result && result.rejected.reason).toMatch(/twice/)
  })

  it('reads a file with a byte-order mark and Windows line endings as the same session', () => {
    const ada = seminarFiles(hash)['ada.casework.json'] as Session
    const result = readSessionFile(compiled, hash, 'bom.json', `\uFEFF${JSON.stringify(ada, null, 2).replace(/\n/g, '\r\n')}`)
    expect('student' in result && result.student.session).toEqual(ada)
  })
})
