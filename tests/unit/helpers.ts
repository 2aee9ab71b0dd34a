import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadRulebook } from '../../src/engine/load.ts'
import { compileRulebook, type CompiledRulebook } from '../../src/engine/compile.ts'
import type { Session } from '../../src/engine/generated/session.ts'
import type { CliIo } from '../../src/cli/io.ts'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Reads a file relative to the repository root. */
export function readRepoFile(path: string): string {
  return readFileSync(`${repoRoot}${path}`, 'utf8')
}

/** Loads and compiles a rulebook that must be free of errors. */
export function compileFile(path: string): CompiledRulebook {
  const { rulebook, problems } = loadRulebook(readRepoFile(path), path)
  if (!rulebook) throw new Error(`${path} has errors: ${problems.map((p) => p.message).join('; ')}`)
  return compileRulebook(rulebook)
}

/** Answers as a session holds them, from `{ question: value }`. */
export function answersOf(values: Record<string, unknown>): Session['answers'] {
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => [id, { value: value as string, updatedAt: '2026-01-01T00:00:00Z' }]),
  )
}

/** A CLI io that records what a command printed and wrote, reading from the repository. */
export function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const written = new Map<string, string | Uint8Array>()
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      if (path in files) return files[path]!
      return readFileSync(path.startsWith('/') ? path : `${repoRoot}${path}`, 'utf8')
    },
    writeFile: async (path, data, options) => {
      if (options?.exclusive && (written.has(path) || path in files)) {
        throw Object.assign(new Error(`EEXIST: file already exists, open '${path}'`), { code: 'EEXIST' })
      }
      written.set(path, data)
    },
  }
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written }
}
