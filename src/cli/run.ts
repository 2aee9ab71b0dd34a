import type { CliIo, Command } from './io.ts'
import { exitCode } from './io.ts'
import packageJson from '../../package.json' with { type: 'json' }

/** A command loaded when it runs, so each command pays only for what it imports (YAML, Markdown, DOCX). */
const lazy =
  (load: () => Promise<Command>): Command =>
  async (argv, io) =>
    (await load())(argv, io)

/**
 * The commands, in the order `casework --help` lists them. `summary` is the usage line, then the
 * description after three spaces; `help` (optional) is what `casework help <command>` adds below
 * it. `--help` and `-h` are answered here, so a command never sees them.
 */
const commands: Record<string, { run: Command; summary: string; help?: string }> = {
  init: {
    run: lazy(() => import('./commands/init.ts').then((m) => m.init)),
    summary: 'init <id> [--dir <folder>]   write a new rulebook <id>.yaml to start from',
    help: `Writes <id>.yaml (in the current folder, or --dir): one scenario, one question, one
conclusion and one author test, valid as written, with the line that lets an editor check it
against the schema as you type. <id> is lower-case words joined by hyphens (dock-strike).
It never overwrites a file.`,
  },
  validate: {
    run: lazy(() => import('./commands/validate.ts').then((m) => m.validate)),
    summary: 'validate <files...> [--json]   check rulebooks; exit 1 on any error',
    help: `Prints every problem as file:line:col severity message [code], then a count.

Options:
  --json   the problems of each file as JSON, for other tools`,
  },
  test: {
    run: lazy(() => import('./commands/test.ts').then((m) => m.test)),
    summary:
      "test <rulebook...> [--json] [--coverage] [--reporter junit -o <file.xml>]   run the rulebook's author tests",
    help: `Prints each failure at its test's file:line:col, with what was expected, what came out and
why, then "N passed, M failed"; exit 1 on any failure.

Options:
  --json                          the results as JSON
  --coverage                      also say which conclusions no test asserts, and which options
                                  no test picks
  --reporter junit -o <file.xml>  a JUnit XML report for CI systems`,
  },
  explain: {
    run: lazy(() => import('./commands/explain.ts').then((m) => m.explain)),
    summary: 'explain <rulebook> <session.json>   the walk and the conclusions, in words',
    help: `Says which questions a student's work asks, skips or leaves stale, and which conclusions
hold, fail or are undetermined, and why. What changed in the rulebook since the work was done
goes to stderr.`,
  },
  report: {
    run: lazy(() => import('./commands/report.ts').then((m) => m.report)),
    summary:
      "report <rulebook> <session.json> --format md|html|docx|json -o <file>   the student's conclusion report",
    help: `Options:
  -f, --format md|html|docx|json   the format (else taken from the -o file's extension)
  -o, --output <file>              where to write it; text formats go to stdout without it
  --instructor                     also show model answers kept from students`,
  },
  paths: {
    run: lazy(() => import('./commands/paths.ts').then((m) => m.paths)),
    summary: 'paths <rulebook> [--scenario <id>] [--json]   every conclusion: minimal answer sets to hold and to fail',
  },
  whatif: {
    run: lazy(() => import('./commands/whatif.ts').then((m) => m.whatif)),
    summary: 'whatif <rulebook> <session.json> <conclusion> [--max <n>] [--json]   the smallest answer changes that change it',
  },
  instructor: {
    run: lazy(() => import('./commands/instructor.ts').then((m) => m.instructor)),
    summary: 'instructor <rulebook> --format md|html -o <file>   plan, readings, rubric, glossary',
  },
  package: {
    run: lazy(() => import('./commands/package.ts').then((m) => m.packageCommand)),
    summary: 'package <rulebook> --scorm2004 -o <file.zip>   a SCORM package to upload to Moodle, Canvas or Blackboard',
    help: `Writes a SCORM 2004 (4th edition) package: the workbook app with this rulebook only, which
keeps each student's work in the LMS (resumed on the next launch) and records each answered
question, progress and completion. It gives no score: reasoning is not auto-graded.

Options:
  --scorm2004           the package format (the only one)
  -o, --output <file>   the .zip to write
  --scenario <id>       the scenario workbooks open on (default: the first)
  --choose-scenario     let each student choose the scenario`,
  },
  class: {
    run: lazy(() => import('./commands/class.ts').then((m) => m.classCommand)),
    summary:
      'class <rulebook> <sessions or folders...> --format csv|md|html|json -o <file>   a whole class\'s work at once',
    help: `Reads every session file given (folders are searched for *.json), leaves out files for
another rulebook, broken files and older copies of the same workbook (each named on stderr with
the reason), and writes the class: per question, conclusion, path and student.

Options:
  -f, --format csv|md|html|json   the format (else taken from the -o file's extension)
  -o, --output <file>             where to write it; stdout without it`,
  },
}

export const usage = `Usage: casework <command> [options]

Commands:
${Object.values(commands)
  .map(({ summary }) => summary.split(/ {3,}/))
  .map(([line, description]) => `  ${line}${description ? `\n      ${description}` : ''}`)
  .join('\n')}

Options:
  -h, --help      this help; \`casework help <command>\` or \`casework <command> --help\` for one command
  -v, --version   the version of casework

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 casework could not run.
`

/** The help of one command: its usage line and what it adds. */
export function commandHelp(command: string): string | undefined {
  const entry = commands[command]
  if (!entry) return undefined
  const [line, description] = entry.summary.split(/ {3,}/)
  return `Usage: casework ${line}\n${description ? `\n${description[0]!.toUpperCase()}${description.slice(1)}.\n` : ''}${entry.help ? `\n${entry.help}\n` : ''}`
}

/** `--help` or `-h` among a command's own arguments (before a `--` that ends the options). */
const asksForHelp = (argv: string[]) => {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/** Runs the instructor's command line; returns the exit code. Only main.ts prints and exits. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageJson.version}\n`)
    return exitCode.ok
  }
  if (
    first === undefined ||
    first === '--help' ||
    first === '-h' ||
    (first === 'help' && rest.length === 0)
  ) {
    io.stdout(usage)
    return first === undefined ? exitCode.failure : exitCode.ok
  }
  const [command, helpOnly] = first === 'help' ? [rest[0]!, true] : [first, asksForHelp(rest)]
  const entry = commands[command]
  if (!entry) {
    io.stderr(`casework: unknown command "${command}"\n\n${usage}`)
    return exitCode.failure
  }
  if (helpOnly) {
    io.stdout(commandHelp(command)!)
    return exitCode.ok
  }
  return entry.run(rest, io)
}
