/** The only file that touches argv, the file system, stdout and the exit code. */
// `fs.promises` is used through `node:fs`, where it loads on first use: `validate`, which only
// reads, then never loads it (and the dozen modules it brings, readline among them).
import { existsSync, promises as fs, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './run.ts'
import { exitCode } from './io.ts'
import { openPieceCache, type FilePieceCache } from './piece-cache.ts'

/**
 * A reader that closed the pipe (`casework report … | head -1`) has all it wants: that is a normal
 * end, so the rest of the output is dropped quietly and the command still ends with its own code.
 */
function pipeTo(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    closed = true
  })
  return (text) => {
    if (!closed) stream.write(text)
  }
}

/** The schemas folder ships beside the code: dist-cli/ in the package, src/cli/ in a checkout. */
function findRulebookSchema(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 3; depth++, folder = dirname(folder)) {
    const file = join(folder, 'schemas', 'rulebook.schema.json')
    if (existsSync(file)) return file
  }
  return undefined
}

/**
 * Resolves once everything written to the stream has been handed to the system (a pipe that a
 * slow reader leaves full holds writes back; a file or a terminal takes them at once).
 */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || !stream.writable) return Promise.resolve()
  return new Promise((resolve) => stream.write('', () => resolve()))
}

/**
 * Runs the command line. A function rather than top-level `await`: the CLI is built as CommonJS
 * (see vite.config.cli.ts), which Node loads synchronously, without its ES module loader.
 */
async function main(): Promise<void> {
  const stdout = pipeTo(process.stdout)
  const stderr = pipeTo(process.stderr)
  const pieceCaches = new Map<string, FilePieceCache | undefined>()
  try {
    process.exitCode = await run(process.argv.slice(2), {
      stdout,
      stderr,
      // Read at once: a command reads its files one after another, and a trip through Node's
      // thread pool for each would only add the wait for the main thread to wake up again.
      readFile: async (path) => readFileSync(path, 'utf8'),
      writeFile: (path, data, options) =>
        fs.writeFile(path, data, { flag: options?.exclusive ? 'wx' : 'w' }),
      rulebookSchemaFile: findRulebookSchema(),
      async listFolder(path) {
        if (!(await fs.stat(path)).isDirectory()) return undefined
        const entries = await fs.readdir(path, { recursive: true, withFileTypes: true })
        return entries
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
          .sort()
      },
      pieceCache(file) {
        if (!pieceCaches.has(file)) pieceCaches.set(file, openPieceCache(file))
        return pieceCaches.get(file)
      },
    })
  } catch (error) {
    // A bug in casework, not a mistake in the rulebook: say so, with what a bug report needs.
    stderr(
      `casework: internal error (please report it): ${(error as Error).stack ?? String(error)}\n`,
    )
    process.exitCode = exitCode.failure
  }
  // Once the output is out, end at once: left to end by itself, Node would first wait for V8 to
  // finish optimising code in the background that will never run again (tens of milliseconds of
  // `casework validate`).
  await Promise.all([drained(process.stdout), drained(process.stderr)])
  // After the output: the student-facing result never waits for the cache to be written.
  for (const cache of pieceCaches.values()) cache?.save()
  process.exit()
}

void main()
