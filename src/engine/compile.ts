import type { Authority, Conclusion, Fact, Question, Rulebook, Term } from './generated/rulebook.ts'
import type { ConditionNode } from './conditions/ast.ts'
import { parseCondition, type ParseResult } from './conditions/parse.ts'
import { resolveScenarios, type ResolvedScenario } from './scenarios.ts'

/** A question ready for evaluation: its condition parsed once, its options listed. */
export interface CompiledQuestion {
  question: Question
  index: number
  /** The parsed `when`, or undefined when the question is always asked. */
  when: ConditionNode | undefined
  parsedWhen: ParseResult | undefined
  /** The answers it accepts: `yes`/`no`, or its option ids. */
  options: readonly string[]
}

/** A conclusion ready for evaluation. */
export interface CompiledConclusion {
  conclusion: Conclusion
  index: number
  when: ConditionNode | undefined
  parsedWhen: ParseResult
}

/**
 * Where a fact sits: the first scenario stating it (a base before its variations) and its
 * paragraph number there, which its variations keep.
 */
export interface FactLocation {
  scenario: string
  number: number
  fact: Fact
}

/** A rulebook with its conditions parsed and its ids indexed: what evaluation works from. */
export interface CompiledRulebook {
  rulebook: Rulebook
  questions: CompiledQuestion[]
  conclusions: CompiledConclusion[]
  questionIndex: ReadonlyMap<string, number>
  conclusionIndex: ReadonlyMap<string, number>
  sectionIndex: ReadonlyMap<string, number>
  /** Every scenario with its variation resolved (inherited and replaced facts), by id. */
  scenarios: ReadonlyMap<string, ResolvedScenario>
  facts: ReadonlyMap<string, FactLocation>
  authorities: ReadonlyMap<string, Authority>
  glossary: ReadonlyMap<string, Term>
}

const yesNo = Object.freeze(['yes', 'no'])

/** The answers a question accepts. */
export function optionIds(question: Question): readonly string[] {
  if (question.answer.kind === 'yes-no') return yesNo
  return question.answer.options?.map((option) => option.id) ?? []
}

function firstIndex<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const index = new Map<string, number>()
  items.forEach((item, i) => {
    if (!index.has(key(item))) index.set(key(item), i)
  })
  return index
}

/** Parses every condition once and indexes every id. Never throws on a rulebook's mistakes. */
export function compileRulebook(rulebook: Rulebook): CompiledRulebook {
  const questions = rulebook.questions.map((question, index): CompiledQuestion => {
    const parsedWhen = question.when === undefined ? undefined : parseCondition(question.when)
    return {
      question,
      index,
      parsedWhen,
      when: parsedWhen?.ok ? parsedWhen.node : undefined,
      options: optionIds(question),
    }
  })
  const conclusions = rulebook.conclusions.map((conclusion, index): CompiledConclusion => {
    const parsedWhen = parseCondition(conclusion.when)
    return { conclusion, index, parsedWhen, when: parsedWhen.ok ? parsedWhen.node : undefined }
  })
  // Variations are resolved here, once, so evaluation, drift, reports and the facts panels all
  // see the same facts and paragraph numbers.
  const { scenarios } = resolveScenarios(rulebook)
  const facts = new Map<string, FactLocation>()
  for (const scenario of scenarios) {
    for (const { fact, number } of scenario.paragraphs) {
      if (!facts.has(fact.id)) facts.set(fact.id, { scenario: scenario.id, number, fact })
    }
  }
  const scenarioMap = new Map<string, ResolvedScenario>()
  for (const scenario of scenarios) if (!scenarioMap.has(scenario.id)) scenarioMap.set(scenario.id, scenario)
  return {
    rulebook,
    questions,
    conclusions,
    questionIndex: firstIndex(rulebook.questions, (q) => q.id),
    conclusionIndex: firstIndex(rulebook.conclusions, (c) => c.id),
    sectionIndex: firstIndex(rulebook.sections, (s) => s.id),
    scenarios: scenarioMap,
    facts,
    authorities: new Map(rulebook.authorities.map((a) => [a.id, a])),
    glossary: new Map((rulebook.glossary ?? []).map((t) => [t.id, t])),
  }
}
