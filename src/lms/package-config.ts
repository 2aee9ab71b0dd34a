/** `casework-package.json`: what a packaged workbook opens, written by `casework package`. */
import type { RulebookMeta } from '../engine/meta.ts'

export const PACKAGE_CONFIG_FILE = 'casework-package.json'
export const PACKAGE_FORMAT = 'casework-package/1'

export interface PackageConfig {
  format: typeof PACKAGE_FORMAT
  /** The one rulebook of the package, as the start page lists shipped rulebooks. */
  rulebook: { file: string; contentHash: string; meta: RulebookMeta; url: string }
  /** The scenario a student's workbook opens on; absent when the student chooses. */
  scenario?: string
}

/** Reads the config, refusing anything that is not one (a package is untrusted too). */
export function parsePackageConfig(value: unknown): PackageConfig | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const config = value as Partial<PackageConfig>
  const rulebook = config.rulebook
  if (config.format !== PACKAGE_FORMAT || !rulebook || typeof rulebook.url !== 'string') return undefined
  // Only a file inside the package: the app fetches nothing from elsewhere.
  if (!/^[\w.-]+\.json$/.test(rulebook.url)) return undefined
  if (config.scenario !== undefined && typeof config.scenario !== 'string') return undefined
  return config as PackageConfig
}
