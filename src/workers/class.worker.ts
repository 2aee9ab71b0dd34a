/**
 * Reads a class's session files off the main thread and keeps them (see `class-job.ts`): the page
 * is sent the figures, then asks for the work it shows, so it stays responsive however large the
 * class.
 */
import { createClassJob } from './class-job'
import type { ClassReply, ClassRequest } from './class-protocol'

const job = createClassJob((reply: ClassReply) => (self as unknown as Worker).postMessage(reply))

// Requests are answered in the order they came (a page asked for during a load waits for it),
// except the files of the load under way, which it is waiting for.
let queue = Promise.resolve()
self.onmessage = (event: MessageEvent<ClassRequest>) => {
  const request = event.data
  if (request.type === 'files') void job.handle(request)
  else queue = queue.then(() => job.handle(request))
}
