/**
 * Many students' sessions on one rulebook, counted: per question (per scenario), per conclusion,
 * per path, per student. Pure, like `report/`: the app (in a worker), the CLI and the tests call
 * the same function, and every figure comes from the engine's own walk of each session.
 */
import type { Question } from '../engine/generated/rulebook.ts'
import type { QuestionWork } from '../engine/generated/session.ts'
import type { CompiledRulebook } from '../engine/compile.ts'
import { evaluate } from '../engine/evaluate.ts'
import { hasWork, workOn } from '../engine/answers.ts'
import { describeAnswer, questionTitle } from '../engine/explain.ts'
import type { Walk } from '../engine/walk.ts'
import type {
  ClassAggregate,
  ClassConclusion,
  ClassPathNode,
  ClassPaths,
  ClassQuestion,
  ClassQuestionScenario,
  ClassResponse,
  ClassRoute,
  ClassSplit,
  ClassStudent,
  ClassStudentSummary,
  RejectedFile,
  Tally,
} from './model.ts'

/** Spaces other than the plain space, as `countWords` knows them (tab to carriage return, no-break space). */
const otherSpace = /[\t-\r\u00a0]/

/** Words in a text: runs of non-space characters (space, tab to carriage return, no-break space). */
export function countWords(text: string | undefined): number {
  if (!text) return 0
  // Most reasoning separates its words by plain spaces only: jump from space to space (a class
  // holds tens of megabytes of reasoning, and a character loop costs a second of it).
  if (!otherSpace.test(text)) {
    let count = 0
    const end = text.length
    let at = 0
    for (;;) {
      while (at < end && text.charCodeAt(at) === 32) at++
      if (at >= end) return count
      count++
      const space = text.indexOf(' ', at)
      if (space === -1) return count
      at = space + 1
    }
  }
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

/** Words of a piece of work's reasoning (the four IRAC parts) and counter-argument. */
export function reasoningWords(work: QuestionWork | undefined): number {
  if (!work) return 0
  const { issue, rule, application, conclusion } = work.reasoning ?? {}
  return (
    countWords(issue) +
    countWords(rule) +
    countWords(application) +
    countWords(conclusion) +
    countWords(work.counterArgument)
  )
}

/** Whether the work has any reasoning written. */
export function hasReasoning(work: QuestionWork | undefined): boolean {
  const parts = work?.reasoning
  return !!parts && [parts.issue, parts.rule, parts.application, parts.conclusion].some((p) => !!p?.trim())
}

/** Committed, then changed after the commit revealed (or could have revealed) the model answer. */
export function revisedAfterReveal(question: Question, work: QuestionWork | undefined): boolean {
  if (!work?.committedAt || !question.modelAnswer) return false
  if ((question.modelAnswer.reveal ?? 'after-commit') === 'never') return false
  return Date.parse(work.updatedAt) > Date.parse(work.committedAt)
}

const median = (sorted: number[]): number | undefined => {
  if (sorted.length === 0) return undefined
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function optionTallies(question: Question): Tally[] {
  switch (question.answer.kind) {
    case 'yes-no':
      return [
        { id: 'yes', label: 'Yes', count: 0 },
        { id: 'no', label: 'No', count: 0 },
      ]
    case 'single-choice':
    case 'multiple-choice':
      return (question.answer.options ?? []).map((o) => ({ id: o.id, label: o.label, count: 0 }))
    default:
      return []
  }
}

/** One student's work on one question, as the class tables show it (`named`: the answer in words, when answered). */
function responseOf(
  question: Question,
  work: QuestionWork | undefined,
  status: ClassResponse['status'],
  named: string | undefined,
): Response {
  const value = status === 'answered' ? work?.value : undefined
  const kind = question.answer.kind
  return {
    student: -1,
    status,
    answer: value === undefined || kind === 'free-text' ? undefined : named,
    optionIds:
      value === undefined || kind === 'scale' || kind === 'free-text'
        ? []
        : Array.isArray(value)
          ? [...value]
          : [String(value)],
    scale: kind === 'scale' && typeof value === 'number' ? value : undefined,
    answerWords: kind === 'free-text' && typeof value === 'string' ? countWords(value) : 0,
    reasoningWords: reasoningWords(work),
    confidence: work?.confidence,
    committed: work?.committedAt !== undefined,
    revised: revisedAfterReveal(question, work),
    stale: status === 'stale',
    citedFacts: [...(work?.citedFacts ?? [])],
  }
}

/**
 * One student's work on one question as the tables show it, before the student has a place in
 * the class (`student` is -1 until then: the field comes first, as in every response).
 */
type Response = ClassResponse

/**
 * What the class's figures need of one student, worked out from their session alone: the walk,
 * and per question the response, the answer in words, and the lists of their standing. A class's
 * loader can digest each student as their file arrives (the class view's worker does, while the
 * other files are still being read), then `aggregateClass` only counts.
 */
export interface StudentDigest {
  walk: Walk
  /** Per question, in rulebook order: the work as the tables show it; undefined when they leave it out. */
  responses: (Response | undefined)[]
  /** Per question: the answer as routes and deciders name it (`answered` for free text), or undefined when not answered. */
  answers: (string | undefined)[]
  /** The answered questions in rulebook order, as a route, and its key. */
  route: ClassRoute['steps']
  routeKey: string
  unanswered: string[]
  unreasoned: string[]
  uncommitted: string[]
  stale: string[]
  holds: string[]
}

/** Digests one student's session (see `StudentDigest`). Pure. */
export function digestStudent(compiled: CompiledRulebook, student: ClassStudent): StudentDigest {
  const walk = evaluate(compiled, student.session)
  const { answers: work } = student.session
  const count = compiled.questions.length
  const responses: (Response | undefined)[] = new Array(count)
  const answers: (string | undefined)[] = new Array(count)
  const route: ClassRoute['steps'] = []
  const keys: string[] = []
  const unanswered: string[] = []
  const unreasoned: string[] = []
  const uncommitted: string[] = []
  const stale: string[] = []
  for (const state of walk.questions) {
    const { index, status } = state
    const { question } = compiled.questions[index]!
    const on = workOn(work, question.id)
    if (status === 'to-answer') unanswered.push(state.id)
    if (status === 'stale') stale.push(state.id)
    if (status === 'answered') {
      const named = question.answer.kind === 'free-text' ? 'answered' : describeAnswer(question, on?.value)
      answers[index] = named
      route.push({ question: question.id, number: index + 1, answer: named })
      keys.push(`${question.id}=${named}`)
      if (!hasReasoning(on)) unreasoned.push(state.id)
      if (!on?.committedAt) uncommitted.push(state.id)
    }
    if (status === 'skipped' || (status !== 'answered' && !hasWork(on))) continue
    responses[index] = responseOf(question, on, status, answers[index])
  }
  return {
    walk,
    responses,
    answers,
    route,
    routeKey: keys.join('\u0000'),
    unanswered,
    unreasoned,
    uncommitted,
    stale,
    holds: walk.conclusions.filter((c) => c.status === 'holds').map((c) => c.id),
  }
}

function factTally(compiled: CompiledRulebook, id: string, count: number): Tally {
  const found = compiled.facts.get(id)
  return { id, label: found ? `¶${found.number}` : id, count }
}

function questionScenario(
  compiled: CompiledRulebook,
  index: number,
  scenario: { id: string; title: string },
  members: number[],
  digests: readonly StudentDigest[],
): ClassQuestionScenario {
  const { question } = compiled.questions[index]!
  const options = optionTallies(question)
  const optionIndex = new Map(options.map((o, i) => [o.id, i]))
  const confidence = { low: 0, medium: 0, high: 0, none: 0 }
  const responses: ClassResponse[] = []
  const scaleValues: number[] = []
  const textWords: number[] = []
  const cited = new Map<string, number>()
  let asked = 0
  let answered = 0
  let committed = 0
  let revised = 0
  let stale = 0
  for (const student of members) {
    const digest = digests[student]!
    const status = digest.walk.questions[index]!.status
    if (status === 'answered' || status === 'to-answer' || status === 'waiting') asked++
    const work = digest.responses[index]
    if (!work) continue
    // A copy (a plain clone is quick), so that the digest can serve another count.
    const response: ClassResponse = { ...work, student }
    responses.push(response)
    if (status === 'answered') {
      answered++
      confidence[response.confidence ?? 'none']++
      for (const id of response.optionIds) {
        const at = optionIndex.get(id)
        if (at !== undefined) options[at]!.count++
      }
      if (response.scale !== undefined) scaleValues.push(response.scale)
      if (question.answer.kind === 'free-text') textWords.push(response.answerWords)
    }
    if (response.committed) committed++
    if (response.revised) revised++
    if (response.stale) stale++
    const facts = response.citedFacts
    if (facts.length === 1) cited.set(facts[0]!, (cited.get(facts[0]!) ?? 0) + 1)
    else if (facts.length > 1) for (const fact of new Set(facts)) cited.set(fact, (cited.get(fact) ?? 0) + 1)
  }

  let scale: ClassQuestionScenario['scale']
  if (question.answer.kind === 'scale') {
    const sorted = [...scaleValues].sort((a, b) => a - b)
    const low = question.answer.min ?? sorted[0] ?? 0
    const high = question.answer.max ?? sorted[sorted.length - 1] ?? 0
    const values: Tally[] = []
    // A scale may be wide; list each whole value only when there are few of them.
    if (Number.isInteger(low) && Number.isInteger(high) && high - low <= 20) {
      for (let v = low; v <= high; v++) {
        values.push({ id: String(v), label: String(v), count: sorted.filter((s) => s === v).length })
      }
    }
    scale = {
      values,
      min: sorted[0],
      max: sorted[sorted.length - 1],
      median: median(sorted),
      mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : undefined,
    }
  }
  let freeText: ClassQuestionScenario['freeText']
  if (question.answer.kind === 'free-text') {
    const sorted = [...textWords].sort((a, b) => a - b)
    freeText = {
      answers: sorted.length,
      medianWords: median(sorted) ?? 0,
      minWords: sorted[0] ?? 0,
      maxWords: sorted[sorted.length - 1] ?? 0,
    }
  }
  const relevant = (question.facts ?? []).filter(
    (id) => compiled.facts.get(id)?.scenario === scenario.id,
  )
  return {
    scenario: scenario.id,
    scenarioTitle: scenario.title,
    asked,
    answered,
    options,
    scale,
    freeText,
    confidence,
    committed,
    revised,
    stale,
    worked: responses.length,
    responses,
    citedFacts: [...cited]
      .map(([id, count]) => factTally(compiled, id, count))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    uncitedRelevantFacts: relevant.filter((id) => !cited.has(id)).map((id) => factTally(compiled, id, 0)),
  }
}

interface RouteNode {
  reached: number
  /** Children by `question=answer`. */
  children: Map<string, RouteNode>
  step: ClassRoute['steps'][number] | undefined
  parent: RouteNode | undefined
}

/** The diagram keeps a branch of at least this share of the scenario's students. */
const diagramShare = 0.05
/** Branches drawn from one point, and levels of splits, at most. */
const diagramBranches = 4
const diagramDepth = 5

/** A branch of the diagram from a node of the route tree: runs without a split become one branch. */
function diagramOf(start: RouteNode, id: string, depth: number, smallest: number): ClassPathNode {
  const steps: ClassRoute['steps'] = start.step ? [start.step] : []
  let at = start
  const childrenReached = (node: RouteNode) => [...node.children.values()].reduce((sum, c) => sum + c.reached, 0)
  while (at.children.size === 1 && childrenReached(at) === at.reached) {
    at = at.children.values().next().value!
    steps.push(at.step!)
  }
  // Largest first; equal branches in the order of their answers, whatever order the files came in.
  const children = [...at.children.values()].sort(
    (a, b) => b.reached - a.reached || a.step!.number - b.step!.number || a.step!.answer.localeCompare(b.step!.answer),
  )
  const drawn = depth < diagramDepth ? children.filter((c) => c.reached >= smallest).slice(0, diagramBranches) : []
  return {
    id,
    steps,
    count: start.reached,
    ended: at.reached - childrenReached(at),
    others: children.reduce((sum, c) => sum + c.reached, 0) - drawn.reduce((sum, c) => sum + c.reached, 0),
    children: drawn.map((child, i) => diagramOf(child, `${id}.${i}`, depth + 1, smallest)),
  }
}

function pathsOf(
  compiled: CompiledRulebook,
  scenario: { id: string; title: string },
  members: number[],
  digests: readonly StudentDigest[],
): ClassPaths {
  const routes = new Map<string, ClassRoute>()
  const root: RouteNode = { reached: 0, children: new Map(), step: undefined, parent: undefined }
  for (const student of members) {
    const { route: steps, routeKey: key } = digests[student]!
    const route = routes.get(key)
    if (route) route.count++
    else routes.set(key, { steps: steps.map((step) => ({ ...step })), count: 1 })
    let node = root
    node.reached++
    for (const step of steps) {
      const childKey = `${step.question}=${step.answer}`
      let child = node.children.get(childKey)
      if (!child) {
        child = { reached: 0, children: new Map(), step: { ...step }, parent: node }
        node.children.set(childKey, child)
      }
      child.reached++
      node = child
    }
  }
  const splits: ClassSplit[] = []
  const visit = (node: RouteNode) => {
    const byQuestion = new Map<string, Tally[]>()
    for (const child of node.children.values()) {
      const { question, answer } = child.step!
      const list = byQuestion.get(question) ?? []
      list.push({ id: answer, label: answer, count: child.reached })
      byQuestion.set(question, list)
    }
    for (const [question, branches] of byQuestion) {
      if (branches.length < 2) continue
      branches.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      const reached = branches.reduce((sum, b) => sum + b.count, 0)
      // A split is a real division, not one student going their own way in a large class.
      if (branches[1]!.count < Math.max(1, Math.ceil(reached * 0.1))) continue
      const after: ClassRoute['steps'] = []
      for (let up: RouteNode | undefined = node; up?.step; up = up.parent) after.unshift(up.step)
      const index = compiled.questionIndex.get(question)!
      splits.push({
        after,
        question,
        number: index + 1,
        title: questionTitle(compiled.questions[index]!.question),
        reached,
        branches,
      })
    }
    for (const child of node.children.values()) if (child.reached >= 2) visit(child)
  }
  visit(root)
  const sortedRoutes = [...routes.values()].sort((a, b) => b.count - a.count)
  return {
    scenario: scenario.id,
    scenarioTitle: scenario.title,
    students: members.length,
    routes: sortedRoutes.slice(0, 10),
    distinct: sortedRoutes.length,
    splits: splits
      .sort((a, b) => b.reached - a.reached || a.after.length - b.after.length || a.number - b.number)
      .slice(0, 10),
    diagram: diagramOf(root, '0', 0, Math.max(1, Math.ceil(members.length * diagramShare))),
  }
}

function conclusionsOf(
  compiled: CompiledRulebook,
  scenarios: { id: string; title: string; members: number[] }[],
  digests: readonly StudentDigest[],
): ClassConclusion[] {
  return compiled.conclusions.map(({ conclusion, index }) => ({
    id: conclusion.id,
    statement: conclusion.statement,
    kind: conclusion.kind,
    scenarios: scenarios.map(({ id, title, members }) => {
      const counts = { holds: 0, fails: 0, undetermined: 0 }
      type Decider = ClassConclusion['scenarios'][number]['deciders'][number]
      // By status and question, then by answer: no key strings built per student.
      const deciders = new Map<number, Map<string, Decider>>()
      // In the order first met, which breaks ties.
      const met: Decider[] = []
      const holdsFor: number[] = []
      for (const student of members) {
        const digest = digests[student]!
        const state = digest.walk.conclusions[index]!
        counts[state.status]++
        if (state.status === 'holds') holdsFor.push(student)
        if (state.status === 'undetermined') continue
        for (const questionId of state.trace.decidedBy) {
          const at = compiled.questionIndex.get(questionId)
          if (at === undefined) continue
          const answer = digest.answers[at] ?? 'not asked or not answered'
          const slot = at * 2 + (state.status === 'holds' ? 0 : 1)
          let byAnswer = deciders.get(slot)
          if (!byAnswer) deciders.set(slot, (byAnswer = new Map()))
          const entry = byAnswer.get(answer)
          if (entry) entry.count++
          else {
            const found: Decider = { status: state.status, question: questionId, number: at + 1, answer, count: 1 }
            byAnswer.set(answer, found)
            met.push(found)
          }
        }
      }
      const top = (status: 'holds' | 'fails') =>
        met
          .filter((d) => d.status === status)
          .sort((a, b) => b.count - a.count || a.number - b.number)
          .slice(0, 3)
      return { scenario: id, scenarioTitle: title, counts, deciders: [...top('holds'), ...top('fails')], holdsFor }
    }),
  }))
}

function summaryOf(
  student: ClassStudent,
  index: number,
  digest: StudentDigest,
  scenarioTitle: string,
): ClassStudentSummary {
  const { walk } = digest
  return {
    student: index,
    key: student.key,
    name: student.name,
    file: student.file,
    scenario: student.session.scenario,
    scenarioTitle,
    answered: walk.progress.answered,
    total: walk.progress.total,
    unanswered: [...digest.unanswered],
    unreasoned: [...digest.unreasoned],
    uncommitted: [...digest.uncommitted],
    stale: [...digest.stale],
    holds: [...digest.holds],
    notices: student.notices,
  }
}

/**
 * The class's figures: every student's session walked once, then counted per question and
 * scenario, per conclusion, per route, per student. Students keep the order given. `digested`
 * holds students already digested (by `digestStudent`, on this rulebook) as their files came in;
 * the others are digested here.
 */
export function aggregateClass(
  compiled: CompiledRulebook,
  contentHash: string,
  students: readonly ClassStudent[],
  rejected: readonly RejectedFile[] = [],
  digested?: ReadonlyMap<ClassStudent, StudentDigest>,
): ClassAggregate {
  const { rulebook } = compiled
  const digests = students.map((student) => digested?.get(student) ?? digestStudent(compiled, student))
  const scenarios = rulebook.scenarios
    .map((s) => ({
      id: s.id,
      // A variation may inherit its title from the scenario it extends.
      title: compiled.scenarios.get(s.id)?.title ?? s.title ?? s.id,
      members: students.flatMap((student, i) => (student.session.scenario === s.id ? [i] : [])),
    }))
    .filter((s) => s.members.length > 0)
  const scenarioTitle = new Map(scenarios.map((s) => [s.id, s.title]))

  const questions: ClassQuestion[] = compiled.questions.map(({ question, index }) => ({
    id: question.id,
    number: index + 1,
    title: questionTitle(question),
    sectionTitle:
      rulebook.sections[compiled.sectionIndex.get(question.section) ?? -1]?.title ?? question.section,
    kind: question.answer.kind,
    scenarios: scenarios.map((s) => questionScenario(compiled, index, s, s.members, digests)),
  }))

  return {
    rulebook: { id: rulebook.id, title: rulebook.title, version: rulebook.version, contentHash },
    students: [...students],
    rejected: [...rejected],
    questions,
    conclusions: conclusionsOf(compiled, scenarios, digests),
    paths: scenarios.map((s) => pathsOf(compiled, s, s.members, digests)),
    summaries: students.map((student, i) =>
      summaryOf(student, i, digests[i]!, scenarioTitle.get(student.session.scenario) ?? student.session.scenario),
    ),
  }
}
