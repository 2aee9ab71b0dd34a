import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { reportFontSources, type ReportFont, type ReportFontSource } from '../report/fonts.ts'

const require = createRequire(import.meta.url)

/**
 * Where a typeface's file may be: beside the built CLI (`dist-cli/fonts/`, copied there by
 * vite.config.cli.ts so the packed tarball carries them), else in its npm package (a checkout).
 */
function candidates(source: ReportFontSource): string[] {
  const bundled = `fonts/${source.package}/${source.file}`
  const paths = [new URL(bundled, import.meta.url), new URL(`../${bundled}`, import.meta.url)].map(
    (url) => url.pathname,
  )
  try {
    paths.push(require.resolve(`${source.package}/files/${source.file}`))
  } catch {
    // Not installed: only the bundled copies can serve.
  }
  return paths
}

async function readFirst(paths: string[]): Promise<Uint8Array> {
  for (const path of paths) {
    try {
      return new Uint8Array(await readFile(path))
    } catch {
      // Try the next place.
    }
  }
  throw new Error('typeface not found')
}

/**
 * The report's typefaces, for the standalone HTML report to embed; none if a file is missing,
 * and the report says so.
 */
export async function readReportFonts(): Promise<ReportFont[]> {
  try {
    return await Promise.all(
      reportFontSources.map(async (source) => ({ ...source, woff2: await readFirst(candidates(source)) })),
    )
  } catch {
    return []
  }
}
