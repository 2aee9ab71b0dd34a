/**
 * The typefaces the standalone HTML report embeds, so that it prints the same on every machine
 * (the report's stylesheet asks for Source Serif 4 and Source Code Pro, which the app ships from
 * the `@fontsource` packages). This module stays pure: the caller supplies the bytes (the app
 * fetches the files from its own origin, the CLI reads them from the packages), and this module
 * keeps the subsets the report's text needs and writes them as `@font-face` rules with data URLs.
 */

/** A subset of a typeface, as fontsource (and Google Fonts) split them by Unicode range. */
export type ReportFontSubset = 'latin' | 'latin-ext'

/** One WOFF2 file of a typeface the report uses, named as its npm package names it. */
export interface ReportFontSource {
  family: string
  /** The npm package, whose `files/` folder holds the file. */
  package: string
  file: string
  weight: number
  style: 'normal' | 'italic'
  subset: ReportFontSubset
}

/** A font file with its bytes, ready to embed. */
export interface ReportFont extends ReportFontSource {
  woff2: Uint8Array
}

/**
 * The characters each subset covers, as in the packages' `unicode.json` (a unit test checks that
 * they still agree).
 */
export const subsetRanges: Record<ReportFontSubset, string> = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
}

const faces = (
  family: string,
  pkg: string,
  styles: readonly [number, 'normal' | 'italic'][],
): ReportFontSource[] =>
  styles.flatMap(([weight, style]) =>
    (['latin', 'latin-ext'] as const).map((subset) => ({
      family,
      package: pkg,
      file: `${pkg.split('/')[1]}-${subset}-${weight}-${style}.woff2`,
      weight,
      style,
      subset,
    })),
  )

/** Every face the report's stylesheet uses: body text, its italic and bold, and code. */
export const reportFontSources: readonly ReportFontSource[] = [
  ...faces('Source Serif 4', '@fontsource/source-serif-4', [
    [400, 'normal'],
    [400, 'italic'],
    [700, 'normal'],
    [700, 'italic'],
  ]),
  ...faces('Source Code Pro', '@fontsource/source-code-pro', [[400, 'normal']]),
]

/** `U+0100-02BA,U+2020` as inclusive code point ranges. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [low = '', high = low] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(low, 16), parseInt(high, 16)]
  })
}

/** Whether any character of `text` falls in one of the ranges. */
function covers(ranges: [number, number][], text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (ranges.some(([low, high]) => code >= low && code <= high)) return true
  }
  return false
}

/**
 * `@font-face` rules embedding the fonts whose subset the text needs (Latin always; Latin
 * Extended only when a name such as Tarčulovski appears), as data URLs, with `font-display: swap`.
 */
export function fontFaceCss(fonts: readonly ReportFont[], text: string): string {
  const needed = new Map<ReportFontSubset, boolean>()
  const isNeeded = (subset: ReportFontSubset) => {
    if (!needed.has(subset))
      needed.set(subset, covers(parseUnicodeRange(subsetRanges[subset]), text))
    return needed.get(subset)!
  }
  return fonts
    .filter((font) => isNeeded(font.subset))
    .map(
      (font) => `@font-face {
  font-family: '${font.family}';
  font-style: ${font.style};
  font-weight: ${font.weight};
  font-display: swap;
  src: url(data:font/woff2;base64,${base64(font.woff2)}) format('woff2');
  unicode-range: ${subsetRanges[font.subset]};
}`,
    )
    .join('\n')
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 (RFC 4648, padded), without the DOM's `btoa` or Node's `Buffer`. */
export function base64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!
    const b = bytes[i + 1]
    const c = bytes[i + 2]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!
    out += b === undefined ? '=' : alphabet[(n >> 6) & 63]!
    out += c === undefined ? '=' : alphabet[n & 63]!
  }
  return out
}
