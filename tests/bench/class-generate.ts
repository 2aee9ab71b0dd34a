/**
 * Realistic classes of session files on a rulebook (the flagship in the benchmarks): each student
 * walks the rulebook as the app would ask it, answering with the class's leanings (so routes
 * repeat and split), stopping at different points, writing reasoning of realistic length (40 to
 * 400 words a question, with a long tail), citing some of the relevant facts, committing some
 * answers, revising a few after the model answer, and changing an early answer now and then
 * (which leaves stale work). Seeded: the same size always gives the same files.
 */
import type { Question, Rulebook } from '../../src/engine/generated/rulebook.ts'
import type { QuestionWork, Session } from '../../src/engine/generated/session.ts'
import { compileRulebook } from '../../src/engine/compile.ts'
import { evaluate } from '../../src/engine/evaluate.ts'

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const vocabulary = (
  'the strike state territory force consent article charter self-defence armed attack necessity ' +
  'proportionality attribution covert operation reported confirmed officials dock facility vessel ' +
  'sovereignty prohibition customary law tribunal nicaragua paramilitary authorisation congress ' +
  'president finding statute conflict non-international organised group intensity civilian object ' +
  'distinction evidence burden facts suggest however therefore because although unless whether'
).split(' ')

function prose(rand: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    const word = vocabulary[Math.floor(rand() * vocabulary.length)]!
    out.push(i === 0 || out[out.length - 1]!.endsWith('.') ? word[0]!.toUpperCase() + word.slice(1) : word)
    if (rand() < 0.08) out[out.length - 1] += '.'
  }
  return `${out.join(' ')}.`
}

/** Reasoning words for one question: most between 40 and 200, some much longer. */
function reasoningLength(rand: () => number): number {
  const base = 40 + rand() * 160
  return Math.round(rand() < 0.1 ? base * (2 + rand() * 2) : base)
}

function pick<T>(rand: () => number, items: readonly T[], leaning: number): T {
  // The class leans towards the first options: a realistic majority with dissent.
  const index = rand() < leaning ? 0 : Math.floor(rand() * items.length)
  return items[Math.min(index, items.length - 1)]!
}

function valueFor(question: Question, rand: () => number): QuestionWork['value'] {
  const { answer } = question
  switch (answer.kind) {
    case 'yes-no':
      return pick(rand, ['yes', 'no'], 0.55)
    case 'single-choice':
      return pick(rand, answer.options!.map((o) => o.id), 0.45)
    case 'multiple-choice': {
      const chosen = answer.options!.filter(() => rand() < 0.45).map((o) => o.id)
      return chosen.length ? chosen : [answer.options![0]!.id]
    }
    case 'scale': {
      const min = answer.min ?? 1
      const max = answer.max ?? 5
      return Math.round(min + (max - min) * (0.3 + rand() * 0.6))
    }
    case 'free-text':
      return prose(rand, 20 + Math.floor(rand() * 60))
  }
}

const at = (day: number, minutes: number) =>
  new Date(Date.UTC(2026, 0, 10 + day, 9, 0, 0) + minutes * 60_000).toISOString()

/** A class of `count` sessions on the rulebook (its content hash given), as file texts. */
export function generateClass(rulebook: Rulebook, contentHash: string, count: number, seed = 1): { name: string; text: string }[] {
  const compiled = compileRulebook(rulebook)
  const rand = random(seed)
  const files: { name: string; text: string }[] = []
  for (let s = 0; s < count; s++) {
    const scenario = rulebook.scenarios[rand() < 0.8 ? 0 : Math.min(1, rulebook.scenarios.length - 1)]!
    const session: Session = {
      format: 'casework-session/1',
      id: `wb-${seed}-${s}`,
      title: 'Seminar 4',
      rulebook: { id: rulebook.id, version: rulebook.version, contentHash, title: rulebook.title },
      scenario: scenario.id,
      student: { name: `Student ${s + 1}` },
      createdAt: at(0, s),
      updatedAt: at(0, s),
      answers: {},
    }
    const stopAfter = rand() < 0.7 ? Infinity : Math.floor(rand() * compiled.questions.length)
    let minute = s
    for (let answered = 0; answered < stopAfter; answered++) {
      const walk = evaluate(compiled, session)
      const next = walk.questions.find((q) => q.status === 'to-answer')
      if (!next) break
      const { question } = compiled.questions[next.index]!
      minute += 5 + Math.floor(rand() * 20)
      const words = reasoningLength(rand)
      const quarter = Math.max(5, Math.round(words / 4))
      const relevant = (question.facts ?? []).filter(() => rand() < 0.5)
      const work: QuestionWork = {
        value: valueFor(question, rand),
        reasoning:
          rand() < 0.9
            ? {
                issue: prose(rand, Math.round(quarter * 0.5)),
                rule: prose(rand, quarter),
                application: prose(rand, Math.round(quarter * 1.8)),
                conclusion: prose(rand, Math.round(quarter * 0.7)),
              }
            : undefined,
        confidence: (['low', 'medium', 'high'] as const)[Math.floor(rand() * 3)],
        citedFacts: relevant,
        createdAt: at(0, minute - 3),
        updatedAt: at(0, minute),
      }
      if (rand() < 0.6) {
        work.committedAt = at(0, minute)
        // A few revise after seeing the model answer.
        if (rand() < 0.15) work.updatedAt = at(0, minute + 2)
      }
      if (!work.reasoning) delete work.reasoning
      session.answers[question.id] = work
      session.updatedAt = work.updatedAt
      session.currentQuestion = question.id
    }
    // Some change an early yes/no answer at the end, which leaves later work stale.
    if (rand() < 0.1) {
      const early = compiled.questions.find(
        ({ question }) => question.answer.kind === 'yes-no' && session.answers[question.id] !== undefined,
      )
      const work = early && session.answers[early.question.id]
      if (work) work.value = work.value === 'yes' ? 'no' : 'yes'
    }
    files.push({ name: `student-${String(s + 1).padStart(4, '0')}.casework.json`, text: `${JSON.stringify(session, null, 2)}\n` })
  }
  return files
}
