import type { AuthorTest, TestExpectation } from './generated/rulebook.ts'
import type { Session } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import type { SessionAnswers } from './evaluate.ts'
import type { ConclusionStatus, QuestionStatus, Trace, Walk } from './walk.ts'
import { evaluate } from './evaluate.ts'
import { explainConclusion, explainQuestionStatus, questionLabel } from './explain.ts'

/** What one expectation of a test asked for. */
export type ExpectationKey = keyof TestExpectation

/** One expectation that did not hold, with what came out instead and why. */
export interface TestFailure {
  /** Which list of `expect` it comes from. */
  key: ExpectationKey
  /** The conclusion or question concerned; for `next`, the question expected (null: none). */
  id: string | null
  /** Where the expectation is written, inside the rulebook. */
  path: (string | number)[]
  /** What the test expected, in words: `holds`, `asked`, `Q7 “…”`, `none (walk complete)`. */
  expected: string
  /** What the walk gave. */
  actual: string
  /** Why it came out so, in the words the student would read (from explain.ts). */
  why: string
  /** The evaluation trace of the conclusion or question concerned. */
  trace: Trace
}

/** The outcome of one author test. */
export interface TestResult {
  name: string
  /** Position of the test in the rulebook's `tests`. */
  index: number
  path: (string | number)[]
  because: string | undefined
  passed: boolean
  /** How many expectations were checked. */
  checked: number
  failures: TestFailure[]
}

const testTime = '1970-01-01T00:00:00Z'

/** The session a test describes: its scenario, and its answers (null ones left out). */
export function testSession(test: AuthorTest): SessionAnswers {
  const answers: Session['answers'] = {}
  for (const [id, value] of Object.entries(test.answers)) {
    if (value !== null) answers[id] = { value, updatedAt: testTime }
  }
  return { scenario: test.scenario, answers }
}

const conclusionKeys = { holds: 'holds', fails: 'fails', undetermined: 'undetermined' } as const satisfies Partial<
  Record<ExpectationKey, ConclusionStatus>
>

/** Whether a question's status meets an `asked` / `skipped` / `stale` expectation. */
const questionMatches: Record<'asked' | 'skipped' | 'stale', (status: QuestionStatus) => boolean> = {
  asked: (status) => status === 'answered' || status === 'to-answer',
  skipped: (status) => status === 'skipped',
  stale: (status) => status === 'stale',
}

const statusInWords: Record<QuestionStatus, string> = {
  answered: 'asked (answered)',
  'to-answer': 'asked (to answer)',
  skipped: 'skipped',
  stale: 'stale',
  waiting: 'waiting (whether it is asked depends on an unanswered question)',
}

const noTrace: Trace = { decidedBy: [], missing: [], conclusions: [] }

/** Runs one author test: walks its answers and compares every expectation with the walk. */
export function runAuthorTest(compiled: CompiledRulebook, test: AuthorTest, index: number): TestResult {
  const session = testSession(test)
  const walk = evaluate(compiled, session)
  const failures: TestFailure[] = []
  let checked = 0
  const at = (...rest: (string | number)[]) => ['tests', index, 'expect', ...rest]

  for (const key of Object.keys(conclusionKeys) as (keyof typeof conclusionKeys)[]) {
    test.expect[key]?.forEach((id, j) => {
      checked++
      const position = compiled.conclusionIndex.get(id)
      const state = position === undefined ? undefined : walk.conclusions[position]
      if (state?.status === conclusionKeys[key]) return
      failures.push({
        key,
        id,
        path: at(key, j),
        expected: conclusionKeys[key],
        actual: state?.status ?? 'no such conclusion',
        why: explainConclusion(compiled, walk, session, id),
        trace: state?.trace ?? noTrace,
      })
    })
  }
  for (const key of Object.keys(questionMatches) as (keyof typeof questionMatches)[]) {
    test.expect[key]?.forEach((id, j) => {
      checked++
      const position = compiled.questionIndex.get(id)
      const state = position === undefined ? undefined : walk.questions[position]
      if (state && questionMatches[key](state.status)) return
      failures.push({
        key,
        id,
        path: at(key, j),
        expected: key,
        actual: state ? statusInWords[state.status] : 'no such question',
        why: explainQuestionStatus(compiled, walk, session, id),
        trace: state?.trace ?? noTrace,
      })
    })
  }
  if (test.expect.next !== undefined) {
    checked++
    const failure = checkNext(compiled, walk, session, test.expect.next, at('next'))
    if (failure) failures.push(failure)
  }
  return {
    name: test.name,
    index,
    path: ['tests', index],
    because: test.because,
    passed: failures.length === 0,
    checked,
    failures,
  }
}

function checkNext(
  compiled: CompiledRulebook,
  walk: Walk,
  session: SessionAnswers,
  expected: string | null,
  path: (string | number)[],
): TestFailure | undefined {
  const actual = walk.next ?? null
  if (actual === expected) return undefined
  const name = (id: string | null) => (id === null ? 'none (the walk is complete)' : questionLabel(compiled, id))
  const reasons: string[] = []
  if (expected !== null) reasons.push(`${questionLabel(compiled, expected)}: ${explainQuestionStatus(compiled, walk, session, expected)}`)
  if (actual !== null) reasons.push(`${questionLabel(compiled, actual)} is the first question asked and not answered.`)
  const waiting = walk.questions.filter((q) => q.status === 'waiting')
  if (actual === null && waiting.length > 0) {
    reasons.push(`${waiting.length} question${waiting.length === 1 ? ' is' : 's are'} waiting on unanswered questions.`)
  }
  const state = expected === null ? undefined : walk.questions[compiled.questionIndex.get(expected) ?? -1]
  return {
    key: 'next',
    id: expected,
    path,
    expected: name(expected),
    actual: name(actual),
    why: reasons.join(' '),
    trace: state?.trace ?? noTrace,
  }
}

/** Runs every author test of a rulebook, in order. */
export function runAuthorTests(compiled: CompiledRulebook): TestResult[] {
  return (compiled.rulebook.tests ?? []).map((test, index) => runAuthorTest(compiled, test, index))
}

/** What the tests leave unchecked. */
export interface TestCoverage {
  /** Conclusions no test mentions under `holds`, `fails` or `undetermined`. */
  unasserted: string[]
  /** Conclusions no test expects to hold. */
  neverHolds: string[]
  /** Conclusions no test expects to fail. */
  neverFails: string[]
  /** Options of yes/no and choice questions that no test's answers pick, by question. */
  unpickedOptions: { question: string; options: string[] }[]
}

/** Which conclusions and options the rulebook's tests never touch. */
export function testCoverage(compiled: CompiledRulebook): TestCoverage {
  const tests = compiled.rulebook.tests ?? []
  const held = new Set<string>()
  const failed = new Set<string>()
  const mentioned = new Set<string>()
  const picked = new Map<string, Set<string>>()
  for (const test of tests) {
    test.expect.holds?.forEach((id) => held.add(id))
    test.expect.fails?.forEach((id) => failed.add(id))
    for (const id of [...(test.expect.holds ?? []), ...(test.expect.fails ?? []), ...(test.expect.undetermined ?? [])]) {
      mentioned.add(id)
    }
    for (const [id, value] of Object.entries(test.answers)) {
      const set = picked.get(id) ?? new Set<string>()
      if (typeof value === 'string') set.add(value)
      if (Array.isArray(value)) value.forEach((option) => set.add(option))
      picked.set(id, set)
    }
  }
  const ids = compiled.conclusions.map((c) => c.conclusion.id)
  return {
    unasserted: ids.filter((id) => !mentioned.has(id)),
    neverHolds: ids.filter((id) => !held.has(id)),
    neverFails: ids.filter((id) => !failed.has(id)),
    unpickedOptions: compiled.questions
      .filter((q) => q.options.length > 0)
      .map((q) => ({ question: q.question.id, options: q.options.filter((o) => !picked.get(q.question.id)?.has(o)) }))
      .filter((entry) => entry.options.length > 0),
  }
}
