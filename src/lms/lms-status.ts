/** What the student is told about the LMS connection: a value the notice renders. */
import { reactive } from 'vue'

export type LmsProblem =
  /** The session no longer fits in `cmi.suspend_data`: work continues in this browser. */
  | 'too-large'
  /** The LMS refused a call: work continues in this browser. */
  | 'lms-error'

export interface LmsStatus {
  connected: boolean
  learnerName: string
  problem: LmsProblem | undefined
  detail: string
  lastCommittedAt: string | undefined
}

export function createLmsStatus(): LmsStatus {
  return reactive<LmsStatus>({ connected: false, learnerName: '', problem: undefined, detail: '', lastCommittedAt: undefined })
}
