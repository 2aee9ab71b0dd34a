import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The app built for LMS packages (`npm run build:lms` → dist-lms/) and the SCORM schema files:
 * found beside the built CLI (dist-cli/, in the repository or the installed tarball) or beside
 * the source (src/cli/, under tsx and the tests).
 */
const roots = [new URL('../', import.meta.url), new URL('../../', import.meta.url), new URL('../../../', import.meta.url)]

async function firstDirectory(name: string): Promise<string | undefined> {
  for (const root of roots) {
    const path = fileURLToPath(new URL(name, root))
    try {
      await readdir(path)
      return path
    } catch {
      // Not here; try the next root.
    }
  }
  return undefined
}

async function readTree(directory: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(relative(directory, path).split(sep).join('/'), new Uint8Array(await readFile(path)))
  }
  return files
}

/** The packaged app's files by path, or undefined when it has not been built. */
export async function readLmsApp(): Promise<Map<string, Uint8Array> | undefined> {
  const directory = await firstDirectory('dist-lms/')
  if (!directory) return undefined
  const files = await readTree(directory)
  // The build's manifest is for the size checks, not for students.
  files.delete('.vite/manifest.json')
  return files.has('index.html') ? files : undefined
}

/** The SCORM 2004 schema files, by name. */
export async function readScormSchemas(names: readonly string[]): Promise<Map<string, Uint8Array> | undefined> {
  const directory = await firstDirectory('schemas/scorm2004/')
  if (!directory) return undefined
  const files = new Map<string, Uint8Array>()
  for (const name of names) files.set(name, new Uint8Array(await readFile(join(directory, name))))
  return files
}
