/**
 * Where the app built for LMS packages (dist-lms/) and the SCORM schema files sit in the app's own
 * build (dist/lms/, copied there by scripts/lms-into-app.ts), so an instructor's browser can
 * package a rulebook. Shared by that script and by the browser; pure.
 */

/** The folder of the app's build that holds them. */
export const LMS_FOLDER = 'lms/'
/** The list of files, inside that folder. */
export const LMS_FILES_LIST = 'files.json'
export const LMS_FILES_FORMAT = 'casework-lms-files/1'

/** `lms/files.json`: the app's files (under `app/`) and the schema files (under `scorm2004/`). */
export interface LmsFilesList {
  format: typeof LMS_FILES_FORMAT
  app: string[]
  schemas: string[]
}

/** A relative path with no way out of its folder. */
const safePath = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w@.~-][\w@.~/-]*$/

export function parseLmsFilesList(value: unknown): LmsFilesList | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const list = value as Partial<LmsFilesList>
  if (list.format !== LMS_FILES_FORMAT || !Array.isArray(list.app) || !Array.isArray(list.schemas)) return undefined
  const paths = [...list.app, ...list.schemas]
  if (!paths.every((path) => typeof path === 'string' && safePath.test(path))) return undefined
  return list as LmsFilesList
}
