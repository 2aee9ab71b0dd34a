/**
 * "Save this walk as a test": the preview's answers and what they produce, written as an author
 * test in the rulebook's `tests:` list, appended to the YAML text for the author to review. Pure.
 */
import type { CompiledRulebook } from '@/engine/compile'
import type { AnswerValue } from '@/engine/generated/session'
import type { Walk } from '@/engine/walk'

/** An author test as the rulebook format writes it. */
export interface WalkTest {
  name: string
  scenario: string
  answers: Record<string, AnswerValue | null>
  expect: {
    holds?: string[]
    fails?: string[]
    undetermined?: string[]
    next?: string
  }
  because: string
}

/** The test that pins down what a walk concludes: answers to the questions asked, every conclusion's state, the next question. */
export function testFromWalk(
  compiled: CompiledRulebook,
  scenario: string,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
  walk: Walk,
  name: string,
): WalkTest {
  const given: Record<string, AnswerValue> = {}
  for (const state of walk.questions) {
    const value = answers[state.id]
    if (state.status === 'answered' && value !== undefined) given[state.id] = value
  }
  const byStatus = (status: string) => walk.conclusions.filter((c) => c.status === status).map((c) => c.id)
  const expect: WalkTest['expect'] = {}
  const holds = byStatus('holds')
  const fails = byStatus('fails')
  const undetermined = byStatus('undetermined')
  if (holds.length) expect.holds = holds
  if (fails.length) expect.fails = fails
  if (undetermined.length) expect.undetermined = undetermined
  if (walk.next && compiled.questionIndex.has(walk.next)) expect.next = walk.next
  return {
    name,
    scenario,
    answers: given,
    expect,
    because: 'Saved from the preview: say which legal point this walk protects.',
  }
}

const plainId = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const yamlWords = /^(yes|no|true|false|null|on|off|y|n)$/i

function scalar(value: string | number | null): string {
  if (value === null) return 'null'
  if (typeof value === 'number') return String(value)
  return plainId.test(value) && !yamlWords.test(value) ? value : JSON.stringify(value)
}

function flowList(values: readonly (string | number)[]): string {
  return `[${values.map(scalar).join(', ')}]`
}

/** The test as one item of a YAML list, its dash at `indent` spaces. */
export function testToYaml(test: WalkTest, indent = 2): string {
  const pad = ' '.repeat(indent)
  const inner = pad + '  '
  const answers = Object.entries(test.answers)
    .map(([id, value]) => `${id}: ${Array.isArray(value) ? flowList(value) : scalar(value)}`)
    .join(', ')
  const expect = Object.entries(test.expect)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? flowList(value) : scalar(value as string)}`)
    .join(', ')
  return [
    `${pad}- name: ${JSON.stringify(test.name)}`,
    `${inner}scenario: ${scalar(test.scenario)}`,
    `${inner}answers: { ${answers} }`,
    `${inner}expect: { ${expect} }`,
    `${inner}because: ${JSON.stringify(test.because)}`,
  ].join('\n')
}

/** The draft with the test appended to its top-level `tests:` list (created at the end if absent). */
export function appendTest(text: string, test: WalkTest): { text: string; line: number } {
  const lines = text.split('\n')
  const header = lines.findIndex((line) => /^tests:[ \t]*(#.*)?$/.test(line) || /^tests:[ \t]*\[\s*\][ \t]*$/.test(line))
  if (header < 0) {
    const body = text.replace(/\s*$/, '')
    const before = body.split('\n').length
    return { text: `${body}\ntests:\n${testToYaml(test)}\n`, line: before + 2 }
  }
  // The block ends at the next top-level line that is not a list item or a comment.
  let end = header + 1
  let lastContent = header
  let indent: number | undefined
  for (; end < lines.length; end++) {
    const line = lines[end]!
    if (line.trim() === '') continue
    if (/^[^\s#-]/.test(line)) break
    lastContent = end
    const dash = /^(\s*)-\s/.exec(line)
    if (indent === undefined && dash) indent = dash[1]!.length
  }
  const item = testToYaml(test, indent ?? 2)
  const headerLine = lines[header]!.startsWith('tests: [') || /^tests:\s*\[/.test(lines[header]!) ? 'tests:' : lines[header]!
  const next = [...lines.slice(0, header), headerLine, ...lines.slice(header + 1, lastContent + 1), item, ...lines.slice(lastContent + 1)]
  return { text: next.join('\n'), line: lastContent + 2 }
}
