import { describe, expect, it } from 'vitest'
import { evaluate } from '@/engine/evaluate'
import type { Session } from '@/engine/generated/session'
import { lmsRecord, scormTime } from '@/lms/records'
import { loadFixtureRulebook, readText } from '../../fixtures/report/load'

const { rulebook, compiled } = loadFixtureRulebook('tests/fixtures/report/small-rulebook.yaml')
const session = JSON.parse(readText('tests/fixtures/sessions/harbour-strike.json')) as Session

describe('lms/records', () => {
  it('records each answered, asked question as an interaction of its kind, and nothing stale', () => {
    const record = lmsRecord(rulebook, session, evaluate(compiled, session))
    expect(record.interactions).toEqual([
      { id: 'use-of-force', type: 'true-false', learnerResponse: 'true', description: expect.stringMatching(/^Q1\. /), timestamp: '2026-01-15T10:00:00.00Z' },
      { id: 'gravity', type: 'numeric', learnerResponse: '3', description: expect.stringMatching(/^Q2\. /), timestamp: '2026-01-15T11:00:00.00Z' },
      { id: 'basis', type: 'choice', learnerResponse: 'none', description: expect.stringMatching(/^Q3\. /), timestamp: '2026-01-15T12:00:00.00Z' },
    ])
    // consent-evidence has work but is no longer asked (basis is "none"): not the LMS's business.
    expect(record.interactions.map((interaction) => interaction.id)).not.toContain('consent-evidence')
  })

  it('measures progress as committed over asked questions, and is incomplete until all are committed', () => {
    const record = lmsRecord(rulebook, session, evaluate(compiled, session))
    // Asked: use-of-force (committed), gravity, basis, grounds (not answered): 1 of 4.
    expect(record.progressMeasure).toBe(0.25)
    expect(record.completionStatus).toBe('incomplete')
  })

  it('is completed once every asked question is committed', () => {
    const now = '2026-01-16T09:00:00.000Z'
    const done: Session = {
      ...session,
      answers: {
        ...session.answers,
        'use-of-force': { ...session.answers['use-of-force']!, committedAt: now },
        gravity: { ...session.answers.gravity!, committedAt: now },
        basis: { ...session.answers.basis!, committedAt: now },
        grounds: { value: ['drugs', 'terrorism'], committedAt: now, updatedAt: now },
      },
    }
    const record = lmsRecord(rulebook, done, evaluate(compiled, done))
    expect(record.progressMeasure).toBe(1)
    expect(record.completionStatus).toBe('completed')
    expect(record.interactions.find((interaction) => interaction.id === 'grounds')).toMatchObject({
      type: 'choice',
      learnerResponse: 'drugs[,]terrorism',
    })
  })

  it('writes SCORM times in UTC with hundredths, as the data model\'s time grammar allows', () => {
    expect(scormTime('2026-01-15T10:00:00.123Z')).toBe('2026-01-15T10:00:00.12Z')
    expect(scormTime('not a date')).toBe('')
  })
})
