import { assertNever, type ConditionNode } from './ast.ts'

const list = (items: { name: string }[]) => `[${items.map((i) => i.name).join(', ')}]`

/** Writes a condition back in canonical form, with parentheses only where precedence needs them. */
export function printCondition(node: ConditionNode): string {
  switch (node.type) {
    case 'and':
      return node.operands.map((o) => (o.type === 'or' ? `(${printCondition(o)})` : printCondition(o))).join(' and ')
    case 'or':
      return node.operands.map(printCondition).join(' or ')
    case 'not': {
      const inner = printCondition(node.operand)
      return node.operand.type === 'and' || node.operand.type === 'or' ? `not (${inner})` : `not ${inner}`
    }
    case 'reference':
      return node.subject.name
    case 'is': {
      const not = node.negated ? 'not ' : ''
      return node.options.length === 1
        ? `${node.subject.name} is ${not}${node.options[0]!.name}`
        : `${node.subject.name} is ${not}one of ${list(node.options)}`
    }
    case 'answered':
      return `${node.subject.name} is ${node.negated ? 'unanswered' : 'answered'}`
    case 'contains':
      return node.options.length === 1 && node.mode === 'any'
        ? `${node.subject.name} contains ${node.options[0]!.name}`
        : `${node.subject.name} contains ${node.mode} of ${list(node.options)}`
    case 'compare':
      return `${node.subject.name} ${node.operator} ${node.value}`
    case 'scenario':
      return `scenario is ${node.negated ? 'not ' : ''}${node.scenario.name}`
    default:
      return assertNever(node)
  }
}
