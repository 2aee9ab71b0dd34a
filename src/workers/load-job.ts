/**
 * The work the file-reading worker does, as a function the app can also run in place where there
 * are no workers (the component tests): bytes → text (UTF-8, or UTF-16 with its byte-order mark)
 * → a rulebook or a session, checked, with progress along the way.
 */
import { loadRulebook } from '@/engine/load'
import { parseSession } from '@/engine/session'
import { contentHash } from '@/engine/hash'
import { hasErrors, type Problem } from '@/engine/problems'
import { limits, sizeInWords } from '@/engine/limits'
import { looksLikeSession } from '@/engine/file-kind'
import { sourceLines } from '@/engine/source-lines'
import type { LoadOutcome, LoadProgress, LoadRequest } from './load-protocol'

/** Bytes as text: a byte-order mark chooses UTF-16 (either order) or UTF-8; otherwise UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  // TextDecoder drops a UTF-8 byte-order mark itself.
  return new TextDecoder('utf-8').decode(bytes)
}

async function readBytes(file: Blob, progress: (p: LoadProgress) => void): Promise<Uint8Array> {
  if (typeof file.stream !== 'function') {
    if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer())
    // Older environments (and jsdom) have only FileReader.
    return new Promise((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
      reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
      reader.readAsArrayBuffer(file)
    })
  }
  const bytes = new Uint8Array(file.size)
  const reader = file.stream().getReader()
  let offset = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes.set(value.subarray(0, Math.max(0, bytes.length - offset)), offset)
    offset += value.length
    progress({ step: 'reading', fraction: file.size ? Math.min(1, offset / file.size) : 1 })
  }
  return bytes.subarray(0, Math.min(offset, bytes.length))
}

const tooLarge = (name: string, size: number): Problem => ({
  code: 'limit',
  severity: 'error',
  message: `the file is too large (${sizeInWords(size)}): a rulebook may be at most ${sizeInWords(limits.rulebookCharacters)} and a workbook ${sizeInWords(limits.sessionCharacters)}`,
  file: name,
  range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  path: [],
})

/** Reads and checks one file, reporting progress; never throws for what the file contains. */
export async function runLoad(request: LoadRequest, progress: (p: LoadProgress) => void): Promise<LoadOutcome> {
  const { file, name, expect } = request
  // Refused before reading: no character takes more than three bytes (UTF-8, or UTF-16 with its mark).
  const largest = expect === 'rulebook' ? limits.rulebookCharacters : limits.sessionCharacters
  if (file.size > largest * 3 + 3) {
    return { kind: expect === 'session' ? 'session' : 'rulebook', problems: [tooLarge(name, file.size)] }
  }
  progress({ step: 'reading', fraction: 0 })
  const text = decodeText(await readBytes(file, progress))
  const kind = expect === 'any' ? (looksLikeSession(text) ? 'session' : 'rulebook') : expect
  progress({ step: 'parsing' })
  if (kind === 'session') {
    const { session, problems } = parseSession(text, name)
    return { kind, ...(session ? { session } : {}), problems }
  }
  // Without the path explorer: its warnings are for the rulebook's author (the Studio and
  // `casework validate` show them), and at thousands of questions it is most of the wait.
  const { rulebook, problems } = loadRulebook(
    text,
    name,
    (step) => {
      if (step !== 'parse') progress({ step: 'checking' })
    },
    { explore: false },
  )
  const sources = problems.length ? { sources: sourceLines(text, problems.map((problem) => problem.range)) } : {}
  return rulebook && !hasErrors(problems)
    ? { kind, rulebook, contentHash: contentHash(rulebook), problems, ...sources }
    : { kind, problems, ...sources }
}
