import type { Rulebook } from './generated/rulebook.ts'
import rulebookSchema from '../../schemas/rulebook.schema.json' with { type: 'json' }
import validateRulebook from './generated/validate-rulebook.js'
import { hasErrors, type Problem } from './problems.ts'
import { parseSource } from './source.ts'
import { schemaProblems } from './schema-problems.ts'
import { lintRulebook } from './lint.ts'

/** A loaded rulebook: present only when it has no errors; problems always listed, errors first. */
export interface LoadResult {
  rulebook: Rulebook | undefined
  problems: Problem[]
}

const bySeverityThenPlace = (a: Problem, b: Problem) =>
  Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
  a.range.start.line - b.range.start.line ||
  a.range.start.column - b.range.start.column

/**
 * Reads a rulebook written in YAML or JSON: parses it keeping positions, validates it against
 * schemas/rulebook.schema.json, then checks what the schema cannot (ids, references, conditions,
 * reachability, unused entries). Every problem is collected and located; nothing is thrown.
 */
export function loadRulebook(text: string, file: string): LoadResult {
  const source = parseSource(text, file)
  const syntax: Problem[] = source.syntaxErrors.map(({ message, range }) => ({
    code: 'yaml-syntax',
    severity: 'error',
    message: `the file cannot be read as YAML: ${message}`,
    hint: 'check indentation, and put text containing `: ` or starting with a symbol in quotes',
    file,
    range,
    path: [],
  }))
  if (syntax.length > 0) return { rulebook: undefined, problems: syntax }

  if (!validateRulebook(source.value)) {
    const problems = schemaProblems(validateRulebook.errors ?? [], source, rulebookSchema, 'schema')
    return { rulebook: undefined, problems: problems.sort(bySeverityThenPlace) }
  }
  const rulebook = source.value
  const problems = lintRulebook(rulebook, source).sort(bySeverityThenPlace)
  return { rulebook: hasErrors(problems) ? undefined : rulebook, problems }
}
