/** The only file that touches argv, the file system, stdout and the exit code. */
import { readFile, writeFile } from 'node:fs/promises'
import { run } from './run.ts'

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, data) => writeFile(path, data),
})
process.exitCode = code
