/**
 * The values of a rulebook's pieces (each top-level key, each question, each conclusion…; see
 * src/engine/yaml-chunks.ts), kept between runs of `casework`, so that a file validated again after
 * an edit is parsed again only where it changed. One small JSON file per rulebook path holds the
 * pieces of its last reading, by a hash of each piece's text.
 *
 * Like the compile cache (bin/compile-cache.js), it lives in a folder only the user can open under
 * the temporary folder, is a speed-up only (a missing, stale or damaged file costs one full parse,
 * never an error), and is turned off with `CASEWORK_NO_PARSE_CACHE=1`.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import jsYamlPackage from 'js-yaml/package.json' with { type: 'json' }
import casework from '../../package.json' with { type: 'json' }
import type { PieceCache } from '../engine/source.ts'
import { keepsInJson } from '../engine/piece-memory.ts'

/** Values change only with the parser: a file kept by another one is not read. */
const parser = `casework ${casework.version}, js-yaml ${jsYamlPackage.version}`

/** Each piece's value as JSON text: parsed afresh when handed out, so nothing a command does to it is kept. */
interface Kept {
  parser: string
  pieces: Record<string, string>
}

/** A cache that the command fills as it reads, and `save` writes once the command is done. */
export interface FilePieceCache extends PieceCache {
  save(): void
}

/** A folder only this user can open (one that others could write to is not used), or undefined. */
function privateFolder(folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    const stat = statSync(folder)
    if (!stat.isDirectory()) return undefined
    if (process.platform !== 'win32' && (stat.uid !== process.getuid!() || (stat.mode & 0o077) !== 0)) return undefined
    return folder
  } catch {
    return undefined
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url')

/** The cache for one rulebook file, or undefined when caching is off or has nowhere to live. */
export function openPieceCache(file: string): FilePieceCache | undefined {
  if (process.env.CASEWORK_NO_PARSE_CACHE) return undefined
  const user = process.platform === 'win32' ? userInfo().username : String(process.getuid!())
  const folder = privateFolder(join(tmpdir(), `casework-parse-cache-${user}`))
  if (!folder) return undefined
  const path = join(folder, `${sha(resolve(file)).slice(0, 32)}.json`)

  let kept: Record<string, string> = {}
  try {
    const read = JSON.parse(readFileSync(path, 'utf8')) as Kept
    if (read.parser === parser && typeof read.pieces === 'object' && read.pieces !== null) kept = read.pieces
  } catch {
    // nothing kept yet, or a file that cannot be read: a full parse
  }
  const used: Record<string, string> = Object.create(null) as Record<string, string>
  let changed = false

  return {
    keyOf: sha,
    get(key) {
      if (!Object.hasOwn(kept, key) || typeof kept[key] !== 'string') return undefined
      try {
        const value: unknown = JSON.parse(kept[key])
        used[key] = kept[key]
        return value
      } catch {
        return undefined
      }
    },
    set(key, value) {
      if (!keepsInJson(value)) return
      used[key] = JSON.stringify(value)
      changed = true
    },
    save() {
      // Only this reading's pieces are kept: a piece edited away is dropped.
      if (!changed && Object.keys(used).length === Object.keys(kept).length) return
      const partial = `${path}.${process.pid}.tmp`
      try {
        writeFileSync(partial, JSON.stringify({ parser, pieces: used } satisfies Kept), { mode: 0o600 })
        renameSync(partial, path)
      } catch {
        rmSync(partial, { force: true })
      }
    },
  }
}
