/**
 * Generates rulebooks of any size for benchmarks: sections of questions whose conditions chain
 * (each asked only if the previous was answered yes) and branch (asked depending on a choice a
 * few questions back), with conclusions over them.
 */
import { stringify } from 'yaml'
import type { Question, Rulebook } from '../../src/engine/generated/rulebook.ts'
import type { Session } from '../../src/engine/generated/session.ts'

export function generateRulebook(questionCount: number): Rulebook {
  const questions: Question[] = []
  const sectionSize = 20
  for (let i = 0; i < questionCount; i++) {
    const id = `q${i}`
    const section = `s${Math.floor(i / sectionSize)}`
    const kind = i % 4 === 1 ? 'single-choice' : 'yes-no'
    let when: string | undefined
    if (i % sectionSize !== 0) {
      // Chained: depends on the previous question; branching: on a choice made earlier.
      const previous = questions[i - 1]!
      when =
        previous.answer.kind === 'yes-no'
          ? `q${i - 1} is yes`
          : `q${i - 1} is one of [a, b] or q${i - 1} is unanswered`
      if (i % 7 === 0 && i >= 3 && questions[i - 3]!.answer.kind === 'single-choice') when += ` and q${i - 3} is not c`
    }
    questions.push({
      id,
      section,
      prompt: `Question ${i}?`,
      answer: kind === 'yes-no' ? { kind } : { kind, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] },
      ...(when ? { when } : {}),
      rule: `Rule ${i}.`,
      authorities: [{ authority: 'a0', pinpoint: `art. ${i}` }],
      facts: ['f0'],
    })
  }
  const sections = Array.from({ length: Math.ceil(questionCount / sectionSize) }, (_, s) => ({ id: `s${s}`, title: `Section ${s}` }))
  const conclusions = sections.map((section, s) => ({
    id: `c${s}`,
    statement: `Conclusion ${s}.`,
    when: `q${s * sectionSize} is yes and (q${s * sectionSize + 2} is yes or q${s * sectionSize + 3} is no)`,
    kind: 'finding' as const,
  }))
  return {
    format: 'casework-rulebook/1',
    id: `bench-${questionCount}`,
    version: '1.0.0',
    title: `Benchmark rulebook of ${questionCount} questions`,
    authors: [{ name: 'Benchmark' }],
    licence: 'CC0-1.0',
    summary: 'Generated.',
    scenarios: [{ id: 'only', title: 'Only', summary: 'Generated.', facts: [{ id: 'f0', text: 'A fact.', certainty: 'confirmed', source: 'generated' }] }],
    sections: sections as Rulebook['sections'],
    questions: questions as Rulebook['questions'],
    conclusions,
    authorities: [{ id: 'a0', kind: 'treaty', title: 'A treaty', citation: 'A treaty (2000)' }],
  }
}

export function generateYaml(questionCount: number): string {
  return stringify(generateRulebook(questionCount))
}

/** A session answering every question yes (or `a`), as far as the walk goes. */
export function answerAll(rulebook: Rulebook): Session['answers'] {
  const answers: Session['answers'] = {}
  for (const question of rulebook.questions) {
    answers[question.id] = { value: question.answer.kind === 'yes-no' ? 'yes' : 'a', updatedAt: '2026-01-01T00:00:00Z' }
  }
  return answers
}
