/**
 * The benchmark's generated rulebooks as SurveyJS surveys, so that issue 16's comparison with
 * SurveyJS is measured on the same questions, in the same run: one question per page, each with a
 * comment area for the student's reasoning, shown under the same conditions, and each conclusion
 * as a calculated value over the answers.
 */
import type { Rulebook } from '../../../src/engine/generated/rulebook.ts'

/** `q3 is yes`, `q3 is one of [a, b]`, `q3 is unanswered`, `q3 is not c`, joined by and/or: the generator's words. */
export function toExpression(condition: string): string {
  return condition
    .replace(/\b(q\d+) is one of \[([^\]]*)\]/g, (_, id: string, list: string) => `{${id}} anyof [${list.split(',').map((o) => `'${o.trim()}'`).join(', ')}]`)
    .replace(/\b(q\d+) is unanswered\b/g, '{$1} empty')
    .replace(/\b(q\d+) is not (\w+)/g, "{$1} != '$2'")
    .replace(/\b(q\d+) is (\w+)/g, "{$1} = '$2'")
}

export function toSurvey(rulebook: Rulebook): object {
  return {
    title: rulebook.title,
    questionsOnPageMode: 'questionPerPage',
    showProgressBar: true,
    pages: [
      {
        name: 'questions',
        elements: rulebook.questions.map((question) => ({
          type: 'radiogroup',
          name: question.id,
          title: question.prompt,
          description: question.rule,
          choices:
            question.answer.kind === 'single-choice' && question.answer.options
              ? question.answer.options.map((option) => ({ value: option.id, text: option.label }))
              : [
                  { value: 'yes', text: 'Yes' },
                  { value: 'no', text: 'No' },
                ],
          showCommentArea: true,
          commentText: 'Reasoning',
          ...(question.when ? { visibleIf: toExpression(question.when) } : {}),
        })),
      },
    ],
    calculatedValues: rulebook.conclusions.map((conclusion) => ({ name: conclusion.id, expression: toExpression(conclusion.when) })),
  }
}
