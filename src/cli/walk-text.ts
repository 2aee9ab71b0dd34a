import type { Session } from '../engine/generated/session.ts'
import type { CompiledRulebook } from '../engine/compile.ts'
import type { Walk, QuestionStatus, ConclusionStatus } from '../engine/walk.ts'
import { workOn } from '../engine/answers.ts'
import {
  describeAnswer,
  explainConclusion,
  explainQuestionStatus,
  plainText,
  questionLabel,
  questionTitle,
} from '../engine/explain.ts'

const statusMark: Record<QuestionStatus, string> = {
  answered: '✓ answered ',
  'to-answer': '→ to answer',
  skipped: '– skipped  ',
  stale: '! stale    ',
  waiting: '… waiting  ',
}
const conclusionMark: Record<ConclusionStatus, string> = {
  holds: '✓ holds       ',
  fails: '✗ fails       ',
  undetermined: '? undetermined',
}

/** The walk as text a student can read in a terminal. */
export function renderWalkText(compiled: CompiledRulebook, walk: Walk, session: Session): string {
  const { rulebook } = compiled
  const scenario = compiled.scenarios.get(session.scenario)
  const lines = [
    `${rulebook.title} (version ${rulebook.version})`,
    `Scenario: ${scenario?.title ?? session.scenario}`,
    ...(session.student.name ? [`Student: ${session.student.name}`] : []),
    `Progress: ${walk.progress.answered} of ${walk.progress.total} questions answered`,
    '',
  ]
  rulebook.sections.forEach((section, s) => {
    const progress = walk.sections[s]!
    const asked = progress.answered + progress.toAnswer + progress.waiting
    lines.push(`${s + 1}. ${section.title} (${progress.answered} of ${asked} answered)`)
    for (const state of walk.questions.filter((q) => q.section === section.id)) {
      const { question } = compiled.questions[state.index]!
      const value = workOn(session.answers, question.id)?.value
      const answer = state.status === 'answered' || state.status === 'stale' ? ` — ${describeAnswer(question, value)}` : ''
      lines.push(`   Q${state.index + 1} ${statusMark[state.status]} ${questionTitle(question)}${answer}`)
      if (state.status !== 'answered' && state.status !== 'to-answer') {
        lines.push(`      ${explainQuestionStatus(compiled, walk, session, question.id)}`)
      }
    }
    lines.push('')
  })
  lines.push(walk.next ? `Next question: ${questionLabel(compiled, walk.next)}` : 'Every question asked has been answered.', '')
  lines.push('Conclusions')
  for (const state of walk.conclusions) {
    const { conclusion } = compiled.conclusions[compiled.conclusionIndex.get(state.id)!]!
    lines.push(`   ${conclusionMark[state.status]} ${plainText(conclusion.statement)}`)
    lines.push(`      ${explainConclusion(compiled, walk, session, state.id)}`)
  }
  return `${lines.join('\n')}\n`
}
