import type { PieceCache } from '../engine/source.ts'

/** What a command may do to the outside world; `main.ts` supplies the real one, tests a fake. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  readFile(path: string): Promise<string>
  /** Writes a file; with `exclusive`, fails with code `EEXIST` rather than replace one. */
  writeFile(
    path: string,
    data: string | Uint8Array,
    options?: { exclusive?: boolean },
  ): Promise<void>
  /**
   * The rulebook schema shipped with this casework (an absolute path), for the modeline `init`
   * writes; without it, `init` names the schema by its `$id`.
   */
  rulebookSchemaFile?: string
  /**
   * The files in a folder (paths, every level down), or undefined when the path is not a folder;
   * `casework class` reads folders of sessions with it.
   */
  listFolder?(path: string): Promise<string[] | undefined>
  /**
   * Where the values of a rulebook's pieces are kept between runs (see piece-cache.ts), so that
   * reading it again parses only what changed; absent in tests and when turned off.
   */
  pieceCache?(file: string): PieceCache | undefined
}

/** A command: takes its own arguments (after the command name) and returns an exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>

/** Exit codes, as ESLint's: 0 no errors (warnings allowed), 1 errors found, 2 the tool could not run. */
export const exitCode = { ok: 0, problems: 1, failure: 2 } as const
