import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/engine/evaluate.ts'
import {
  describeAnswer,
  explainConclusion,
  explainQuestionStatus,
  questionLabel,
} from '../../../src/engine/explain.ts'
import { answersOf, compileFile } from '../helpers.ts'

const compiled = compileFile('tests/fixtures/rulebooks/valid.yaml')
const explainAll = (values: Record<string, unknown>) => {
  const session = { scenario: 'land', answers: answersOf(values) }
  const walk = evaluate(compiled, session)
  return {
    question: (id: string) => explainQuestionStatus(compiled, walk, session, id),
    conclusion: (id: string) => explainConclusion(compiled, walk, session, id),
  }
}

describe('engine/explain', () => {
  it('says why a question was skipped, naming the deciding answer', () => {
    expect(explainAll({ 'use-of-force': 'no' }).question('consent')).toBe(
      'Asked only if Q1 “Was it a use of force?” is “Yes” and the scenario is “On land”; you answered “No” to Q1 “Was it a use of force?”.',
    )
  })

  it('says a stale question is no longer asked and its work is kept', () => {
    const text = explainAll({ 'use-of-force': 'yes', consent: 'yes', basis: 'none' }).question('basis')
    expect(text).toBe(
      'No longer asked: asked only if Q1 “Was it a use of force?” is “Yes” and Q2 “Did the territorial state consent?” is “No”; you answered “Yes” to Q2 “Did the territorial state consent?”. Your work on it is kept.',
    )
  })

  it('says which unanswered question a waiting question depends on', () => {
    expect(explainAll({}).question('consent')).toBe(
      'Asked only if Q1 “Was it a use of force?” is “Yes” and the scenario is “On land”; that depends on Q1 “Was it a use of force?”, not answered yet.',
    )
  })

  it('explains conclusions that hold, fail or are undetermined', () => {
    const { conclusion } = explainAll({ 'use-of-force': 'yes', consent: 'no', basis: 'none' })
    expect(conclusion('unlawful')).toBe(
      'Holds because you answered “Yes” to Q1 “Was it a use of force?”; you answered “No” to Q2 “Did the territorial state consent?” and you answered “None” to Q3 “What basis does the acting state claim?”.',
    )
    expect(explainAll({ 'use-of-force': 'no' }).conclusion('breach')).toBe(
      'Does not hold because you answered “No” to Q1 “Was it a use of force?”.',
    )
    expect(explainAll({}).conclusion('breach')).toBe('Undetermined until you answer Q1 “Was it a use of force?”.')
  })

  it('describes answers in the words they were chosen by', () => {
    const [force, , basis, severity] = compiled.rulebook.questions
    expect(describeAnswer(force!, 'yes')).toBe('Yes')
    expect(describeAnswer(basis!, 'self-defence')).toBe('Self-defence')
    expect(describeAnswer(severity!, 4)).toBe('4 on a scale of 1–5 (1 = trivial, 5 = grave)')
    expect(questionLabel(compiled, 'basis')).toBe('Q3 “What basis does the acting state claim?”')
  })
})
