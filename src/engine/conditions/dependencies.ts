import { assertNever, type ConditionNode, type Identifier } from './ast.ts'

/** Every id a condition refers to as a subject (questions or conclusions), in order of appearance. */
export function subjectsOf(node: ConditionNode): Identifier[] {
  const found: Identifier[] = []
  const visit = (n: ConditionNode): void => {
    switch (n.type) {
      case 'and':
      case 'or':
        n.operands.forEach(visit)
        return
      case 'not':
        visit(n.operand)
        return
      case 'reference':
      case 'is':
      case 'answered':
      case 'contains':
      case 'compare':
        found.push(n.subject)
        return
      case 'scenario':
        return
      default:
        assertNever(n)
    }
  }
  visit(node)
  return found
}

/** The distinct ids a condition depends on. */
export function dependenciesOf(node: ConditionNode): string[] {
  return [...new Set(subjectsOf(node).map((subject) => subject.name))]
}
