import { describe, expect, it, vi } from 'vitest'
import { loadReportFonts, reportFontUrls } from '@/components/report/reportFonts'
import { reportFontSources } from '@/report/fonts'

describe('components/report/reportFonts', () => {
  it('knows where the build put every file the report embeds', () => {
    for (const source of reportFontSources) {
      expect(reportFontUrls[source.file], source.file).toMatch(/\.woff2$/)
    }
  })

  it('fetches each file from the app’s own addresses and keeps its bytes', async () => {
    const fetchFile = vi.fn(
      async (url: string | URL | Request) => new Response(new TextEncoder().encode(String(url))),
    )
    const fonts = await loadReportFonts(fetchFile as typeof fetch)
    expect(fonts).toHaveLength(reportFontSources.length)
    expect(fetchFile.mock.calls.map(([url]) => url)).toEqual(
      reportFontSources.map((source) => reportFontUrls[source.file]),
    )
    expect(new TextDecoder().decode(fonts[0]!.woff2)).toBe(reportFontUrls[fonts[0]!.file])
    expect(fonts[0]).toMatchObject({ family: 'Source Serif 4', weight: 400, style: 'normal' })
  })

  it('embeds no fonts rather than failing when a file cannot be fetched', async () => {
    const fetchFile = vi.fn(async () => new Response('gone', { status: 404 }))
    expect(await loadReportFonts(fetchFile as typeof fetch)).toEqual([])
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await loadReportFonts(offline as typeof fetch)).toEqual([])
  })
})
