import type { Question } from './generated/rulebook.ts'
import type { AnswerValue } from './generated/session.ts'
import type { CompiledRulebook } from './compile.ts'
import type { SessionAnswers } from './evaluate.ts'
import type { Trace, Walk } from './walk.ts'
import { workOn } from './answers.ts'
import { assertNever, type ConditionNode } from './conditions/ast.ts'

/** The number students see for a question: its position in the rulebook, from 1. */
export function questionNumber(compiled: CompiledRulebook, id: string): number {
  return (compiled.questionIndex.get(id) ?? -1) + 1
}

/** Plain text of short Markdown: drops emphasis and link syntax, keeps the words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A question's short title: its own, or the start of its prompt. */
export function questionTitle(question: Question): string {
  if (question.title) return question.title
  const prompt = plainText(question.prompt)
  return prompt.length > 80 ? `${prompt.slice(0, 77).trimEnd()}…` : prompt
}

/** `Q3 “Use of force”`. */
export function questionLabel(compiled: CompiledRulebook, id: string): string {
  const index = compiled.questionIndex.get(id)
  if (index === undefined) return `\`${id}\``
  return `Q${index + 1} “${questionTitle(compiled.questions[index]!.question)}”`
}

function optionLabel(question: Question, id: string): string {
  if (question.answer.kind === 'yes-no') return id === 'yes' ? 'Yes' : id === 'no' ? 'No' : id
  return question.answer.options?.find((option) => option.id === id)?.label ?? id
}

/** An answer in the words the student chose it by. */
export function describeAnswer(question: Question, value: AnswerValue | undefined): string {
  if (value === undefined) return 'no answer'
  if (Array.isArray(value)) return value.map((id) => optionLabel(question, id)).join('; ') || 'nothing selected'
  if (typeof value === 'number') {
    const { min, max, minLabel, maxLabel } = question.answer
    const ends = minLabel && maxLabel ? ` (${min} = ${minLabel}, ${max} = ${maxLabel})` : ''
    return `${value} on a scale of ${min ?? ''}–${max ?? ''}${ends}`
  }
  return question.answer.kind === 'free-text' ? value : optionLabel(question, value)
}

/** A condition in words, naming questions by number and title. */
export function describeCondition(compiled: CompiledRulebook, node: ConditionNode): string {
  const question = (id: string) => {
    const index = compiled.questionIndex.get(id)
    return index === undefined ? undefined : compiled.questions[index]!.question
  }
  const label = (id: string) => questionLabel(compiled, id)
  const options = (id: string, items: { name: string }[], joiner: string) => {
    const q = question(id)
    return items.map((item) => `“${q ? optionLabel(q, item.name) : item.name}”`).join(joiner)
  }
  switch (node.type) {
    case 'and':
      return node.operands.map((o) => wrap(compiled, o)).join(' and ')
    case 'or':
      return `either ${node.operands.map((o) => wrap(compiled, o)).join(' or ')}`
    case 'not':
      return node.operand.type === 'reference' && question(node.operand.subject.name)
        ? `${label(node.operand.subject.name)} is “No”`
        : `not ${wrap(compiled, node.operand)}`
    case 'reference': {
      const index = compiled.conclusionIndex.get(node.subject.name)
      if (index !== undefined) {
        return `the conclusion “${plainText(compiled.conclusions[index]!.conclusion.statement)}” holds`
      }
      return `${label(node.subject.name)} is “Yes”`
    }
    case 'is': {
      const verb = node.negated ? 'is not' : 'is'
      return node.options.length === 1
        ? `${label(node.subject.name)} ${verb} ${options(node.subject.name, node.options, '')}`
        : `${label(node.subject.name)} ${verb} one of ${options(node.subject.name, node.options, ', ')}`
    }
    case 'answered':
      return `${label(node.subject.name)} is ${node.negated ? 'unanswered' : 'answered'}`
    case 'contains':
      return node.options.length === 1
        ? `${label(node.subject.name)} includes ${options(node.subject.name, node.options, '')}`
        : `${label(node.subject.name)} includes ${node.mode} of ${options(node.subject.name, node.options, ', ')}`
    case 'compare': {
      const words = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least', '=': 'exactly', '!=': 'not' }
      return `${label(node.subject.name)} is ${words[node.operator]} ${node.value}`
    }
    case 'scenario': {
      const scenario = compiled.scenarios.get(node.scenario.name)
      return `the scenario is ${node.negated ? 'not ' : ''}“${scenario?.title ?? node.scenario.name}”`
    }
    default:
      return assertNever(node)
  }
}

function wrap(compiled: CompiledRulebook, node: ConditionNode): string {
  const text = describeCondition(compiled, node)
  return node.type === 'and' || node.type === 'or' ? `(${text})` : text
}

/** What the student did on each deciding question: "you answered “No” to Q3 “…”". */
export function describeDecisions(
  compiled: CompiledRulebook,
  walk: Walk,
  session: SessionAnswers,
  ids: readonly string[],
): string[] {
  return ids.map((id) => {
    const index = compiled.questionIndex.get(id)
    if (index === undefined) return `${id} is not in the rulebook`
    const state = walk.questions[index]!
    if (state.status === 'skipped' || state.status === 'stale') return `${questionLabel(compiled, id)} was not asked`
    const value = workOn(session.answers, id)?.value
    if (state.status !== 'answered') return `${questionLabel(compiled, id)} is not answered yet`
    return `you answered “${describeAnswer(compiled.questions[index]!.question, value)}” to ${questionLabel(compiled, id)}`
  })
}

const sentence = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join('; ')} and ${parts.at(-1)}`)

function missingText(compiled: CompiledRulebook, trace: Trace): string {
  return trace.missing.map((id) => questionLabel(compiled, id)).join(', ')
}

/** Why a question is asked, skipped, stale or waiting, in words. */
export function explainQuestionStatus(
  compiled: CompiledRulebook,
  walk: Walk,
  session: SessionAnswers,
  questionId: string,
): string {
  const index = compiled.questionIndex.get(questionId)
  if (index === undefined) return `There is no question \`${questionId}\` in this rulebook.`
  const state = walk.questions[index]!
  const when = compiled.questions[index]!.when
  if (!when) return 'Always asked.'
  const condition = describeCondition(compiled, when)
  const decisions = sentence(describeDecisions(compiled, walk, session, state.trace.decidedBy))
  switch (state.status) {
    case 'answered':
    case 'to-answer':
      return `Asked because ${condition}${decisions ? `: ${decisions}` : ''}.`
    case 'skipped':
      return `Asked only if ${condition}; ${decisions || 'that is not the case'}.`
    case 'stale':
      return `No longer asked: asked only if ${condition}; ${decisions || 'that is no longer the case'}. Your work on it is kept.`
    case 'waiting':
      return `Asked only if ${condition}; that depends on ${missingText(compiled, state.trace)}, not answered yet.`
    default:
      return assertNever(state.status)
  }
}

/** Why a conclusion holds, fails or is undetermined, in words. */
export function explainConclusion(
  compiled: CompiledRulebook,
  walk: Walk,
  session: SessionAnswers,
  conclusionId: string,
): string {
  const index = compiled.conclusionIndex.get(conclusionId)
  if (index === undefined) return `There is no conclusion \`${conclusionId}\` in this rulebook.`
  const state = walk.conclusions[index]!
  const decisions = sentence(describeDecisions(compiled, walk, session, state.trace.decidedBy))
  switch (state.status) {
    case 'holds':
      return `Holds because ${decisions || 'its condition is met'}.`
    case 'fails':
      return `Does not hold because ${decisions || 'its condition is not met'}.`
    case 'undetermined':
      return `Undetermined until you answer ${missingText(compiled, state.trace)}.`
    default:
      return assertNever(state.status)
  }
}
