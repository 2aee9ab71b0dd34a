import { describe, expect, it } from 'vitest'
import { aggregateClass } from '../../../src/class/aggregate.ts'
import { collectStudents, readSessionFile } from '../../../src/class/load.ts'
import { csvCell, renderClassCsv } from '../../../src/class/csv.ts'
import { renderClassMarkdown } from '../../../src/class/render-markdown.ts'
import { renderClassHtml } from '../../../src/class/render-html.ts'
import { loadFixtureRulebook, smallRulebookPath } from '../../fixtures/report/load.ts'
import { seminarFiles, seminarTexts } from '../../fixtures/class/seminar.ts'
import type { Session } from '../../../src/engine/generated/session.ts'

const { compiled, hash } = loadFixtureRulebook(smallRulebookPath)
const notes = { questions: {}, students: {} }

function classOf(texts: Record<string, string>) {
  const { students, rejected } = collectStudents(
    Object.entries(texts).map(([file, text]) => readSessionFile(compiled, hash, file, text)),
  )
  return aggregateClass(compiled, hash, students, rejected)
}

/** A session whose free-text answer and student name are spreadsheet formulas. */
function formulaSession(): Session {
  const dan = seminarFiles(hash)['dan.casework.json'] as Session
  return {
    ...dan,
    id: 'wb-formula',
    student: { name: '@SUM(A1:A9)' },
    answers: {
      'use-of-force': { value: 'yes', updatedAt: '2026-01-14T10:00:00.000Z' },
      basis: { value: 'consent', updatedAt: '2026-01-14T10:00:00.000Z' },
      'consent-evidence': { value: '=cmd|" /C calc"!A0', updatedAt: '2026-01-14T10:00:00.000Z' },
    },
  }
}

describe('class: hostile files', () => {
  it('leaves out a file with a 10 MB reasoning string, with the reason, and keeps the rest', () => {
    const huge = seminarFiles(hash)['ada.casework.json'] as Session
    const tampered = {
      ...huge,
      id: 'wb-huge',
      answers: { 'use-of-force': { value: 'yes', reasoning: { issue: 'x'.repeat(10 * 1024 * 1024) }, updatedAt: huge.updatedAt } },
    }
    const aggregate = classOf({ ...seminarTexts(hash), 'huge.casework.json': JSON.stringify(tampered) })
    const rejected = aggregate.rejected.find((r) => r.file === 'huge.casework.json')!
    expect(rejected.code).toBe('not-a-session')
    expect(rejected.reason).toMatch(/100000|too long|characters/)
    expect(aggregate.students).toHaveLength(5)
  })

  it('refuses a file for another rulebook, naming both', () => {
    const result = readSessionFile(compiled, hash, 'other.json', seminarTexts(hash)['stranger.casework.json']!)
    expect(result).toMatchObject({ rejected: { code: 'another-rulebook' } })
  })

  it('keeps work on another version of the rulebook, saying what changed', () => {
    const ada = seminarFiles(hash)['ada.casework.json'] as Session
    const older = { ...ada, rulebook: { ...ada.rulebook, version: '1.1.0', contentHash: 'ffffffffffffffff' } }
    const result = readSessionFile(compiled, hash, 'older.json', JSON.stringify(older))
    expect('student' in result && result.student.notices[0]).toContain('version 1.1.0')
  })

  it('neutralises cells that a spreadsheet would run as formulas, and quotes as RFC 4180 says', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@A1')).toBe("'@A1")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"')
    expect(csvCell('plain')).toBe('plain')
    const csv = renderClassCsv(compiled, classOf({ 'f.json': JSON.stringify(formulaSession()) }), notes)
    const lines = csv.split('\r\n')
    expect(lines[1]!.startsWith("'@SUM(A1:A9),")).toBe(true)
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`)
    // No cell anywhere starts with a formula character.
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m)
  })

  it('keeps script in names and reasoning inert in the CSV, Markdown and HTML', () => {
    const aggregate = classOf(seminarTexts(hash))
    const html = renderClassHtml(aggregate, { questions: { basis: '<b>note</b>' }, students: { 'wb-bob': '<script>x</script>' } })
    expect(html).not.toMatch(/<script|<img|<b>/i)
    expect(html).toContain('Bob &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain("default-src 'none'")
    const markdown = renderClassMarkdown(aggregate, { questions: {}, students: { 'wb-bob': '<script>x</script>' } })
    expect(markdown).not.toMatch(/(^|[^\\])<script/)
    expect(markdown).toContain('Bob &lt;script&gt;alert(1)&lt;/script&gt;')
    const csv = renderClassCsv(compiled, aggregate, notes)
    expect(csv).toContain('=HYPERLINK') // kept as text inside the reasoning cell, which starts with its heading
    expect(csv).toMatch(/"Application: =HYPERLINK/)
  })
})
