/** Raising a draft's version: the `version:` line rewritten in place, nothing else touched. Pure. */

/** The next minor version (`1.2.3` → `1.3.0`; a pre-release such as `2.0.0-draft` → `2.1.0`). */
export function nextMinorVersion(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version.trim())
  if (!match) return undefined
  return `${match[1]}.${Number(match[2]) + 1}.0`
}

/** The draft's top-level `version:` value, if it has one. */
export function versionOf(text: string): string | undefined {
  const match = /^version:[ \t]*["']?([^"'\s#]+)["']?/m.exec(text)
  return match?.[1]
}

/** The draft with its top-level `version:` set to `version`; unchanged if it has no such line. */
export function setVersion(text: string, version: string): string {
  return text.replace(/^version:[ \t]*.*$/m, `version: ${version}`)
}
