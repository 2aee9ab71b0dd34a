import type { AnswerKind } from '../generated/rulebook.ts'
import { assertNever, type ConditionNode, type Identifier, type Span } from './ast.ts'

/** What a condition can refer to, as the rulebook defines it. */
export interface ConditionScope {
  question(id: string): { kind: AnswerKind; options: readonly string[] } | undefined
  isConclusion(id: string): boolean
  scenarios: readonly string[]
}

/** A mistake in what a condition refers to, with where it is in the condition. */
export interface ConditionIssue {
  code: 'unknown-reference' | 'unknown-option' | 'unknown-scenario' | 'condition-type'
  message: string
  hint?: string
  span: Span
}

const kindInWords: Record<AnswerKind, string> = {
  'yes-no': 'a yes/no',
  'single-choice': 'a single-choice',
  'multiple-choice': 'a multiple-choice',
  scale: 'a scale',
  'free-text': 'a free-text',
}

/** How to test a question of each kind, for hints. */
function howToTest(id: string, kind: AnswerKind, options: readonly string[]): string {
  const option = options[0] ?? 'option'
  switch (kind) {
    case 'yes-no':
      return `write \`${id}\`, \`${id} is yes\` or \`${id} is no\``
    case 'single-choice':
      return `write \`${id} is ${option}\` or \`${id} is one of [${options.slice(0, 2).join(', ')}]\``
    case 'multiple-choice':
      return `write \`${id} contains ${option}\` or \`${id} contains any of [${options.slice(0, 2).join(', ')}]\``
    case 'scale':
      return `write a comparison such as \`${id} >= 3\``
    case 'free-text':
      return `free-text answers can only be tested with \`${id} is answered\` or \`${id} is unanswered\``
    default:
      return assertNever(kind)
  }
}

/** `a`, `a` and `b`, `a`, `b` and `c`. */
export function listInWords(items: readonly string[]): string {
  const quoted = items.map((item) => `\`${item}\``)
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
}

/** Checks that a condition refers to things that exist, in ways their kinds allow. */
export function checkCondition(
  node: ConditionNode,
  owner: string,
  scope: ConditionScope,
): ConditionIssue[] {
  const issues: ConditionIssue[] = []
  const report = (issue: ConditionIssue) => issues.push(issue)

  /** The question a test is about, reporting an unknown or mistyped subject. */
  function subjectQuestion(subject: Identifier, test: string) {
    const question = scope.question(subject.name)
    if (question) return question
    if (scope.isConclusion(subject.name)) {
      report({
        code: 'condition-type',
        message: `${owner} tests conclusion \`${subject.name}\` with ${test}, but a conclusion only holds or not`,
        hint: `write \`${subject.name}\` or \`not ${subject.name}\``,
        span: subject.span,
      })
    } else {
      reportUnknown(subject)
    }
    return undefined
  }

  function reportUnknown(subject: Identifier) {
    report({
      code: 'unknown-reference',
      message: `${owner} refers to \`${subject.name}\`, which is neither a question nor a conclusion`,
      hint: 'check the spelling against the ids under `questions:` and `conclusions:`',
      span: subject.span,
    })
  }

  function checkOptions(subject: Identifier, options: readonly string[], tested: Identifier[]) {
    if (options.length === 0) return // the question lists no options: reported on the question
    for (const option of tested) {
      if (options.includes(option.name)) continue
      report({
        code: 'unknown-option',
        message: `${owner} refers to option \`${option.name}\`, but \`${subject.name}\` has only ${listInWords(options)}`,
        span: option.span,
      })
    }
  }

  function wrongKind(subject: Identifier, kind: AnswerKind, options: readonly string[], test: string) {
    report({
      code: 'condition-type',
      message: `${owner} uses ${test} on \`${subject.name}\`, which is ${kindInWords[kind]} question`,
      hint: howToTest(subject.name, kind, options),
      span: subject.span,
    })
  }

  const visit = (n: ConditionNode): void => {
    switch (n.type) {
      case 'and':
      case 'or':
        n.operands.forEach(visit)
        return
      case 'not':
        visit(n.operand)
        return
      case 'reference': {
        if (scope.isConclusion(n.subject.name)) return
        const question = scope.question(n.subject.name)
        if (!question) return reportUnknown(n.subject)
        if (question.kind !== 'yes-no') {
          report({
            code: 'condition-type',
            message: `${owner} uses \`${n.subject.name}\` on its own, but it is ${kindInWords[question.kind]} question, not a yes/no question`,
            hint: howToTest(n.subject.name, question.kind, question.options),
            span: n.subject.span,
          })
        }
        return
      }
      case 'is': {
        const question = subjectQuestion(n.subject, '`is`')
        if (!question) return
        if (question.kind === 'yes-no' || question.kind === 'single-choice') {
          checkOptions(n.subject, question.options, n.options)
        } else {
          wrongKind(n.subject, question.kind, question.options, '`is`')
        }
        return
      }
      case 'answered':
        subjectQuestion(n.subject, '`is answered`')
        return
      case 'contains': {
        const question = subjectQuestion(n.subject, '`contains`')
        if (!question) return
        if (question.kind === 'multiple-choice') {
          checkOptions(n.subject, question.options, n.options)
        } else {
          wrongKind(n.subject, question.kind, question.options, '`contains`')
        }
        return
      }
      case 'compare': {
        const question = subjectQuestion(n.subject, `\`${n.operator}\``)
        if (question && question.kind !== 'scale') {
          wrongKind(n.subject, question.kind, question.options, `\`${n.operator}\``)
        }
        return
      }
      case 'scenario':
        if (!scope.scenarios.includes(n.scenario.name)) {
          report({
            code: 'unknown-scenario',
            message: `${owner} refers to scenario \`${n.scenario.name}\`, but the scenarios are ${listInWords(scope.scenarios)}`,
            span: n.scenario.span,
          })
        }
        return
      default:
        assertNever(n)
    }
  }
  visit(node)
  return issues
}
