import type { Rulebook } from './generated/rulebook.ts'
import type { Problem, ProblemCode } from './problems.ts'
import type { SourceFile } from './source.ts'
import { compileRulebook, type CompiledRulebook } from './compile.ts'
import { reservedIds, reservedOptionIds, type ConditionNode } from './conditions/ast.ts'
import { checkCondition, listInWords, type ConditionScope } from './conditions/check.ts'
import { subjectsOf } from './conditions/dependencies.ts'
import { lintPaths } from './lint-paths.ts'
import { lintTests } from './lint-tests.ts'
import { MAX_EXTENDS_DEPTH, resolveScenarios, type ResolvedScenario, type ScenarioIssue } from './scenarios.ts'
import { termLinkPattern } from './glossary.ts'

type Path = (string | number)[]
/** A path inside the rulebook, as problems carry it. */
export type LintPath = Path
type Locator = Pick<SourceFile, 'file' | 'locate' | 'locateWithin'>

/** Ways to hear from a check while it runs. */
export interface LoadHooks {
  /**
   * Every problem found before the path explorer runs (the explorer is the slowest check and adds
   * only warnings), so an editor can show them at once and the explorer's warnings after.
   */
  beforePaths?: (problems: Problem[]) => void
}

/**
 * The checks a schema cannot express: ids that clash or point nowhere, conditions that do not
 * parse or do not fit the questions they test, forward references and cycles, questions and
 * conclusions that can never be reached, and authorities and facts nobody uses.
 */
export function lintRulebook(rulebook: Rulebook, source: Locator, hooks: LoadHooks = {}): Problem[] {
  const problems: Problem[] = []
  const add = (
    code: ProblemCode,
    path: Path,
    message: string,
    options: { hint?: string; severity?: 'error' | 'warning'; within?: { start: number; end: number }; key?: boolean } = {},
  ) => {
    problems.push({
      code,
      severity: options.severity ?? 'error',
      message,
      ...(options.hint ? { hint: options.hint } : {}),
      file: source.file,
      range: options.within
        ? source.locateWithin(path, options.within.start, options.within.end)
        : source.locate(path, { key: options.key ?? false }),
      path,
    })
  }
  const lineOf = (path: Path) => source.locate(path).start.line

  const compiled = compileRulebook(rulebook)
  const resolved = resolveScenarios(rulebook)
  const ownerOf = (scenario: number) => `scenario \`${rulebook.scenarios[scenario]!.id}\``
  // A variation whose base cannot be found is reported once, at its `extends`: its facts and
  // fact links are not checked as well, since every one of them would be a consequence.
  const unresolved = new Set(
    resolved.issues.flatMap((i) =>
      i.kind === 'cycle' ? i.ids : i.kind === 'unknown-base' || i.kind === 'too-deep' ? [rulebook.scenarios[i.scenario]!.id] : [],
    ),
  )
  for (const issue of resolved.issues) {
    const consequence = (issue.kind === 'unknown-removal' || issue.kind === 'no-facts') && unresolved.has(rulebook.scenarios[issue.scenario]!.id)
    if (!consequence) lintScenarioIssue(issue, rulebook, ownerOf(issue.scenario), add)
  }

  // Ids: unique within their kind; questions and conclusions share one namespace, since
  // conditions refer to both by bare id.
  const checkUnique = (items: { what: string; id: string; path: Path }[]) => {
    const first = new Map<string, { what: string; path: Path }>()
    for (const item of items) {
      const earlier = first.get(item.id)
      if (earlier) {
        add('duplicate-id', [...item.path, 'id'], `${item.what} \`${item.id}\` has the same id as ${earlier.what} \`${item.id}\` on line ${lineOf(earlier.path)}`, {
          hint: 'every id must be unique; rename one of them',
        })
      } else {
        first.set(item.id, item)
      }
    }
  }
  checkUnique(rulebook.sections.map((s, i) => ({ what: 'section', id: s.id, path: ['sections', i] })))
  checkUnique(rulebook.scenarios.map((s, i) => ({ what: 'scenario', id: s.id, path: ['scenarios', i] })))
  checkUnique(rulebook.authorities.map((a, i) => ({ what: 'authority', id: a.id, path: ['authorities', i] })))
  // A variation may restate its base's facts (overrides); any other repeated fact id is a clash.
  checkUnique(
    rulebook.scenarios.flatMap((s, i) =>
      (s.facts ?? []).flatMap((f, j) =>
        unresolved.has(s.id) || resolved.scenarios[i]!.facts.get(f.id)?.origin === 'override' ? [] : [{ what: 'fact', id: f.id, path: ['scenarios', i, 'facts', j] as Path }],
      ),
    ),
  )
  checkUnique((rulebook.glossary ?? []).map((t, i) => ({ what: 'glossary term', id: t.id, path: ['glossary', i] })))
  checkUnique([
    ...rulebook.questions.map((q, i) => ({ what: 'question', id: q.id, path: ['questions', i] as Path })),
    ...rulebook.conclusions.map((c, i) => ({ what: 'conclusion', id: c.id, path: ['conclusions', i] as Path })),
  ])
  for (const [kind, items] of [['question', rulebook.questions], ['conclusion', rulebook.conclusions]] as const) {
    items.forEach((item, i) => {
      if (reservedIds.has(item.id)) {
        add('reserved-id', [`${kind === 'question' ? 'questions' : 'conclusions'}`, i, 'id'], `${kind} id \`${item.id}\` is a word of the condition language`, {
          hint: `choose another id; ${listInWords([...reservedIds])} are reserved`,
        })
      }
    })
  }

  const sectionIds = new Set(rulebook.sections.map((s) => s.id))
  const scenarioIds = rulebook.scenarios.map((s) => s.id)
  const usedAuthorities = new Set<string>()
  const usedFacts = new Set<string>()
  const sectionsWithQuestions = new Set<string>()
  const checkAuthority = (id: string, path: Path, owner: string) => {
    usedAuthorities.add(id)
    if (!compiled.authorities.has(id)) {
      add('unknown-authority', path, `${owner} cites authority \`${id}\`, which is not in the table of authorities`, {
        hint: 'add it under `authorities:` or correct the id',
      })
    }
  }

  rulebook.questions.forEach((question, i) => {
    const at = (...rest: Path): Path => ['questions', i, ...rest]
    const owner = `question \`${question.id}\``
    const { answer } = question
    sectionsWithQuestions.add(question.section)
    if (!sectionIds.has(question.section)) {
      add('unknown-section', at('section'), `${owner} belongs to section \`${question.section}\`, which does not exist`, {
        hint: `the sections are ${listInWords([...sectionIds])}`,
      })
    }

    const hasOptions = answer.kind === 'single-choice' || answer.kind === 'multiple-choice'
    if (hasOptions && !answer.options) {
      add('options-required', at('answer'), `${owner} is a ${answer.kind} question but lists no \`options\``)
    }
    if (!hasOptions && answer.options) {
      add('options-not-allowed', at('answer', 'options'), `${owner} is a ${answer.kind} question, so it cannot list \`options\``, {
        hint: answer.kind === 'yes-no' ? 'yes/no questions always have the options `yes` and `no`' : 'use `single-choice` or `multiple-choice` for a list of options',
      })
    }
    if (answer.kind === 'scale') {
      if (answer.min === undefined || answer.max === undefined || answer.min >= answer.max) {
        add('scale-range', at('answer'), `${owner} is a scale question and needs \`min\` and \`max\`, with \`min\` below \`max\``)
      }
    } else if (answer.min !== undefined || answer.max !== undefined) {
      add('options-not-allowed', at('answer', answer.min !== undefined ? 'min' : 'max'), `${owner} is not a scale question, so it cannot have \`min\` or \`max\``)
    }
    const optionPaths = (answer.options ?? []).map((o, j) => ({ what: 'option', id: o.id, path: at('answer', 'options', j) }))
    checkUnique(optionPaths)
    optionPaths.forEach(({ id, path }) => {
      if (reservedOptionIds.has(id)) {
        add('reserved-id', [...path, 'id'], `option \`${id}\` of ${owner} would read as \`is ${id}\` in conditions`, { hint: 'choose another option id' })
      }
    })

    const options = compiled.questions[i]!.options
    const checkOption = (id: string, path: Path, what: string) => {
      if (options.length > 0 && !options.includes(id)) {
        add('unknown-option', path, `${owner} ${what} option \`${id}\`, but it has only ${listInWords(options)}`)
      }
    }
    question.arguments?.forEach((argument, j) =>
      argument.supports?.forEach((id, k) => checkOption(id, at('arguments', j, 'supports', k), 'has an argument supporting')),
    )
    const model = question.modelAnswer?.answer
    if (model !== undefined) {
      if (Array.isArray(model)) model.forEach((id, k) => checkOption(id, at('modelAnswer', 'answer', k), 'gives as model answer'))
      else checkOption(model, at('modelAnswer', 'answer'), 'gives as model answer')
    }

    question.authorities?.forEach((citation, j) => checkAuthority(citation.authority, at('authorities', j, 'authority'), owner))
    const checkFact = (id: string, path: Path, scenario?: string) => {
      usedFacts.add(id)
      const location = compiled.facts.get(id)
      const inScenario = scenario === undefined ? undefined : compiled.scenarios.get(scenario)
      if (!location) {
        add('unknown-fact', path, `${owner} refers to fact \`${id}\`, which no scenario states`)
      } else if (inScenario && !unresolved.has(inScenario.id) && !inScenario.facts.has(id)) {
        const removed = inScenario.removed.some((p) => p.fact.id === id)
        add('unknown-fact', path, removed
          ? `${owner} gives guidance for scenario \`${scenario}\` citing fact \`${id}\`, which that variation removes`
          : `${owner} gives guidance for scenario \`${scenario}\` citing fact \`${id}\`, which belongs to scenario \`${location.scenario}\``)
      }
    }
    question.facts?.forEach((id, j) => checkFact(id, at('facts', j)))
    question.scenarioGuidance?.forEach((guidance, j) => {
      if (!scenarioIds.includes(guidance.scenario)) {
        add('unknown-scenario', at('scenarioGuidance', j, 'scenario'), `${owner} gives guidance for scenario \`${guidance.scenario}\`, but the scenarios are ${listInWords(scenarioIds)}`)
      }
      guidance.facts?.forEach((id, k) => checkFact(id, at('scenarioGuidance', j, 'facts', k), guidance.scenario))
    })
  })

  rulebook.conclusions.forEach((conclusion, i) => {
    if (conclusion.section !== undefined && !sectionIds.has(conclusion.section)) {
      add('unknown-section', ['conclusions', i, 'section'], `conclusion \`${conclusion.id}\` belongs to section \`${conclusion.section}\`, which does not exist`, {
        hint: `the sections are ${listInWords([...sectionIds])}`,
      })
    }
    for (const key of ['contradicts', 'compatible'] as const) {
      conclusion[key]?.forEach((id, j) => {
        if (!compiled.conclusionIndex.has(id) || id === conclusion.id) {
          add('unknown-conclusion', ['conclusions', i, key, j], id === conclusion.id
            ? `conclusion \`${conclusion.id}\` names itself under \`${key}\``
            : `conclusion \`${conclusion.id}\` names \`${id}\` under \`${key}\`, but it is not a conclusion of this rulebook`, {
            hint: 'list the ids of other conclusions',
          })
        }
      })
    }
  })

  ;(rulebook.glossary ?? []).forEach((term, i) =>
    term.authorities?.forEach((citation, j) => checkAuthority(citation.authority, ['glossary', i, 'authorities', j, 'authority'], `glossary term \`${term.id}\``)),
  )
  rulebook.instructor?.readings?.forEach((reading, i) => {
    if (reading.authority !== undefined) checkAuthority(reading.authority, ['instructor', 'readings', i, 'authority'], `reading ${i + 1} of the instructor's list`)
  })

  lintFactLinks(rulebook, compiled, resolved.scenarios, add, usedFacts, unresolved)
  lintTermLinks(rulebook, compiled, add)
  lintConditions(compiled, scenarioIds, add)
  lintTests(compiled, add, lineOf)

  // Exploring every walk needs a rulebook whose conditions all make sense.
  hooks.beforePaths?.([...problems])
  if (!problems.some((p) => p.severity === 'error')) lintPaths(compiled, add)

  rulebook.authorities.forEach((authority, i) => {
    if (!usedAuthorities.has(authority.id)) {
      add('unused-authority', ['authorities', i, 'id'], `authority \`${authority.id}\` is in the table but no question cites it`, {
        severity: 'warning',
        hint: 'cite it from a question, the glossary or the reading list, or remove it',
      })
    }
  })
  rulebook.scenarios.forEach((scenario, i) =>
    scenario.facts?.forEach((fact, j) => {
      if (!usedFacts.has(fact.id)) {
        const number = resolved.scenarios[i]!.facts.get(fact.id)?.number ?? j + 1
        add('unused-fact', ['scenarios', i, 'facts', j, 'id'], `fact \`${fact.id}\` (¶${number} of scenario \`${scenario.id}\`) is not referred to by any question`, {
          severity: 'warning',
          hint: "list it under a question's `facts`, or remove it",
        })
      }
    }),
  )
  rulebook.sections.forEach((section, i) => {
    if (!sectionsWithQuestions.has(section.id)) {
      add('empty-section', ['sections', i, 'id'], `section \`${section.id}\` has no questions`, { severity: 'warning' })
    }
  })
  return problems
}

/** A fact cited in prose as students cite it: `[¶4](#fact-dock-destroyed)`. */
const factLinkPattern = /\[¶(\d+)\]\(#fact-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\)/g

/** The scenario whose facts a piece of prose sees: its own scenario's, or a guidance's scenario's. */
function scenarioOfProse(rulebook: Rulebook, scenarios: readonly ResolvedScenario[], path: Path): ResolvedScenario | undefined {
  const [collection, index, part, item] = path
  if (collection === 'scenarios' && typeof index === 'number') return scenarios[index]
  if (collection === 'questions' && typeof index === 'number' && part === 'scenarioGuidance' && typeof item === 'number') {
    const id = rulebook.questions[index]?.scenarioGuidance?.[item]?.scenario
    return scenarios.find((s) => s.id === id)
  }
  return undefined
}

/**
 * Checks fact links in every piece of prose: the fact must exist, and the paragraph number shown
 * must be the fact's number, so that reordering a scenario's facts cannot silently leave guidance
 * pointing at the wrong paragraph. Prose that belongs to a scenario (its summary, variation, memo
 * and facts, or guidance for it) must link facts that hold in that scenario once its variation is
 * resolved; prose shared by every scenario may link any scenario's facts.
 */
function lintFactLinks(
  rulebook: Rulebook,
  compiled: CompiledRulebook,
  scenarios: readonly ResolvedScenario[],
  add: Add,
  usedFacts: Set<string>,
  unresolved: ReadonlySet<string>,
) {
  const visit = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(factLinkPattern)) {
        const [text, shown, id] = match as unknown as [string, string, string]
        usedFacts.add(id)
        const within = { start: match.index, end: match.index + text.length }
        const scenario = scenarioOfProse(rulebook, scenarios, path)
        if (scenario && unresolved.has(scenario.id)) continue
        const location = scenario ? scenario.facts.get(id) && { ...scenario.facts.get(id)!, scenario: scenario.id } : compiled.facts.get(id)
        if (!location) {
          const elsewhere = compiled.facts.get(id)
          add('unknown-fact', path, scenario && elsewhere
            ? `${describeOwner(rulebook, path)} links to fact \`${id}\`, which does not hold in scenario \`${scenario.id}\``
            : `${describeOwner(rulebook, path)} links to fact \`${id}\`, which no scenario states`, { within })
        } else if (Number(shown) !== location.number) {
          add('fact-number', path, `${describeOwner(rulebook, path)} shows fact \`${id}\` as ¶${shown}, but it is ¶${location.number} of scenario \`${location.scenario}\``, {
            within,
            hint: `write [¶${location.number}](#fact-${id})`,
          })
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key])
    }
  }
  visit(rulebook, [])
}

/** A glossary term linked in prose: `[armed attack](#term-armed-attack)`. */
function lintTermLinks(rulebook: Rulebook, compiled: CompiledRulebook, add: Add) {
  const used = new Set<string>()
  const visit = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(termLinkPattern)) {
        const [text, , id] = match as unknown as [string, string, string]
        // A definition that links its own term does not make the term used elsewhere.
        if (!(path[0] === 'glossary' && rulebook.glossary?.[path[1] as number]?.id === id)) used.add(id)
        if (!compiled.glossary.has(id)) {
          const known = [...compiled.glossary.keys()]
          add('unknown-term', path, `${describeOwner(rulebook, path)} links to glossary term \`${id}\`, which the glossary does not define`, {
            within: { start: match.index, end: match.index + text.length },
            hint: known.length > 0 ? `add it under \`glossary:\`; the terms are ${listInWords(known)}` : 'add it under `glossary:` with a definition',
          })
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key])
    }
  }
  visit(rulebook, [])
  rulebook.glossary?.forEach((term, i) => {
    if (!used.has(term.id)) {
      add('unused-term', ['glossary', i, 'id'], `glossary term \`${term.id}\` is defined but no prose links to it`, {
        severity: 'warning',
        hint: `link it where the prose uses it: [${term.term.toLowerCase()}](#term-${term.id})`,
      })
    }
  })
}

/** Problems with a scenario's `extends` and `removeFacts`, located where the author wrote them. */
function lintScenarioIssue(issue: ScenarioIssue, rulebook: Rulebook, owner: string, add: Add) {
  const at = (...rest: Path): Path => ['scenarios', issue.scenario, ...rest]
  const scenarioIds = rulebook.scenarios.map((s) => s.id)
  switch (issue.kind) {
    case 'unknown-base':
      add('unknown-scenario', at('extends'), `${owner} extends scenario \`${issue.base}\`, but the scenarios are ${listInWords(scenarioIds)}`)
      break
    case 'cycle':
      add('extends-cycle', at('extends'), `scenarios ${issue.ids.map((id) => `\`${id}\``).join(' → ')} extend each other in a circle`, {
        hint: 'a variation must extend a scenario that states its own facts, directly or through other variations',
      })
      break
    case 'too-deep':
      add('extends-depth', at('extends'), `${owner} is a variation ${issue.ids.length - 1} levels deep (${issue.ids.map((id) => `\`${id}\``).join(' → ')}); at most ${MAX_EXTENDS_DEPTH} are allowed`, {
        hint: 'extend a scenario nearer the one that states the facts',
      })
      break
    case 'unknown-removal':
      add('unknown-fact', at('removeFacts', issue.item), `${owner} removes fact \`${issue.fact}\`, which scenario \`${rulebook.scenarios[issue.scenario]!.extends}\` does not state`)
      break
    case 'removed-and-restated':
      add('duplicate-id', at('facts', issue.item, 'id'), `${owner} both removes fact \`${issue.fact}\` and restates it`, {
        hint: 'to change a fact, restate it under `facts:` with the same id; to drop it, list it under `removeFacts:`',
      })
      break
    case 'no-facts':
      add('empty-scenario', at(), `${owner} has no facts left once its variation is applied`, {
        hint: 'a variation must keep or add at least one fact',
      })
      break
    default:
      assertNever(issue)
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`)
}

/** "question `x`", "conclusion `y`", "scenario `z`": whose prose a path is in. */
function describeOwner(rulebook: Rulebook, path: Path): string {
  const [collection, index] = path
  if (collection === 'instructor') return "the instructor's apparatus"
  const kinds: Record<string, string> = { questions: 'question', conclusions: 'conclusion', sections: 'section', scenarios: 'scenario', glossary: 'glossary term' }
  if (typeof collection === 'string' && typeof index === 'number' && kinds[collection]) {
    const item = (rulebook as unknown as Record<string, { id: string }[]>)[collection]?.[index]
    return `${kinds[collection]} \`${item?.id ?? index + 1}\``
  }
  return 'the rulebook'
}

type Add = (
  code: ProblemCode,
  path: Path,
  message: string,
  options?: { hint?: string; severity?: 'error' | 'warning'; within?: { start: number; end: number }; key?: boolean },
) => void
/** How lint checks report a problem: code, path, message, and options. */
export type LintAdd = Add

function lintConditions(compiled: CompiledRulebook, scenarios: string[], add: Add) {
  const { rulebook, questionIndex, conclusionIndex } = compiled
  const scope: ConditionScope = {
    question(id) {
      const index = questionIndex.get(id)
      if (index === undefined) return undefined
      const q = compiled.questions[index]!
      return { kind: q.question.answer.kind, options: q.options }
    },
    isConclusion: (id) => conclusionIndex.has(id),
    scenarios,
  }

  const conditions = [
    ...compiled.questions.flatMap((q) =>
      q.parsedWhen ? [{ owner: `question \`${q.question.id}\``, path: ['questions', q.index, 'when'] as Path, parsed: q.parsedWhen }] : [],
    ),
    ...compiled.conclusions.map((c) => ({ owner: `conclusion \`${c.conclusion.id}\``, path: ['conclusions', c.index, 'when'] as Path, parsed: c.parsedWhen })),
  ]
  for (const { owner, path, parsed } of conditions) {
    if (!parsed.ok) {
      add('condition-syntax', path, `${owner} has a condition that cannot be read: ${parsed.error.message}`, {
        within: parsed.error.span,
        hint: 'see the condition language in rules/README.md',
      })
      continue
    }
    for (const issue of checkCondition(parsed.node, owner, scope)) {
      add(issue.code, path, issue.message, { within: issue.span, ...(issue.hint ? { hint: issue.hint } : {}) })
    }
  }

  // Cycles among conclusions: report each once, at the conclusion where it is first met.
  const conclusionRefs = (node: ConditionNode | undefined) =>
    node ? subjectsOf(node).filter((s) => conclusionIndex.has(s.name)) : []
  const state = new Map<number, 'visiting' | 'done'>()
  const stack: number[] = []
  const visit = (index: number) => {
    state.set(index, 'visiting')
    stack.push(index)
    for (const ref of conclusionRefs(compiled.conclusions[index]!.when)) {
      const target = conclusionIndex.get(ref.name)!
      if (state.get(target) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(target)).map((i) => rulebook.conclusions[i]!.id)
        add('cycle', ['conclusions', index, 'when'], `conclusions ${[...cycle, cycle[0]].map((id) => `\`${id}\``).join(' → ')} depend on each other in a circle`, {
          within: ref.span,
          hint: 'a conclusion cannot depend, directly or through others, on itself',
        })
      } else if (!state.has(target)) {
        visit(target)
      }
    }
    stack.pop()
    state.set(index, 'done')
  }
  compiled.conclusions.forEach((c) => state.has(c.index) || visit(c.index))

  // The latest question each conclusion depends on, through other conclusions (cycle-safe).
  const latest = new Map<number, { index: number; via: string } | null>()
  const latestQuestion = (conclusion: number, seen = new Set<number>()): { index: number; via: string } | null => {
    if (latest.has(conclusion)) return latest.get(conclusion)!
    if (seen.has(conclusion)) return null
    seen.add(conclusion)
    let result: { index: number; via: string } | null = null
    const when = compiled.conclusions[conclusion]!.when
    for (const subject of when ? subjectsOf(when) : []) {
      const q = questionIndex.get(subject.name)
      const c = conclusionIndex.get(subject.name)
      const candidate = q !== undefined ? { index: q, via: subject.name } : c !== undefined ? latestQuestion(c, seen) : null
      if (candidate && (!result || candidate.index > result.index)) result = candidate
    }
    latest.set(conclusion, result)
    return result
  }

  for (const { question, index, when } of compiled.questions) {
    if (!when) continue
    for (const subject of subjectsOf(when)) {
      const q = questionIndex.get(subject.name)
      const c = conclusionIndex.get(subject.name)
      const path = ['questions', index, 'when']
      if (q !== undefined && q >= index) {
        add('forward-reference', path, q === index
          ? `question \`${question.id}\` is asked depending on its own answer`
          : `question \`${question.id}\` depends on \`${subject.name}\`, which comes after it (question ${q + 1})`, {
          within: subject.span,
          hint: "a question's condition may refer only to earlier questions; move one of them",
        })
      } else if (c !== undefined) {
        const dependsOn = latestQuestion(c)
        if (dependsOn && dependsOn.index >= index) {
          add('forward-reference', path, `question \`${question.id}\` depends on conclusion \`${subject.name}\`, which depends on question \`${rulebook.questions[dependsOn.index]!.id}\`, asked after it`, {
            within: subject.span,
            hint: "a question's condition may refer only to conclusions drawn from earlier questions",
          })
        }
      }
    }
  }
}
