/**
 * Finds the smallest changes to a student's answers that would change a conclusion (or whether a
 * question is asked) off the main thread, so that the workbook never stalls while it searches.
 */
import { createWhatIfJob } from './whatif-job'
import type { WhatIfReply, WhatIfRequest } from './whatif-protocol'

const run = createWhatIfJob()

self.onmessage = (event: MessageEvent<WhatIfRequest>) => {
  const reply: WhatIfReply = run(event.data)
  self.postMessage(reply)
}
