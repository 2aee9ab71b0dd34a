/**
 * Writes a workbook to the LMS: the session in `cmi.suspend_data`, the records the LMS shows, and
 * a commit. Knows SCORM's data model, not Vue or the stores.
 */
import type { LmsRecord } from './records'
import type { ScormSession } from './scorm-api'
import { packSession } from './suspend-data'

export type WriteResult = { ok: true } | { ok: false; reason: 'too-large'; length: number }

export function createLmsWriter(lms: ScormSession) {
  // Interactions keep their index across launches: find the ones an earlier launch wrote.
  const indexById = new Map<string, number>()
  let count = Number(lms.get('cmi.interactions._count') || '0')
  for (let index = 0; index < count; index++) indexById.set(lms.get(`cmi.interactions.${index}.id`), index)
  const written = new Map<string, string>()

  function writeInteractions(record: LmsRecord): void {
    for (const interaction of record.interactions) {
      const key = JSON.stringify(interaction)
      if (written.get(interaction.id) === key) continue
      let index = indexById.get(interaction.id)
      const prefix = `cmi.interactions.${index ?? count}`
      if (index === undefined) {
        index = count++
        indexById.set(interaction.id, index)
        lms.set(`${prefix}.id`, interaction.id)
      }
      lms.set(`${prefix}.type`, interaction.type)
      lms.set(`${prefix}.description`, interaction.description)
      lms.set(`${prefix}.learner_response`, interaction.learnerResponse)
      if (interaction.timestamp) lms.set(`${prefix}.timestamp`, interaction.timestamp)
      written.set(interaction.id, key)
    }
  }

  /** Stores the session and its records, then commits; an oversized session is not stored (nor cut). */
  function write(sessionJson: string, record: LmsRecord): WriteResult {
    const packed = packSession(sessionJson)
    if (packed.ok) lms.set('cmi.suspend_data', packed.data)
    writeInteractions(record)
    lms.set('cmi.progress_measure', record.progressMeasure.toFixed(7))
    lms.set('cmi.completion_status', record.completionStatus)
    // "suspend" asks the LMS to keep the attempt, so the next launch resumes it.
    lms.set('cmi.exit', 'suspend')
    lms.commit()
    return packed.ok ? { ok: true } : { ok: false, reason: 'too-large', length: packed.length }
  }

  return { write }
}
