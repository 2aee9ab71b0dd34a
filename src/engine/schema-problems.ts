import type { ErrorObject } from 'ajv'
import type { Problem, ProblemCode } from './problems.ts'
import type { SourceFile } from './source.ts'
import { listInWords } from './conditions/check.ts'

type Path = (string | number)[]

/** `/questions/3/answer` → `['questions', 3, 'answer']`. */
export function pathOf(instancePath: string): Path {
  if (instancePath === '') return []
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

const collectionNames: Record<string, string> = {
  questions: 'question',
  conclusions: 'conclusion',
  sections: 'section',
  scenarios: 'scenario',
  authorities: 'authority',
  facts: 'fact',
  options: 'option',
  authors: 'author',
  answers: 'answer to',
}

function itemAt(root: unknown, path: Path): unknown {
  let value = root
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = Object.hasOwn(value, segment) ? (value as Record<string | number, unknown>)[segment] : undefined
  }
  return value
}

/** A path in words an author recognises: "question `armed-attack` › answer › kind". */
export function describePath(root: unknown, path: Path, whole = 'the file'): string {
  const parts: string[] = []
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!
    const next = path[i + 1]
    if (typeof segment === 'string' && typeof next === 'number' && collectionNames[segment]) {
      const item = itemAt(root, path.slice(0, i + 2)) as { id?: unknown } | undefined
      const id = item && typeof item === 'object' && typeof item.id === 'string' ? item.id : undefined
      parts.push(`${collectionNames[segment]} ${id ? `\`${id}\`` : `#${next + 1}`}`)
      i++
    } else if (segment === 'answers' && typeof next === 'string') {
      parts.push(`the answer to \`${next}\``)
      i++
    } else {
      parts.push(typeof segment === 'number' ? `item ${segment + 1}` : `\`${segment}\``)
    }
  }
  return parts.length === 0 ? whole : parts.join(' › ')
}

const typeInWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a group of `key: value` entries',
  null: 'empty',
}

/** The properties the schema allows for the object at an instance path, for "did you mean" hints. */
function allowedProperties(schema: unknown, path: Path): string[] {
  const root = schema as { definitions?: Record<string, unknown> }
  type Node = { $ref?: string; properties?: Record<string, unknown>; items?: unknown; additionalProperties?: unknown }
  const resolve = (node: unknown): Node | undefined => {
    let current = node as Node | undefined
    for (let hops = 0; current?.$ref && hops < 10; hops++) {
      current = root.definitions?.[current.$ref.replace('#/definitions/', '')] as Node | undefined
    }
    return current
  }
  let node = resolve(schema)
  for (const segment of path) {
    if (!node) return []
    node = resolve(typeof segment === 'number' ? node.items : (node.properties?.[segment] ?? node.additionalProperties))
  }
  return Object.keys(node?.properties ?? {})
}

/** The allowed name closest to a misspelt one, if any is close. */
function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i)
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!
      row[0] = i
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.length]!
  }
  const ranked = candidates
    .map((candidate) => ({ candidate, d: distance(word.toLowerCase(), candidate.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)
  const best = ranked[0]
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined
}

function patternMessage(error: ErrorObject, value: unknown): { message: string; hint?: string } {
  const shown = typeof value === 'string' ? `\`${value.length > 60 ? value.slice(0, 60) + '…' : value}\`` : 'the value'
  if (error.schemaPath.includes('/Id/')) {
    return {
      message: `${shown} is not a valid id`,
      hint: 'ids are lower-case words joined by single hyphens, starting with a letter, such as `armed-attack`',
    }
  }
  if (error.schemaPath.includes('/Url/')) return { message: `${shown} is not an http or https address` }
  if (error.schemaPath.includes('/Timestamp/')) {
    return { message: `${shown} is not a date and time`, hint: 'write it as 2026-01-15T14:03:00Z' }
  }
  if (error.instancePath === '/version') {
    return { message: `${shown} is not a semantic version`, hint: 'write it as major.minor.patch, such as 1.0.0' }
  }
  return { message: `${shown} does not have the expected form` }
}

/** Turns Ajv's errors into problems located in the source, in the author's words. */
export function schemaProblems(
  errors: readonly ErrorObject[],
  source: SourceFile,
  schema: unknown,
  code: ProblemCode,
): Problem[] {
  // `oneOf` failures also report every branch's complaint; keep only the summary.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath.replace(/\/oneOf$/, '/oneOf/'))
  // `if`/`then` failures are told by the `then` branch's own error (a missing property); drop the summary.
  const kept = errors.filter(
    (e) => e.keyword !== 'if' && (e.keyword === 'oneOf' || !oneOfPaths.some((p) => e.schemaPath.startsWith(p))),
  )

  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const error of kept) {
    let path = pathOf(error.instancePath)
    const value = itemAt(source.value, path)
    const where = describePath(source.value, path)
    let message: string
    let hint: string | undefined
    let onKey = false
    switch (error.keyword) {
      case 'required':
        message = `${where} is missing \`${(error.params as { missingProperty: string }).missingProperty}\``
        onKey = true
        break
      case 'additionalProperties': {
        const property = (error.params as { additionalProperty: string }).additionalProperty
        const allowed = allowedProperties(schema, path)
        const guess = closest(property, allowed)
        path = [...path, property]
        onKey = true
        message = `${where} has an unknown property \`${property}\``
        hint = guess ? `did you mean \`${guess}\`?` : allowed.length > 0 ? `allowed here: ${listInWords(allowed)}` : undefined
        break
      }
      case 'type':
        message = `${where} should be ${typeInWords[(error.params as { type: string }).type] ?? (error.params as { type: string }).type}`
        break
      case 'enum':
        message = `${where} should be one of ${listInWords((error.params as { allowedValues: string[] }).allowedValues.map(String))}, not ${JSON.stringify(value)}`
        break
      case 'const':
        message = `${where} should be \`${String((error.params as { allowedValue: unknown }).allowedValue)}\``
        break
      case 'pattern':
        ;({ message, hint } = patternMessage(error, value))
        message = `${where}: ${message}`
        break
      case 'minItems':
        message = `${where} should list at least ${(error.params as { limit: number }).limit}`
        break
      case 'maxItems':
        message = `${where} lists too many items (at most ${(error.params as { limit: number }).limit})`
        break
      case 'minLength':
        message = `${where} should not be empty`
        break
      case 'maxLength':
        message = `${where} is too long (at most ${(error.params as { limit: number }).limit.toLocaleString('en')} characters)`
        break
      case 'maxProperties':
        message = `${where} has too many entries (at most ${(error.params as { limit: number }).limit})`
        break
      case 'minimum':
      case 'maximum':
        message = `${where} should be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${(error.params as { limit: number }).limit}`
        break
      case 'oneOf':
        message = `${where} should be an option id or a list of option ids`
        if (code === 'session-schema' && path.at(-1) === 'value') {
          message = `${where} should be text, a number, or a list of option ids`
        }
        break
      case 'propertyNames':
        message = `${where} has a key that is not a valid id`
        hint = 'ids are lower-case words joined by single hyphens, starting with a letter'
        break
      default:
        message = `${where} ${error.message ?? 'is not valid'}`
    }
    const key = `${path.join('/')}|${message}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push({
      code,
      severity: 'error',
      message,
      ...(hint ? { hint } : {}),
      file: source.file,
      range: source.locate(path, { key: onKey }),
      path,
    })
  }
  return problems
}
