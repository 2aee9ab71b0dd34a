/**
 * Packaging in the instructor's browser: fetches the LMS app and the schema files from this
 * app's own build (dist/lms/) and builds the package with the same code as `casework package`.
 * Loaded only when an instructor packages a rulebook.
 */
import type { Rulebook } from '../engine/generated/rulebook.ts'
import { LMS_FILES_LIST, LMS_FOLDER, parseLmsFilesList } from './app-files.ts'
import { buildScormPackage, type PackageResult, type ScenarioChoice } from './package.ts'

const unavailable =
  'This copy of Casework was built without the app it packages for an LMS (it comes with `npm run build`); use `casework package` instead.'

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** Fetches a list of files, a few at a time, into a map by name. */
async function fetchAll(base: string, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  let next = 0
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++]!
      files.set(name, await fetchBytes(`${base}${name.split('/').map(encodeURIComponent).join('/')}`))
    }
  }
  await Promise.all(Array.from({ length: Math.min(6, names.length) }, worker))
  return files
}

/** The package of a checked rulebook (no errors), or why it could not be built. */
export async function fetchScormPackage(rulebook: Rulebook, fileName: string, choice: ScenarioChoice, base = import.meta.env.BASE_URL): Promise<PackageResult> {
  const folder = `${base}${LMS_FOLDER}`
  let list
  try {
    const response = await fetch(`${folder}${LMS_FILES_LIST}`)
    list = response.ok ? parseLmsFilesList(await response.json()) : undefined
  } catch {
    return { ok: false, error: 'The files for the package could not be fetched. Check your connection and try again.' }
  }
  if (!list) return { ok: false, error: unavailable }
  let app, schemas
  try {
    ;[app, schemas] = await Promise.all([fetchAll(`${folder}app/`, list.app), fetchAll(`${folder}scorm2004/`, list.schemas)])
  } catch {
    return { ok: false, error: 'The files for the package could not be fetched. Check your connection and try again.' }
  }
  return buildScormPackage(rulebook, fileName, choice, { app, schemas })
}
