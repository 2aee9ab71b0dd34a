import { dirname, join, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import rulebookSchema from '../../../schemas/rulebook.schema.json' with { type: 'json' }
import { exitCode, type Command } from '../io.ts'

/** The rule for ids, as schemas/rulebook.schema.json states it (`definitions.Id.pattern`). */
const idPattern = new RegExp(rulebookSchema.definitions.Id.pattern)

const usage = 'usage: casework init <id> [--dir <folder>]'

/** `dock-strike` → `Dock strike`. */
const titleOf = (id: string) => `${id[0]!.toUpperCase()}${id.slice(1).replaceAll('-', ' ')}`

/**
 * The skeleton's author tests (the format's top-level `tests:` list), kept apart so a test can
 * find them in the skeleton.
 */
export const skeletonTests = `
# Author tests: walks through the rulebook and what must follow from them. \`casework test\`
# runs them; students never see them. See "Testing a rulebook" in the authoring guide.
tests:
  - name: force was used, so the finding holds
    scenario: the-facts
    answers: { use-of-force: "yes" }
    expect:
      holds: [force-used]
    because: Any use of force against another State engages Article 2(4), whatever its scale.
`

/**
 * A new rulebook: one scenario, one section, one question, one conclusion, one authority and one
 * author test, free of problems as written, with comments saying what to change.
 */
export function rulebookSkeleton(id: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# A Casework rulebook. Replace the example below with your own; \`casework validate ${id}.yaml\`
# checks it, and the authoring guide (rules/README.md in the Casework repository) describes
# every field. Prose fields are Markdown.
format: casework-rulebook/1
id: ${id}
# Raise the version whenever questions change, so students' saved work can be matched.
version: 0.1.0
title: ${titleOf(id)}
authors:
  - name: Your name
licence: CC-BY-4.0
summary: |
  What the student will work through, and on which facts.

scenarios:
  - id: the-facts
    title: The facts
    summary: One set of facts; add a scenario for each contrasting set.
    facts:
      # Number facts in the order a student reads them; students cite them by paragraph.
      - id: the-operation
        text: Replace this with the first fact, as your source reports it.
        certainty: reported
        source: Name the source (for example a news account, with its date).

sections:
  - id: force
    title: The use of force

questions:
  - id: use-of-force
    section: force
    prompt: Was the operation a use of force by one State against another?
    answer: { kind: yes-no }
    rule: |
      Article 2(4) of the UN Charter prohibits the threat or use of force against the territorial
      integrity or political independence of any State.
    authorities:
      - authority: un-charter
        pinpoint: art. 2(4)
    facts: [the-operation]
    # Later questions say when they are asked, e.g. \`when: use-of-force is yes\`.

conclusions:
  - id: force-used
    statement: The operation was a use of force within Article 2(4) of the UN Charter.
    when: use-of-force is yes
    kind: finding

authorities:
  - id: un-charter
    kind: treaty
    title: Charter of the United Nations
    citation: Charter of the United Nations (San Francisco, 26 June 1945)
${skeletonTests}`
}

/**
 * `casework init <id> [--dir <folder>]`: writes `<id>.yaml`, a rulebook to start from, and never
 * overwrites a file.
 */
export const init: Command = async (argv, io) => {
  const fail = (message: string) => {
    io.stderr(`casework init: ${message}\n`)
    return exitCode.failure
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { dir: { type: 'string', short: 'd' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`)
  }
  const [id, ...extra] = parsed.positionals
  if (id === undefined || extra.length > 0) return fail(usage)
  if (!idPattern.test(id) || id.length > rulebookSchema.definitions.Id.maxLength) {
    return fail(
      `"${id}" cannot be a rulebook id: use lower-case letters and digits in words joined by single hyphens, starting with a letter (for example dock-strike)`,
    )
  }

  const file = join(parsed.values.dir ?? '.', `${id}.yaml`)
  // The modeline names the schema shipped with this casework, relative to the new file, as an
  // editor resolves it; without a local copy, by the schema's published id.
  const schema = io.rulebookSchemaFile
    ? relative(dirname(resolve(file)), io.rulebookSchemaFile)
        .split(sep)
        .join('/')
    : rulebookSchema.$id
  try {
    await io.writeFile(file, rulebookSkeleton(id, schema), { exclusive: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST')
      return fail(`${file} already exists; choose another id or folder, or move it away`)
    return fail(`cannot write ${file}: ${code ?? (error as Error).message}`)
  }
  io.stdout(`Wrote ${file}: a rulebook with one scenario, question, conclusion and test.
Next: edit it, then check it with \`casework validate ${file}\`.\n`)
  return exitCode.ok
}
