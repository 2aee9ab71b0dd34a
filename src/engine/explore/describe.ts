import type { CompiledRulebook } from '../compile.ts'
import { plainText } from '../explain.ts'
import type { AnswerCondition, AnswerSet } from './answer-sets.ts'

function optionLabel(compiled: CompiledRulebook, questionId: string, option: string): string {
  const index = compiled.questionIndex.get(questionId)
  const question = index === undefined ? undefined : compiled.questions[index]!.question
  if (!question) return option
  if (question.answer.kind === 'yes-no') return option === 'yes' ? 'Yes' : option === 'no' ? 'No' : option
  const options = question.answer.options ?? []
  const label = plainText(options.find((o) => o.id === option)?.label ?? option)
  const short = shorten(label)
  // Two options that share their first forty characters would read alike: give those in full.
  const alike = options.some((o) => o.id !== option && shorten(plainText(o.label)) === short)
  return alike ? label : short
}

/** Long option labels, cut at a word near 40 characters: enough to tell options apart in a list. */
function shorten(label: string): string {
  if (label.length <= 48) return label
  const cut = label.lastIndexOf(' ', 40)
  return `${label.slice(0, cut > 20 ? cut : 40).replace(/[\s,:;]+$/, '')}…`
}

const either = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
const both = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

/** One answer in words: `Q11 = Maduro government`, `Q5 includes “Drugs”, not “Arms”`, `Q24 = 4 to 10`. */
export function describeAnswerCondition(compiled: CompiledRulebook, condition: AnswerCondition): string {
  const name = `Q${condition.number}`
  if (condition.ticked || condition.unticked) {
    const parts: string[] = []
    if (condition.ticked) parts.push(`includes ${both(condition.ticked.map((o) => `“${optionLabel(compiled, condition.question, o)}”`))}`)
    if (condition.unticked) parts.push(`not ${either(condition.unticked.map((o) => `“${optionLabel(compiled, condition.question, o)}”`))}`)
    return `${name} ${parts.join(', ')}`
  }
  const values = condition.values
  if (values.length === 1 && values[0] === 'unanswered') return `${name} left unanswered`
  if (values.length === 1 && values[0] === 'answered') return `${name} answered`
  const index = compiled.questionIndex.get(condition.question)
  const kind = index === undefined ? undefined : compiled.questions[index]!.question.answer.kind
  const words = values.map((value) => {
    if (value === 'unanswered') return 'left unanswered'
    if (value === 'answered') return 'answered'
    if (kind === 'scale') return value.replace('–', ' to ')
    return `“${optionLabel(compiled, condition.question, value)}”`
  })
  return `${name} = ${either(words)}`
}

/** A set of answers in words, joined by "and", with its scenarios first when it has any. */
export function describeAnswerSet(compiled: CompiledRulebook, set: AnswerSet): string {
  const parts = set.answers.map((condition) => describeAnswerCondition(compiled, condition))
  const scenarios = set.scenarios?.map((id) => `“${compiled.rulebook.scenarios.find((s) => s.id === id)?.title ?? id}”`)
  const answers = parts.length === 0 ? 'whatever the answers' : both(parts)
  return scenarios ? `in ${either(scenarios)}: ${answers}` : answers
}
