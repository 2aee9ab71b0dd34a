import { parseArgs } from 'node:util'
import { loadRulebook } from '../../engine/load.ts'
import { formatProblem, hasErrors } from '../../engine/problems.ts'
import { manifestSchemaFiles } from '../../lms/manifest.ts'
import { buildScormPackage } from '../../lms/package.ts'
import { exitCode, type Command } from '../io.ts'
import { readLmsApp, readScormSchemas } from '../lms-template.ts'

const usage = 'usage: casework package <rulebook> --scorm2004 -o <file.zip> [--scenario <id> | --choose-scenario]'

/**
 * `casework package <rulebook> --scorm2004 -o <file.zip>`: a SCORM 2004 4th edition package (one
 * SCO) holding the app with this rulebook only, opening on the scenario the instructor chose.
 */
export const packageCommand: Command = async (argv, io) => {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        scorm2004: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        scenario: { type: 'string' },
        'choose-scenario': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    io.stderr(`casework package: ${(error as Error).message}\n${usage}\n`)
    return exitCode.failure
  }
  const { values, positionals } = parsed
  const [file] = positionals
  if (!file || positionals.length > 1 || !values.output || !values.scorm2004) {
    io.stderr(`casework package: name one rulebook, --scorm2004 (the only package format) and -o <file.zip>\n${usage}\n`)
    return exitCode.failure
  }
  if (values.scenario && values['choose-scenario']) {
    io.stderr('casework package: give either --scenario or --choose-scenario, not both\n')
    return exitCode.failure
  }

  let text: string
  try {
    text = await io.readFile(file)
  } catch (error) {
    io.stderr(`casework package: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
    return exitCode.failure
  }
  const { rulebook, problems } = loadRulebook(text, file, undefined, { pieces: io.pieceCache?.(file) })
  if (!rulebook || hasErrors(problems)) {
    for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`)
    io.stderr('casework package: the rulebook has errors; fix them before packaging it\n')
    return exitCode.problems
  }
  const app = await readLmsApp()
  const schemas = await readScormSchemas(manifestSchemaFiles)
  if (!app || !schemas) {
    io.stderr('casework package: the packaged app is missing from this installation (run `npm run build:lms` in a checkout)\n')
    return exitCode.failure
  }
  const choice = values['choose-scenario'] ? { chooseScenario: true } : values.scenario !== undefined ? { scenario: values.scenario } : {}
  const built = buildScormPackage(rulebook, file, choice, { app, schemas })
  if (!built.ok) {
    io.stderr(`casework package: ${built.error}\n`)
    return exitCode.failure
  }
  const { zip, scenario, scoFiles } = built.value
  try {
    await io.writeFile(values.output, zip)
  } catch (error) {
    io.stderr(`casework package: cannot write ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
    return exitCode.failure
  }
  io.stdout(
    `Wrote ${values.output}: a SCORM 2004 (4th edition) package of "${rulebook.title}" ${rulebook.version}, ` +
      `opening on ${scenario ? `the scenario "${scenario}"` : 'the choice of scenario'} (${scoFiles} files).\n`,
  )
  return exitCode.ok
}
