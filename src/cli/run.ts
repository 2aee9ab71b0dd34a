import type { CliIo, Command } from './io.ts'
import { exitCode } from './io.ts'
import { validate } from './commands/validate.ts'
import { explain } from './commands/explain.ts'
import { report } from './commands/report.ts'
import { test } from './commands/test.ts'
import { paths } from './commands/paths.ts'
import { whatif } from './commands/whatif.ts'

const commands: Record<string, { run: Command; summary: string }> = {
  validate: {
    run: validate,
    summary: 'validate <files...> [--json]   check rulebooks; exit 1 on any error',
  },
  explain: {
    run: explain,
    summary: 'explain <rulebook> <session.json>   the walk and the conclusions, in words',
  },
  report: {
    run: report,
    summary: 'report <rulebook> <session.json> --format md|html|docx|json -o <file>',
  },
  test: {
    run: test,
    summary: "test <rulebook...> [--json] [--coverage] [--reporter junit -o <file.xml>]   run the rulebook's author tests",
  },
  paths: {
    run: paths,
    summary: 'paths <rulebook> [--scenario <id>] [--json]   every conclusion: minimal answer sets to hold and to fail',
  },
  whatif: {
    run: whatif,
    summary: 'whatif <rulebook> <session.json> <conclusion> [--max <n>] [--json]   the smallest answer changes that change it',
  },
}

export const usage = `Usage: casework <command> [options]

Commands:
${Object.values(commands)
  .map(({ summary }) => `  ${summary}`)
  .join('\n')}
`

/** Runs the instructor's command line; returns the exit code. Only main.ts prints and exits. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage)
    return name === undefined ? exitCode.failure : exitCode.ok
  }
  const command = commands[name]
  if (!command) {
    io.stderr(`casework: unknown command "${name}"\n\n${usage}`)
    return exitCode.failure
  }
  return command.run(rest, io)
}
