import { parseArgs } from 'node:util'

/** What `--format` may name, and the format each output file extension implies. */
const extensions: Record<string, string> = { csv: 'csv', md: 'md', markdown: 'md', html: 'html', htm: 'html', json: 'json' }

/** The arguments of a command that writes one of several formats, to stdout or `-o <file>`. */
export interface FormatArgs<F extends string> {
  positionals: string[]
  format: F
  output: string | undefined
}

const inWords = (items: readonly string[]) => `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`

/**
 * Reads `<positionals...> --format|-f <format> [-o|--output <file>]`: the format from `--format`,
 * or else from the output file's extension. Returns what went wrong, in words, when the arguments
 * do not say which of `formats` to write.
 */
export function parseFormatArgs<F extends string>(argv: string[], formats: readonly F[]): FormatArgs<F> | { error: string } {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    return { error: (error as Error).message }
  }
  const { output } = parsed.values
  const named = parsed.values.format ?? extensions[output?.split('.').pop()?.toLowerCase() ?? '']
  if (named === undefined) return { error: `say which format with --format ${formats.join('|')}` }
  if (!(formats as readonly string[]).includes(named)) return { error: `unknown format "${named}": choose ${inWords(formats)}` }
  return { positionals: parsed.positionals, format: named as F, output }
}
