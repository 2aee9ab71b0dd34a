import { describe, expect, it } from 'vitest'
import { parseSession } from '@/engine/session'
import type { Session } from '@/engine/generated/session'
import { renderJson } from '@/report/render-json'
import { renderMarkdown } from '@/report/render-markdown'
import {
  flagshipSession,
  loadFixtureSession,
  reportOf,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

/** A session using every field the format has, with text that tends to get mangled. */
const everything: Session = {
  $schema: 'https://casework.example/schemas/session.schema.json',
  format: 'casework-session/1',
  id: 'wb-0001',
  title: 'Ünïcödé “quotes” — and an emoji 🚢',
  rulebook: {
    id: 'harbour-strike',
    version: '1.2.0',
    contentHash: '0123456789abcdef',
    title: 'The Harbour Strike',
  },
  scenario: 'harbour',
  student: { name: '' },
  createdAt: '2026-01-12T09:00:00+01:00',
  updatedAt: '2026-01-15T16:30:00.123456789Z',
  currentQuestion: 'grounds',
  answers: {
    'use-of-force': {
      value: 'yes',
      reasoning: {
        issue: 'Line one\nline two\r\n\n  indented',
        rule: '',
        application: '\u0000\u200b\ud83d\udea2',
        conclusion: '<b>kept</b>',
      },
      confidence: 'medium',
      citedFacts: ['strike-acknowledged', 'no-longer-a-fact'],
      counterArgument: '   ',
      committedAt: '2026-01-15T10:00:00Z',
      questionHash: 'fedcba9876543210',
      createdAt: '2026-01-12T09:05:00Z',
      updatedAt: '2026-01-15T10:00:00Z',
    },
    gravity: { value: 2.5, updatedAt: '2026-01-15T11:00:00Z' },
    grounds: { value: [], updatedAt: '2026-01-15T11:00:00Z' },
    'removed-question': { value: ['a', 'b'], reasoning: {}, updatedAt: '2026-01-13T12:00:00Z' },
  },
}

describe('report/render-json', () => {
  it.each([
    ['a session with stale and orphaned work', loadFixtureSession(smallSessionPath)],
    ['the complete session of the flagship rulebook', flagshipSession()],
    ['a session using every field, with awkward text', everything],
  ])('exports %s as a file that imports back identical', (_case, session) => {
    const exported = renderJson(session)
    const { session: imported, problems } = parseSession(exported, 'exported.json')
    expect(problems).toEqual([])
    expect(imported).toEqual(session)
    expect(renderJson(imported!)).toBe(exported)
  })

  it('keeps stale and orphaned work through export and import, and reports it the same', () => {
    const session = loadFixtureSession(smallSessionPath)
    const imported = parseSession(renderJson(session), 'exported.json').session!
    expect(imported.answers['old-question']).toEqual(session.answers['old-question'])
    expect(imported.answers['consent-evidence']).toEqual(session.answers['consent-evidence'])
    expect(renderMarkdown(reportOf(smallRulebookPath, imported))).toBe(
      renderMarkdown(reportOf(smallRulebookPath, session)),
    )
  })

  it('ends the file with a newline and indents it for reading', () => {
    expect(renderJson(everything)).toMatch(/^\{\n {2}"\$schema": .*\n\}\n$/s)
  })
})
