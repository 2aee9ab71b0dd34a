/**
 * A session kept in SCORM's `cmi.suspend_data`: deflated and base64-encoded, because the LMS keeps
 * at most 64,000 characters (SCORM 2004 4th edition, RTE 4.2.28) and students write a lot.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'

/** The most characters SCORM 2004 4th edition requires an LMS to keep in `cmi.suspend_data`. */
export const SUSPEND_DATA_LIMIT = 64_000

/** Marks our encoding, so a future format (or another tool's data) is recognised, not misread. */
const prefix = 'cw1:'

/** What packing a session gave: the string to store, or why it cannot be stored. */
export type Packed =
  | { ok: true; data: string }
  | { ok: false; reason: 'too-large'; length: number }

/** Packs a session's JSON for `cmi.suspend_data`, refusing (not truncating) what will not fit. */
export function packSession(json: string): Packed {
  const data = prefix + toBase64(deflateSync(strToU8(json), { level: 9 }))
  return data.length <= SUSPEND_DATA_LIMIT ? { ok: true, data } : { ok: false, reason: 'too-large', length: data.length }
}

/** The session JSON kept in `cmi.suspend_data`, or undefined when it holds none of ours. */
export function unpackSession(data: string): string | undefined {
  if (!data.startsWith(prefix)) return undefined
  try {
    return strFromU8(inflateSync(fromBase64(data.slice(prefix.length))))
  } catch {
    return undefined
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode with a whole large array overflows the argument list.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  }
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}
