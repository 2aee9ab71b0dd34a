/**
 * Finding and calling the LMS's SCORM 2004 API (`API_1484_11`), as the run-time environment
 * book (RTE 3.1.2) says: search the chain of parent frames, then the opener's chain.
 */

/** The SCORM 2004 API object an LMS puts on a window (RTE 3.1). All values are strings. */
export interface Scorm2004Api {
  Initialize(parameter: ''): string
  Terminate(parameter: ''): string
  GetValue(element: string): string
  SetValue(element: string, value: string): string
  Commit(parameter: ''): string
  GetLastError(): string
  GetErrorString(code: string): string
  GetDiagnostic(code: string): string
}

/** How far up a chain of frames to look, as the ADL's reference discovery script does. */
const maxDepth = 500

type Frame = Window & { API_1484_11?: Scorm2004Api }

function searchParents(start: Window): Scorm2004Api | undefined {
  let frame = start as Frame
  for (let depth = 0; depth <= maxDepth; depth++) {
    try {
      if (frame.API_1484_11) return frame.API_1484_11
    } catch {
      // A frame of another origin cannot be read: the API is not there.
      return undefined
    }
    if (!frame.parent || frame.parent === frame) return undefined
    frame = frame.parent as Frame
  }
  return undefined
}

/** The LMS's API for this window, or undefined outside an LMS. */
export function findScormApi(start: Window): Scorm2004Api | undefined {
  const fromParents = searchParents(start)
  if (fromParents) return fromParents
  try {
    const opener = start.top?.opener as Window | null | undefined
    return opener ? searchParents(opener) : undefined
  } catch {
    return undefined
  }
}

/** A call that failed, with the LMS's own words, for the student's notice and the console. */
export class ScormError extends Error {}

/** Thin checked wrapper: every call that reports failure becomes an error with the LMS's message. */
export function scormSession(api: Scorm2004Api) {
  function check(result: string, what: string): void {
    if (result === 'true') return
    const code = api.GetLastError()
    throw new ScormError(`${what} failed (${code}: ${api.GetErrorString(code)})`)
  }
  return {
    initialize: () => check(api.Initialize(''), 'Initialize'),
    terminate: () => check(api.Terminate(''), 'Terminate'),
    commit: () => check(api.Commit(''), 'Commit'),
    get(element: string): string {
      const value = api.GetValue(element)
      const code = api.GetLastError()
      // 403: "data model element value not initialized", which is how an empty field answers.
      if (code !== '0' && code !== '403') throw new ScormError(`GetValue(${element}) failed (${code}: ${api.GetErrorString(code)})`)
      return value
    },
    set: (element: string, value: string) => check(api.SetValue(element, value), `SetValue(${element})`),
  }
}

export type ScormSession = ReturnType<typeof scormSession>
