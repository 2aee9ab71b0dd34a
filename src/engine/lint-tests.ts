import type { AuthorTest, TestAnswer } from './generated/rulebook.ts'
import type { CompiledRulebook } from './compile.ts'
import type { LintAdd, LintPath } from './lint.ts'
import { listInWords } from './conditions/check.ts'

/** How a test is named in problems: test “Silence is not consent”. */
export function testOwner(test: AuthorTest): string {
  return `test “${test.name}”`
}

const conclusionKeys = ['holds', 'fails', 'undetermined'] as const
const questionKeys = ['asked', 'skipped', 'stale'] as const

const expectedInWords: Record<(typeof conclusionKeys)[number] | (typeof questionKeys)[number], string> = {
  holds: 'to hold',
  fails: 'to fail',
  undetermined: 'to be undetermined',
  asked: 'to be asked',
  skipped: 'to be skipped',
  stale: 'to be stale',
}

/**
 * Checks the rulebook's author tests: unique names, a scenario that exists, answers each
 * question can take (by kind, option and range), and expectations that name real conclusions
 * and questions. Every problem is located at the entry concerned.
 */
export function lintTests(compiled: CompiledRulebook, add: LintAdd, lineOf: (path: LintPath) => number): void {
  const { rulebook, questionIndex, conclusionIndex } = compiled
  const tests = rulebook.tests ?? []
  const scenarioIds = rulebook.scenarios.map((s) => s.id)
  const names = new Map<string, number>()

  tests.forEach((test, i) => {
    const at = (...rest: LintPath): LintPath => ['tests', i, ...rest]
    const owner = testOwner(test)
    const earlier = names.get(test.name)
    if (earlier !== undefined) {
      add('duplicate-test', at('name'), `${owner} has the same name as the test on line ${lineOf(['tests', earlier])}`, {
        hint: 'every test needs its own name: failures are reported by it',
      })
    } else {
      names.set(test.name, i)
    }
    if (!scenarioIds.includes(test.scenario)) {
      add('unknown-scenario', at('scenario'), `${owner} walks scenario \`${test.scenario}\`, but the scenarios are ${listInWords(scenarioIds)}`)
    }

    for (const [id, value] of Object.entries(test.answers)) {
      const index = questionIndex.get(id)
      if (index === undefined) {
        add('unknown-question', at('answers', id), `${owner} answers \`${id}\`, which is not a question of this rulebook`, {
          key: true,
          hint: conclusionIndex.has(id) ? `\`${id}\` is a conclusion: list it under \`expect\`` : 'check the spelling against the ids under `questions:`',
        })
        continue
      }
      checkAnswer(compiled, index, value, owner, at('answers', id), add)
    }

    const { expect } = test
    for (const key of conclusionKeys) {
      expect[key]?.forEach((id, j) => {
        if (!conclusionIndex.has(id)) {
          add('unknown-conclusion', at('expect', key, j), `${owner} expects \`${id}\` ${expectedInWords[key]}, but it is not a conclusion of this rulebook`, {
            hint: questionIndex.has(id) ? `\`${id}\` is a question: list it under \`asked\`, \`skipped\` or \`stale\`` : 'check the spelling against the ids under `conclusions:`',
          })
        }
      })
    }
    for (const key of questionKeys) {
      expect[key]?.forEach((id, j) => {
        if (!questionIndex.has(id)) {
          add('unknown-question', at('expect', key, j), `${owner} expects \`${id}\` ${expectedInWords[key]}, but it is not a question of this rulebook`, {
            hint: conclusionIndex.has(id) ? `\`${id}\` is a conclusion: list it under \`holds\`, \`fails\` or \`undetermined\`` : 'check the spelling against the ids under `questions:`',
          })
        }
      })
    }
    if (typeof expect.next === 'string' && !questionIndex.has(expect.next)) {
      add('unknown-question', at('expect', 'next'), `${owner} expects the next question to be \`${expect.next}\`, but it is not a question of this rulebook`, {
        hint: 'name a question id, or write `null` for a walk with nothing left to answer',
      })
    }
  })
}

/** An answer must be one the question can take: its kind, its options, its range. */
function checkAnswer(
  compiled: CompiledRulebook,
  index: number,
  value: TestAnswer,
  owner: string,
  path: LintPath,
  add: LintAdd,
): void {
  if (value === null) return
  const { question, options } = compiled.questions[index]!
  const { answer } = question
  const what = `${owner} answers \`${question.id}\``
  const wrongKind = (takes: string, hint: string) =>
    add('answer-type', path, `${what} with ${describeValue(value)}, but it is a ${answer.kind} question, which takes ${takes}`, { hint })
  const checkOption = (id: string, itemPath: LintPath) => {
    if (!options.includes(id)) {
      add('unknown-option', itemPath, `${what} with option \`${id}\`, but it has only ${listInWords(options)}`)
    }
  }
  switch (answer.kind) {
    case 'yes-no':
    case 'single-choice':
      if (typeof value !== 'string') {
        wrongKind(answer.kind === 'yes-no' ? '`yes` or `no`' : 'one option id', `write one of ${listInWords(options)}`)
      } else {
        checkOption(value, path)
      }
      return
    case 'multiple-choice':
      if (!Array.isArray(value)) {
        wrongKind('a list of option ids', `write a list, e.g. [${typeof value === 'string' ? value : options[0]}]`)
      } else if (value.length === 0) {
        add('answer-type', path, `${what} with an empty list, which is no answer`, { hint: 'write `null` for a question left unanswered' })
      } else {
        value.forEach((id, k) => checkOption(id, [...path, k]))
      }
      return
    case 'scale': {
      const { min = 0, max = 100 } = answer
      if (typeof value !== 'number') {
        wrongKind(`a number from ${min} to ${max}`, `write a number such as ${min}`)
      } else if (!Number.isFinite(value) || value < min || value > max) {
        add('answer-type', path, `${what} with ${value}, outside its scale of ${min} to ${max}`)
      }
      return
    }
    case 'free-text':
      if (typeof value !== 'string') wrongKind('text', 'write the text in quotes')
      return
  }
}

function describeValue(value: Exclude<TestAnswer, null>): string {
  if (Array.isArray(value)) return `a list`
  if (typeof value === 'number') return `the number ${value}`
  const short = value.length > 40 ? `${value.slice(0, 37)}…` : value
  return `\`${short.replace(/\s+/g, ' ')}\``
}
