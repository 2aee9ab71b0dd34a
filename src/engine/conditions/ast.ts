/** Offsets into the condition text, start inclusive, end exclusive. */
export interface Span {
  start: number
  end: number
}

/** An identifier as written, with where it was written. */
export interface Identifier {
  name: string
  span: Span
}

export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '!='

/** A parsed condition. Every walk over it is a `switch (node.type)` with an exhaustive default. */
export type ConditionNode =
  | { type: 'and'; operands: ConditionNode[]; span: Span }
  | { type: 'or'; operands: ConditionNode[]; span: Span }
  | { type: 'not'; operand: ConditionNode; span: Span }
  /** A bare id: a yes/no question answered yes, or a conclusion that holds. */
  | { type: 'reference'; subject: Identifier; span: Span }
  /** `q is x`, `q is not x`, `q is one of [x, y]`. */
  | { type: 'is'; subject: Identifier; negated: boolean; options: Identifier[]; span: Span }
  /** `q is answered`, `q is unanswered` (negated). */
  | { type: 'answered'; subject: Identifier; negated: boolean; span: Span }
  /** `q contains x`, `q contains any of [...]`, `q contains all of [...]`. */
  | { type: 'contains'; subject: Identifier; mode: 'any' | 'all'; options: Identifier[]; span: Span }
  /** `q >= 3`. */
  | { type: 'compare'; subject: Identifier; operator: ComparisonOperator; value: number; span: Span }
  /** `scenario is x`, `scenario is not x`. */
  | { type: 'scenario'; scenario: Identifier; negated: boolean; span: Span }

/** Words the grammar gives a meaning; they cannot be question or conclusion ids. */
export const reservedIds: ReadonlySet<string> = new Set(['and', 'or', 'not', 'is', 'contains', 'scenario'])

/** Words that follow `is` or `contains` with a meaning of their own; they cannot be option ids. */
export const reservedOptionIds: ReadonlySet<string> = new Set(['answered', 'unanswered', 'one', 'any', 'all'])

/** Fails to compile when a switch over node types forgets one. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected condition node: ${JSON.stringify(value)}`)
}
