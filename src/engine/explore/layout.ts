import type { CompiledRulebook } from '../compile.ts'
import { assertNever, type ConditionNode } from '../conditions/ast.ts'

/**
 * The variables the explorer reasons about, and the values each can take.
 *
 * - One variable per question, for its answer state on a walk where it is asked: value 0 is
 *   "left unanswered"; then yes/no, each option, "answered" (free text, multiple choice), or
 *   each range of a scale that no condition tells apart.
 * - One variable per option of a multiple-choice question: 0 not ticked, 1 ticked.
 * - One variable for the scenario.
 *
 * Whether a question is asked is not a variable: it follows from earlier answers, and the
 * explorer always adds the answers that make a question asked to any cube that names it.
 */
export interface Layout {
  questionCount: number
  /** For each question, the labels of its values (index = bit). */
  values: string[][]
  /** For scale questions, the inclusive range of each value after "unanswered". */
  ranges: ([number, number] | undefined)[][]
  /** For multiple-choice questions, the variable of each option. */
  optionVars: (number[] | undefined)[]
  /** What each option variable belongs to. */
  optionOf: Map<number, { question: number; option: number }>
  scenarioVar: number
  scenarios: string[]
  variableCount: number
}

export const unansweredBit = 1n

/** The mask of every value of a variable from bit `from` to bit `count - 1`. */
export function maskRange(from: number, count: number): bigint {
  return ((1n << BigInt(count)) - 1n) & ~((1n << BigInt(from)) - 1n)
}

/** Numbers each scale question is compared with, per comparison, across every condition. */
function comparisons(compiled: CompiledRulebook): Map<string, { operator: string; value: number }[]> {
  const found = new Map<string, { operator: string; value: number }[]>()
  const pending: ConditionNode[] = []
  for (const q of compiled.questions) if (q.when) pending.push(q.when)
  for (const c of compiled.conclusions) if (c.when) pending.push(c.when)
  while (pending.length > 0) {
    const node = pending.pop()!
    switch (node.type) {
      case 'and':
      case 'or':
        pending.push(...node.operands)
        break
      case 'not':
        pending.push(node.operand)
        break
      case 'compare': {
        const list = found.get(node.subject.name) ?? []
        list.push({ operator: node.operator, value: node.value })
        found.set(node.subject.name, list)
        break
      }
      case 'reference':
      case 'is':
      case 'answered':
      case 'contains':
      case 'scenario':
        break
      default:
        assertNever(node)
    }
  }
  return found
}

export function compareNumbers(value: number, operator: string, bound: number): boolean {
  switch (operator) {
    case '<':
      return value < bound
    case '<=':
      return value <= bound
    case '>':
      return value > bound
    case '>=':
      return value >= bound
    case '=':
      return value === bound
    default:
      return value !== bound
  }
}

/** Lays out the variables of a rulebook (error-free: the explorer runs after lint). */
export function layoutOf(compiled: CompiledRulebook): Layout {
  const questionCount = compiled.questions.length
  const compared = comparisons(compiled)
  const values: string[][] = []
  const ranges: ([number, number] | undefined)[][] = []
  const optionVars: (number[] | undefined)[] = []
  const optionOf = new Map<number, { question: number; option: number }>()
  let next = questionCount
  for (const { question, options, index } of compiled.questions) {
    const { answer } = question
    switch (answer.kind) {
      case 'yes-no':
      case 'single-choice':
        values.push(['unanswered', ...options])
        ranges.push([])
        optionVars.push(undefined)
        break
      case 'free-text':
        values.push(['unanswered', 'answered'])
        ranges.push([])
        optionVars.push(undefined)
        break
      case 'multiple-choice': {
        values.push(['unanswered', 'answered'])
        ranges.push([])
        const vars = options.map((_, k) => {
          optionOf.set(next, { question: index, option: k })
          return next++
        })
        optionVars.push(vars)
        break
      }
      case 'scale': {
        const min = answer.min ?? 0
        const max = answer.max ?? 10
        const tests = compared.get(question.id) ?? []
        const groups: [number, number][] = []
        let signature = ''
        // Whole numbers, as the workbook offers them; consecutive values no comparison tells apart share one class.
        for (let v = min; v <= max; v++) {
          const mark = tests.map((t) => (compareNumbers(v, t.operator, t.value) ? '1' : '0')).join('')
          if (groups.length > 0 && mark === signature) groups[groups.length - 1]![1] = v
          else groups.push([v, v])
          signature = mark
        }
        values.push(['unanswered', ...groups.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}–${hi}`))])
        ranges.push([undefined, ...groups])
        optionVars.push(undefined)
        break
      }
      default:
        assertNever(answer.kind)
    }
  }
  const scenarios = compiled.rulebook.scenarios.map((s) => s.id)
  return {
    questionCount,
    values,
    ranges,
    optionVars,
    optionOf,
    scenarioVar: next,
    scenarios,
    variableCount: next + 1,
  }
}
