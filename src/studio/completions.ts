/**
 * What the editor offers as the author types, and what it shows on hover: property names and
 * enum values from schemas/rulebook.schema.json with their descriptions, and ids (sections,
 * questions, options, facts, authorities, conclusions, scenarios) where an id is expected. Pure.
 */
import rulebookSchema from '../../schemas/rulebook.schema.json' with { type: 'json' }
import { contextAt, keyPathAt } from './yaml-path'
import { describeProperty, enumValuesAt, idKindAt, propertiesAt, type IdKind, type SchemaNode } from './schema-docs'
import type { Outline, OutlineEntry } from './outline'

const schema = rulebookSchema as unknown as SchemaNode

/** One thing the editor may offer. */
export interface StudioCompletion {
  label: string
  type: 'property' | 'enum' | 'variable' | 'keyword'
  detail?: string
  info?: string
  apply?: string
}

export interface CompletionsFound {
  kind: 'key' | 'value'
  from: number
  prefix: string
  options: StudioCompletion[]
}

const kindNames: Record<OutlineEntry['kind'], string> = {
  section: 'section',
  question: 'question',
  conclusion: 'conclusion',
  option: 'option',
  fact: 'fact',
  authority: 'authority',
  scenario: 'scenario',
  test: 'test',
}

const conditionWords = ['and', 'or', 'not', 'is', 'contains', 'answered', 'unanswered', 'scenario']

function idOptions(entries: readonly OutlineEntry[]): StudioCompletion[] {
  return entries.map((entry) => ({
    label: entry.id,
    type: 'variable',
    detail: kindNames[entry.kind],
    info: entry.label,
  }))
}

/** The options of the question whose item contains `line` (the last question starting above it). */
function optionsOfEnclosingQuestion(outline: Outline, line: number): OutlineEntry[] {
  const question = [...outline].reverse().find((entry) => entry.kind === 'question' && entry.line <= line)
  if (!question) return []
  return outline.filter((entry) => entry.kind === 'option' && entry.owner === question.id)
}

function lineOf(text: string): number {
  let lines = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

/** Completions at the end of `before` (the draft up to the cursor, at offset `pos`). */
export function completionsAt(before: string, pos: number, outline: Outline): CompletionsFound | undefined {
  const context = contextAt(before, before.length)
  if (!context) return undefined
  const from = pos - (before.length - context.from)
  if (context.kind === 'key') {
    const options = propertiesAt(schema, context.path).map(
      (property): StudioCompletion => ({
        label: property.name,
        type: 'property',
        detail: property.required ? `${property.type}, required` : property.type,
        info: property.description,
        apply: `${property.name}: `,
      }),
    )
    if (options.length) return { kind: 'key', from, prefix: context.prefix, options }
    // `- word` in a list of plain values (ids) is a value, not a property name.
    if (context.path[context.path.length - 1] !== '[]') return undefined
  }
  const values = enumValuesAt(schema, context.path)
  if (values.length) {
    const description = describeProperty(schema, context.path.filter((s) => s !== '[]'))?.description
    return {
      kind: 'value',
      from,
      prefix: context.prefix,
      options: values.map((value) => ({ label: value, type: 'enum', info: description })),
    }
  }
  const idKind = idKindAt(context.path)
  if (!idKind) return undefined
  let options: StudioCompletion[]
  if (idKind === 'condition') {
    options = [
      ...idOptions(outline.filter((entry) => entry.kind === 'question' || entry.kind === 'conclusion')),
      ...conditionWords.map((word): StudioCompletion => ({ label: word, type: 'keyword' })),
    ]
    // After `question is`, the question's options come first.
    const afterIs = /([a-z][a-z0-9-]*)\s+is\s+(?:not\s+)?[a-z0-9-]*$/.exec(before)
    if (afterIs) {
      const subject = afterIs[1]!
      const question = outline.find((entry) => entry.kind === 'question' && entry.id === subject)
      if (question) {
        const answers = outline.filter((entry) => entry.kind === 'option' && entry.owner === subject)
        options = [
          ...(answers.length ? idOptions(answers) : ['yes', 'no'].map((label): StudioCompletion => ({ label, type: 'enum' }))),
          { label: 'answered', type: 'keyword' },
        ]
      }
    }
  } else if (idKind === 'option') {
    const options_ = optionsOfEnclosingQuestion(outline, lineOf(before))
    options = options_.length ? idOptions(options_) : ['yes', 'no'].map((label): StudioCompletion => ({ label, type: 'enum' }))
  } else {
    options = idOptions(outline.filter((entry) => entry.kind === (idKind satisfies IdKind)))
  }
  return options.length ? { kind: 'value', from, prefix: context.prefix, options } : undefined
}

/** What hovering at `pos` shows: a property's documentation, or what an id names. */
export interface HoverFound {
  from: number
  to: number
  title: string
  detail?: string
  text?: string
}

/** `before` runs from the start of the draft to the end of the hovered line. */
export function hoverAt(before: string, pos: number, outline: Outline): HoverFound | undefined {
  const key = keyPathAt(before, pos)
  if (key) {
    const doc = describeProperty(schema, key.path)
    if (doc) return { from: key.from, to: key.to, title: doc.name, detail: doc.required ? `${doc.type}, required` : doc.type, text: doc.description }
  }
  // An id under the pointer.
  let start = pos
  let end = pos
  const isIdChar = (c: string | undefined) => c !== undefined && /[a-z0-9-]/.test(c)
  while (start > 0 && isIdChar(before[start - 1])) start--
  while (end < before.length && isIdChar(before[end])) end++
  const word = before.slice(start, end)
  if (!/^[a-z]/.test(word)) return undefined
  const entry = outline.find((e) => e.id === word && e.kind !== 'option') ?? outline.find((e) => e.id === word)
  if (!entry) return undefined
  return {
    from: start,
    to: end,
    title: word,
    detail: `${kindNames[entry.kind]}, line ${entry.line}`,
    text: entry.label || undefined,
  }
}
