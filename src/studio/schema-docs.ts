/**
 * The rulebook schema read as documentation: which properties an object may have, what each
 * means (its `description`), which values an enum allows, and which kind of id a property names.
 * Drives the studio's completion and hover. Pure.
 */
import type { YamlPath } from './yaml-path'

/** The part of a JSON Schema (draft-07) this module reads. */
export interface SchemaNode {
  $ref?: string
  description?: string
  title?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  required?: string[]
  oneOf?: SchemaNode[]
  anyOf?: SchemaNode[]
  allOf?: SchemaNode[]
  definitions?: Record<string, SchemaNode>
  $defs?: Record<string, SchemaNode>
}

/** The kinds of id a rulebook refers to. */
export type IdKind = 'section' | 'question' | 'conclusion' | 'option' | 'fact' | 'authority' | 'scenario'

/** A property the schema allows on an object, with its documentation. */
export interface PropertyDoc {
  name: string
  description: string
  required: boolean
  /** What the value is: `text`, `list`, `object`, … */
  type: string
}

function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node
  // The description beside a $ref is the nearer one and comes first; the definition's follows.
  const description = node.description
  for (let guard = 0; current.$ref && guard < 20; guard++) {
    const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(current.$ref)
    const target = match ? (match[1] === '$defs' ? root.$defs : root.definitions)?.[match[2]!] : undefined
    if (!target) break
    current = target
  }
  if (!description || description === current.description) return current
  return { ...current, description: current.description ? `${description} ${current.description}` : description }
}

/** The branches of a node (its oneOf/anyOf/allOf alternatives, or itself), resolved. */
function branches(root: SchemaNode, node: SchemaNode): SchemaNode[] {
  const resolved = resolveRef(root, node)
  const alternatives = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])]
  return alternatives.length ? [resolved, ...alternatives.flatMap((a) => branches(root, a))] : [resolved]
}

/** The schemas that may describe the value at a path (several when the schema offers alternatives). */
export function schemasAt(root: SchemaNode, path: YamlPath): SchemaNode[] {
  let current = branches(root, root)
  for (const segment of path) {
    const next: SchemaNode[] = []
    for (const node of current) {
      if (segment === '[]') {
        if (node.items) next.push(...branches(root, node.items))
      } else if (node.properties && Object.hasOwn(node.properties, segment)) {
        next.push(...branches(root, node.properties[segment]!))
      }
    }
    current = next
    if (current.length === 0) break
  }
  return current
}

function typeInWords(node: SchemaNode): string {
  if (node.enum) return 'one of ' + node.enum.map(String).join(', ')
  const type = Array.isArray(node.type) ? node.type.join(' or ') : node.type
  switch (type) {
    case 'string':
      return 'text'
    case 'array':
      return 'list'
    case 'object':
      return 'group of properties'
    case 'integer':
      return 'whole number'
    default:
      return type ?? (node.oneOf || node.anyOf ? 'one of several forms' : 'value')
  }
}

/** The properties an object at `path` may have, in the schema's order. */
export function propertiesAt(root: SchemaNode, path: YamlPath): PropertyDoc[] {
  const seen = new Map<string, PropertyDoc>()
  for (const node of schemasAt(root, path)) {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (seen.has(name)) continue
      const resolved = resolveRef(root, property)
      seen.set(name, {
        name,
        description: resolved.description ?? '',
        required: node.required?.includes(name) ?? false,
        type: typeInWords(resolved),
      })
    }
  }
  return [...seen.values()]
}

/** The documentation of the property at `path` (its last segment), if the schema knows it. */
export function describeProperty(root: SchemaNode, path: YamlPath): PropertyDoc | undefined {
  const name = path[path.length - 1]
  if (!name || name === '[]') return undefined
  return propertiesAt(root, path.slice(0, -1)).find((p) => p.name === name)
}

/** The values an enum (or const) at `path` allows. */
export function enumValuesAt(root: SchemaNode, path: YamlPath): string[] {
  const values = new Set<string>()
  for (const node of schemasAt(root, path)) {
    node.enum?.forEach((value) => values.add(String(value)))
    if (node.const !== undefined) values.add(String(node.const))
  }
  return [...values]
}

/**
 * The kind of id expected at a path, from the property names the format gives them
 * (`section`, `authority`, `facts`, `scenario`, `supports`, …); `when` expects a condition.
 */
export function idKindAt(path: YamlPath): IdKind | 'condition' | undefined {
  const last = path[path.length - 1]
  const owner = last === '[]' ? path[path.length - 2] : last
  const top = path[0]
  switch (owner) {
    case 'section':
      return top === 'questions' || top === 'conclusions' ? 'section' : undefined
    case 'authority':
      return 'authority'
    case 'facts':
      return top === 'questions' && last === '[]' ? 'fact' : undefined
    case 'scenario':
      return top === 'questions' || top === 'tests' ? 'scenario' : undefined
    case 'holds':
    case 'fails':
    case 'undetermined':
      return top === 'tests' ? 'conclusion' : undefined
    case 'asked':
    case 'skipped':
    case 'stale':
    case 'next':
      return top === 'tests' ? 'question' : undefined
    case 'supports':
      return last === '[]' ? 'option' : undefined
    case 'answer':
      return path.includes('modelAnswer') ? 'option' : undefined
    case 'when':
      return 'condition'
    default:
      return undefined
  }
}
