import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { reportFontSources, type ReportFont } from '../report/fonts.ts'

const require = createRequire(import.meta.url)

/**
 * The report's typefaces read from their npm packages (dependencies of Casework), for the
 * standalone HTML report to embed; none if a package is missing, and the report says so.
 */
export async function readReportFonts(): Promise<ReportFont[]> {
  try {
    return await Promise.all(
      reportFontSources.map(async (source) => ({
        ...source,
        woff2: new Uint8Array(
          await readFile(require.resolve(`${source.package}/files/${source.file}`)),
        ),
      })),
    )
  } catch {
    return []
  }
}
