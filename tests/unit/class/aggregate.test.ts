import { describe, expect, it } from 'vitest'
import { aggregateClass, countWords, digestStudent } from '../../../src/class/aggregate.ts'
import { collectStudents, readSessionFile } from '../../../src/class/load.ts'
import { loadFixtureRulebook, readText, smallRulebookPath } from '../../fixtures/report/load.ts'
import { seminarTexts } from '../../fixtures/class/seminar.ts'

const { compiled, hash } = loadFixtureRulebook(smallRulebookPath)

function seminar() {
  const texts = seminarTexts(hash)
  const { students, rejected } = collectStudents(
    Object.entries(texts).map(([file, text]) => readSessionFile(compiled, hash, file, text)),
  )
  return aggregateClass(compiled, hash, students, rejected)
}

const question = (id: string, scenario = 'harbour') => {
  const found = seminar().questions.find((q) => q.id === id)!
  return found.scenarios.find((s) => s.scenario === scenario)!
}

describe('class/aggregate', () => {
  it('keeps the files on disk in step with the seminar fixture', () => {
    for (const [file, text] of Object.entries(seminarTexts(hash)))
      expect(readText(`tests/fixtures/class/seminar/${file}`), file).toBe(text)
  })

  it('keeps the five students, in the order given, and leaves out four files with their reasons', () => {
    const aggregate = seminar()
    expect(aggregate.students.map((s) => s.file)).toEqual([
      'ada.casework.json',
      'bob.casework.json',
      'cleo.casework.json',
      'dan.casework.json',
      'eve.casework.json',
    ])
    const rejected = Object.fromEntries(aggregate.rejected.map((r) => [r.file, r]))
    expect(rejected['bob-older.casework.json']!.code).toBe('duplicate')
    expect(rejected['bob-older.casework.json']!.reason).toContain('bob.casework.json, which is newer')
    expect(rejected['stranger.casework.json']!.code).toBe('another-rulebook')
    expect(rejected['stranger.casework.json']!.reason).toContain('`another-rulebook`')
    expect(rejected['tampered.casework.json']!.code).toBe('not-a-session')
    expect(rejected['broken.casework.json']!.code).toBe('unreadable')
    expect(aggregate.rejected).toHaveLength(4)
  })

  it('counts the answers to a yes-no question, with confidence, commitment and revision', () => {
    const q = question('use-of-force')
    // Ada, Bob, Cleo and Dan are all asked; Dan has not answered.
    expect({ asked: q.asked, answered: q.answered }).toEqual({ asked: 4, answered: 3 })
    expect(q.options.map((o) => [o.id, o.count])).toEqual([['yes', 2], ['no', 1]])
    expect(q.confidence).toEqual({ high: 1, medium: 1, low: 1, none: 0 })
    // Ada and Bob committed; only Ada changed her work after the model answer was revealed.
    expect({ committed: q.committed, revised: q.revised, stale: q.stale }).toEqual({ committed: 2, revised: 1, stale: 0 })
    expect(q.citedFacts).toEqual([{ id: 'strike-acknowledged', label: '¶1', count: 1 }])
    expect(q.uncitedRelevantFacts).toEqual([])
  })

  it('gives the spread of a scale, counting a student still waiting as asked', () => {
    const q = question('gravity')
    expect({ asked: q.asked, answered: q.answered }).toEqual({ asked: 3, answered: 2 })
    expect(q.scale!.values.map((v) => v.count)).toEqual([0, 1, 0, 1, 0])
    expect(q.scale).toMatchObject({ min: 2, max: 4, median: 3, mean: 3 })
    expect(q.citedFacts.map((f) => f.label)).toEqual(['¶3'])
    expect(question('gravity', 'high-seas').scale).toMatchObject({ min: 5, max: 5, median: 5 })
  })

  it('counts stale work apart from the answers, and lists relevant facts nobody cited', () => {
    const q = question('basis')
    expect(q.options.map((o) => [o.id, o.count])).toEqual([['consent', 1], ['self-defence', 0], ['none', 1]])
    expect(q.stale).toBe(1)
    expect(q.responses.map((r) => [r.student, r.status])).toEqual([[0, 'answered'], [1, 'answered'], [2, 'stale']])
    const grounds = question('grounds')
    expect(grounds.options.map((o) => o.count)).toEqual([2, 1])
    expect(grounds.asked).toBe(4)
  })

  it('measures written answers in words', () => {
    const q = question('consent-evidence')
    expect({ asked: q.asked, answered: q.answered }).toEqual({ asked: 2, answered: 1 })
    expect(q.freeText).toEqual({ answers: 1, medianWords: 6, minWords: 6, maxWords: 6 })
    expect(countWords('  one\ttwo\nthree  ')).toBe(3)
  })

  it('counts words separated by plain spaces alone as it counts any other', () => {
    // Plain spaces take a quicker path than tabs, new lines and no-break spaces: both must agree.
    const cases: [string, number][] = [
      ['', 0],
      [' ', 0],
      ['one', 1],
      ['  one two   three  ', 3],
      ['one  two', 2],
      ['one\u00a0two three', 3],
      ['a\r\nb  c', 3],
      ['x '.repeat(1000), 1000],
    ]
    for (const [text, words] of cases) expect(countWords(text), JSON.stringify(text)).toBe(words)
    expect(countWords(undefined)).toBe(0)
  })

  it('counts the same class whether its students were digested as their files came in or not', () => {
    const texts = seminarTexts(hash)
    const { students, rejected } = collectStudents(
      Object.entries(texts).map(([file, text]) => readSessionFile(compiled, hash, file, text)),
    )
    // The class view's worker digests each student as their file arrives, in any order.
    const digested = new Map([...students].reverse().map((student) => [student, digestStudent(compiled, student)]))
    const once = aggregateClass(compiled, hash, students, rejected, digested)
    expect(once).toEqual(aggregateClass(compiled, hash, students, rejected))
    // The digests serve a second count (another order of the students) without being changed by the first.
    const reordered = [...students].reverse()
    const again = aggregateClass(compiled, hash, reordered, rejected, digested)
    expect(again).toEqual(aggregateClass(compiled, hash, reordered, rejected))
    expect(again.questions[0]!.scenarios[0]!.responses.map((r) => r.student)).not.toEqual(
      once.questions[0]!.scenarios[0]!.responses.map((r) => r.student),
    )
  })

  it('counts conclusions per scenario, with the answers that decided them', () => {
    const conclusions = Object.fromEntries(seminar().conclusions.map((c) => [c.id, c.scenarios[0]!]))
    expect(conclusions['prima-facie-breach']!.counts).toEqual({ holds: 2, fails: 1, undetermined: 1 })
    expect(conclusions['strike-unlawful']!.counts).toEqual({ holds: 1, fails: 2, undetermined: 1 })
    expect(conclusions['strike-justified']!.counts).toEqual({ holds: 1, fails: 2, undetermined: 1 })
    expect(conclusions['prima-facie-breach']!.deciders).toEqual([
      { status: 'holds', question: 'use-of-force', number: 1, answer: 'Yes', count: 2 },
      { status: 'fails', question: 'use-of-force', number: 1, answer: 'No', count: 1 },
    ])
    expect(conclusions['prima-facie-breach']!.holdsFor).toEqual([0, 1])
  })

  it('finds the routes and where the class split', () => {
    const paths = seminar().paths[0]!
    expect(paths).toMatchObject({ scenario: 'harbour', students: 4, distinct: 4 })
    expect(paths.routes[0]!.steps.map((s) => s.number)).toEqual([1, 2, 3, 5])
    expect(paths.splits[0]).toMatchObject({
      number: 1,
      reached: 3,
      after: [],
      branches: [
        { label: 'Yes', count: 2 },
        { label: 'No', count: 1 },
      ],
    })
    expect(paths.splits[1]).toMatchObject({ number: 2, reached: 2 })
    expect(paths.splits[1]!.after.map((s) => s.answer)).toEqual(['Yes'])
  })

  it('says what each student has left to do', () => {
    const [ada, , cleo, dan] = seminar().summaries
    expect(ada).toMatchObject({
      answered: 4,
      total: 4,
      unanswered: [],
      unreasoned: ['gravity', 'grounds'],
      uncommitted: ['gravity', 'basis', 'grounds'],
      stale: [],
      holds: ['prima-facie-breach', 'strike-unlawful', 'grave'],
    })
    expect(cleo).toMatchObject({ answered: 1, total: 2, unanswered: ['grounds'], stale: ['basis'] })
    expect(dan).toMatchObject({ answered: 0, total: 5, unanswered: ['use-of-force', 'grounds'] })
  })
})

describe('class/aggregate: the routes’ diagram', () => {
  const step = (number: number, answer: string) => expect.objectContaining({ number, answer })

  it('draws the branches where the class split, running the answers with no split into one branch', () => {
    const harbour = seminar().paths.find((p) => p.scenario === 'harbour')!.diagram
    // Four students start; Dan answered nothing, so his route ends at the start.
    expect({ count: harbour.count, ended: harbour.ended, others: harbour.others, steps: harbour.steps }).toEqual({
      count: 4,
      ended: 1,
      others: 0,
      steps: [],
    })
    const [yes, no] = harbour.children
    expect(yes).toMatchObject({ id: '0.0', count: 2, ended: 0, steps: [step(1, 'Yes')] })
    expect(no).toMatchObject({ id: '0.1', count: 1, ended: 1, steps: [step(1, 'No')], children: [] })
    // Ada and Bob split at Q2 and never met again: each branch runs to the end of their route.
    // One student each: Bob's 2 on the scale comes before Ada's 4.
    expect(yes!.children.map((c) => c.steps.map((s) => s.number))).toEqual([
      [2, 3, 4, 5],
      [2, 3, 5],
    ])
    expect(yes!.children.map((c) => c.steps[1]!.answer)).toEqual(['Consent of State B', 'No basis'])
  })

  it('keeps one student’s route as one branch from the start', () => {
    const seas = seminar().paths.find((p) => p.scenario === 'high-seas')!.diagram
    expect(seas.steps.map((s) => s.number)).toEqual([1, 2, 3, 5])
    expect({ count: seas.count, ended: seas.ended, children: seas.children }).toEqual({ count: 1, ended: 1, children: [] })
  })

  it('leaves branches under 5% of the students out of the drawing, counting them', () => {
    const { students } = collectStudents(
      Object.entries(seminarTexts(hash)).map(([file, text]) => readSessionFile(compiled, hash, file, text)),
    )
    const ada = students.find((s) => s.name === 'Ada Lovelace')!
    const cleo = students.find((s) => s.name === 'Cleo')!
    // Twenty copies of Ada's route and Cleo's alone: 1 of 21 is under 5%.
    const many = [...Array.from({ length: 20 }, (_, i) => ({ ...ada, key: `ada-${i}` })), cleo]
    const diagram = aggregateClass(compiled, hash, many).paths[0]!.diagram
    expect(diagram.count).toBe(21)
    expect(diagram.others).toBe(1)
    expect(diagram.children).toHaveLength(1)
    expect(diagram.children[0]).toMatchObject({ count: 20, ended: 20, children: [] })
    expect(diagram.children[0]!.steps.map((s) => s.number)).toEqual([1, 2, 3, 5])
  })
})
