/**
 * Copies the app built for LMS packages (dist-lms/, `npm run build:lms`) and the SCORM schema
 * files into the app's build (dist/lms/) with a list of them, so the studio and the start page can
 * build a package in the instructor's browser. Run by `npm run build` after both builds; the
 * student's pages never fetch these files.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { manifestSchemaFiles } from '../src/lms/manifest.ts'
import { LMS_FILES_FORMAT, LMS_FILES_LIST, LMS_FOLDER, type LmsFilesList } from '../src/lms/app-files.ts'

const root = fileURLToPath(new URL('../', import.meta.url))
const lmsApp = join(root, 'dist-lms')
const appBuild = join(root, 'dist')
const target = join(appBuild, LMS_FOLDER)

if (!existsSync(join(lmsApp, 'index.html'))) throw new Error('dist-lms/ has not been built: run `npm run build:lms` first')
if (!existsSync(join(appBuild, 'index.html'))) throw new Error('dist/ has not been built: run `npm run build:app` first')

rmSync(target, { recursive: true, force: true })
mkdirSync(target, { recursive: true })
const app: string[] = []
for (const entry of readdirSync(lmsApp, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue
  const path = relative(lmsApp, join(entry.parentPath, entry.name)).split(sep).join('/')
  // The build's manifest is for the size checks, not for packages.
  if (path.startsWith('.vite/')) continue
  app.push(path)
  mkdirSync(join(target, 'app', path, '..'), { recursive: true })
  cpSync(join(lmsApp, path), join(target, 'app', path))
}
mkdirSync(join(target, 'scorm2004'), { recursive: true })
for (const name of manifestSchemaFiles) cpSync(join(root, 'schemas/scorm2004', name), join(target, 'scorm2004', name))

const list: LmsFilesList = { format: LMS_FILES_FORMAT, app: app.sort(), schemas: [...manifestSchemaFiles] }
writeFileSync(join(target, LMS_FILES_LIST), `${JSON.stringify(list, null, 2)}\n`)
console.log(`Copied the LMS app (${app.length} files) and ${manifestSchemaFiles.length} schema files into dist/${LMS_FOLDER}`)
