/** Messages between the page and workers/package.worker.ts. */
import type { Rulebook } from '@/engine/generated/rulebook'
import type { PackageResult, ScenarioChoice } from '@/lms/package'

export interface PackageRequest {
  rulebook: Rulebook
  file: string
  choice: ScenarioChoice
  /** The app's base URL, where `lms/` is found. */
  base: string
}

export type PackageResponse = PackageResult
