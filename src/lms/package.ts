/**
 * A SCORM 2004 4th edition package of one rulebook, as bytes: the same code for
 * `casework package` (files read from disk) and for the studio and the start page (files fetched
 * by the browser). Pure apart from fflate's zip: no Vue, DOM or node:*.
 */
import { zipSync } from 'fflate'
import type { Rulebook } from '../engine/generated/rulebook.ts'
import { contentHash } from '../engine/hash.ts'
import { rulebookMeta } from '../engine/meta.ts'
import { manifestSchemaFiles, scormManifest } from './manifest.ts'
import { PACKAGE_CONFIG_FILE, PACKAGE_FORMAT, type PackageConfig } from './package-config.ts'

/**
 * What the instructor chooses: the scenario a workbook opens on (the first when neither is
 * given), or the student's choice.
 */
export interface ScenarioChoice {
  scenario?: string
  chooseScenario?: boolean
}

export interface PackageParts {
  /** The app built for LMS packages (dist-lms/), by path; its build manifest is left out. */
  app: ReadonlyMap<string, Uint8Array>
  /** The SCORM 2004 schema files the manifest names, by file name. */
  schemas: ReadonlyMap<string, Uint8Array>
}

export interface ScormPackage {
  zip: Uint8Array
  /** The scenario a workbook opens on; undefined when the student chooses. */
  scenario?: string
  /** How many files the SCO holds (the app, the rulebook and its configuration). */
  scoFiles: number
  /** A name for the .zip, from the rulebook's id and version. */
  fileName: string
}

export type PackageResult = { ok: true; value: ScormPackage } | { ok: false; error: string }

/** The scenario a package opens on (undefined: the student's choice), or why the choice is wrong. */
export function packageScenario(rulebook: Rulebook, choice: ScenarioChoice): { ok: true; scenario?: string } | { ok: false; error: string } {
  const scenarios = rulebook.scenarios.map((scenario) => scenario.id)
  if (choice.chooseScenario && choice.scenario !== undefined) {
    return { ok: false, error: 'give either a scenario or the choice of scenario, not both' }
  }
  if (choice.chooseScenario) return { ok: true }
  const scenario = choice.scenario ?? scenarios[0]
  if (scenario === undefined || !scenarios.includes(scenario)) {
    return { ok: false, error: `the rulebook has no scenario "${scenario ?? ''}"; it has ${scenarios.join(', ')}` }
  }
  return { ok: true, scenario }
}

/** The app's files, without the build manifest (it is for the size checks, not for students). */
export function packagedAppFiles(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> | undefined {
  const app = new Map(files)
  app.delete('.vite/manifest.json')
  return app.has('index.html') ? app : undefined
}

/**
 * Builds the package: the app, `rulebook.json`, `casework-package.json` (what the app opens),
 * `imsmanifest.xml` listing every file of the SCO, and the schema files the manifest names.
 * The rulebook must be checked (no errors) before it is packaged.
 */
export function buildScormPackage(rulebook: Rulebook, fileName: string, choice: ScenarioChoice, parts: PackageParts): PackageResult {
  const chosen = packageScenario(rulebook, choice)
  if (!chosen.ok) return chosen
  const app = packagedAppFiles(parts.app)
  if (!app) return { ok: false, error: 'the packaged app has no index.html' }
  const missing = manifestSchemaFiles.filter((name) => !parts.schemas.has(name))
  if (missing.length) return { ok: false, error: `the SCORM schema files are missing: ${missing.join(', ')}` }

  const encoder = new TextEncoder()
  const config: PackageConfig = {
    format: PACKAGE_FORMAT,
    rulebook: {
      file: fileName.split(/[\\/]/).pop() || fileName,
      contentHash: contentHash(rulebook),
      meta: rulebookMeta(rulebook),
      url: 'rulebook.json',
    },
    ...(chosen.scenario ? { scenario: chosen.scenario } : {}),
  }
  const sco = new Map(app)
  sco.set('rulebook.json', encoder.encode(JSON.stringify(rulebook)))
  sco.set(PACKAGE_CONFIG_FILE, encoder.encode(`${JSON.stringify(config, null, 2)}\n`))
  const manifest = scormManifest({
    rulebookId: rulebook.id,
    version: rulebook.version,
    title: rulebook.title,
    launch: 'index.html',
    files: [...sco.keys()].sort(),
  })
  const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': encoder.encode(manifest) }
  for (const name of manifestSchemaFiles) entries[name] = parts.schemas.get(name)!
  for (const [path, bytes] of sco) entries[path] = bytes
  return { ok: true, value: { zip: zipSync(entries), ...(chosen.scenario ? { scenario: chosen.scenario } : {}), scoFiles: sco.size, fileName: packageFileName(rulebook) } }
}

/** A file name for the package, from the rulebook's id and version. */
export function packageFileName(rulebook: Pick<Rulebook, 'id' | 'version'>): string {
  const safe = `${rulebook.id}-${rulebook.version}`.replace(/[^A-Za-z0-9._-]+/g, '-')
  return `${safe}-scorm2004.zip`
}
