/**
 * The report's typefaces as the standalone HTML download embeds them: fetched from the app's own
 * origin (the same files the app's stylesheet serves, so usually from the cache), never from
 * elsewhere. Loaded with the report view only, so the files' addresses are not on the student's
 * first load.
 */
import sourceSerif4Latin400Normal from '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2?url'
import sourceSerif4LatinExt400Normal from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-400-normal.woff2?url'
import sourceSerif4Latin400Italic from '@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2?url'
import sourceSerif4LatinExt400Italic from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-400-italic.woff2?url'
import sourceSerif4Latin700Normal from '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2?url'
import sourceSerif4LatinExt700Normal from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff2?url'
import sourceSerif4Latin700Italic from '@fontsource/source-serif-4/files/source-serif-4-latin-700-italic.woff2?url'
import sourceSerif4LatinExt700Italic from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-italic.woff2?url'
import sourceCodeProLatin400Normal from '@fontsource/source-code-pro/files/source-code-pro-latin-400-normal.woff2?url'
import sourceCodeProLatinExt400Normal from '@fontsource/source-code-pro/files/source-code-pro-latin-ext-400-normal.woff2?url'
import { reportFontSources, type ReportFont } from '@/report/fonts'

/** Where the build put each file of `reportFontSources`. */
export const reportFontUrls: Record<string, string> = {
  'source-serif-4-latin-400-normal.woff2': sourceSerif4Latin400Normal,
  'source-serif-4-latin-ext-400-normal.woff2': sourceSerif4LatinExt400Normal,
  'source-serif-4-latin-400-italic.woff2': sourceSerif4Latin400Italic,
  'source-serif-4-latin-ext-400-italic.woff2': sourceSerif4LatinExt400Italic,
  'source-serif-4-latin-700-normal.woff2': sourceSerif4Latin700Normal,
  'source-serif-4-latin-ext-700-normal.woff2': sourceSerif4LatinExt700Normal,
  'source-serif-4-latin-700-italic.woff2': sourceSerif4Latin700Italic,
  'source-serif-4-latin-ext-700-italic.woff2': sourceSerif4LatinExt700Italic,
  'source-code-pro-latin-400-normal.woff2': sourceCodeProLatin400Normal,
  'source-code-pro-latin-ext-400-normal.woff2': sourceCodeProLatinExt400Normal,
}

/**
 * The report's fonts with their bytes, or none if any file cannot be fetched (offline after an
 * update): the download then says in its HTML that it uses the reader's fonts.
 */
export async function loadReportFonts(fetchFile: typeof fetch = fetch): Promise<ReportFont[]> {
  try {
    return await Promise.all(
      reportFontSources.map(async (source) => {
        const url = reportFontUrls[source.file]
        if (!url) throw new Error(`no address for ${source.file}`)
        const response = await fetchFile(url)
        if (!response.ok) throw new Error(`${url}: ${response.status}`)
        return { ...source, woff2: new Uint8Array(await response.arrayBuffer()) }
      }),
    )
  } catch {
    return []
  }
}
