/**
 * Every change to the shape of saved records is a step here, so a workbook saved by an older
 * Casework opens in a newer one. Records come from storage the app does not control: anything
 * that is not a record this code understands is refused, never half-read.
 */
import { RECORD_VERSION, type RulebookRecord, type WorkbookRecord } from './records'

type Migration = (record: Record<string, unknown>) => Record<string, unknown>

/** `steps[n]` turns a version-n record into a version-(n+1) record. None yet: version 1 is the first. */
const workbookSteps: Record<number, Migration> = {}
const rulebookSteps: Record<number, Migration> = {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function migrate(
  raw: unknown,
  steps: Record<number, Migration>,
  isValid: (record: Record<string, unknown>) => boolean,
): Record<string, unknown> | undefined {
  if (!isObject(raw) || typeof raw.version !== 'number') return undefined
  let record = raw
  for (let version = raw.version; version < RECORD_VERSION; version++) {
    const step = steps[version]
    if (!step) return undefined
    record = { ...step(record), version: version + 1 }
  }
  return record.version === RECORD_VERSION && isValid(record) ? record : undefined
}

/** A saved workbook brought to the current version, or undefined if it cannot be read. */
export function migrateWorkbookRecord(raw: unknown): WorkbookRecord | undefined {
  const record = migrate(
    raw,
    workbookSteps,
    (r) =>
      typeof r.id === 'string' &&
      isObject(r.session) &&
      isObject(r.session.answers) &&
      isObject(r.summary),
  )
  return record as WorkbookRecord | undefined
}

/** A saved rulebook brought to the current version, or undefined if it cannot be read. */
export function migrateRulebookRecord(raw: unknown): RulebookRecord | undefined {
  const record = migrate(
    raw,
    rulebookSteps,
    (r) => typeof r.contentHash === 'string' && isObject(r.rulebook),
  )
  return record as RulebookRecord | undefined
}
