import { describe, expect, it } from 'vitest'
import { compareSession, describeDrift, hasDrift, sessionRulebookProblems } from '@/engine/drift'
import { questionHash } from '@/engine/hash'
import { parseSource } from '@/engine/source'
import type { Session } from '@/engine/generated/session'
import {
  loadFixtureRulebook,
  loadFixtureSession,
  readText,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

const { rulebook, compiled, hash } = loadFixtureRulebook(smallRulebookPath)

/** A session made against exactly this rulebook, with work on the given questions. */
function sessionWith(
  answers: Session['answers'],
  change: Partial<Session['rulebook']> = {},
): Session {
  return {
    format: 'casework-session/1',
    rulebook: { id: rulebook.id, version: rulebook.version, contentHash: hash, ...change },
    scenario: 'harbour',
    student: { name: 'Ada' },
    createdAt: '2026-01-12T09:00:00Z',
    updatedAt: '2026-01-12T09:00:00Z',
    answers,
  }
}

const at = '2026-01-12T10:00:00Z'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

describe('engine/drift', () => {
  it('finds nothing to tell when the session was made against this very rulebook', () => {
    const session = sessionWith({ 'use-of-force': { value: 'yes', updatedAt: at } })
    const drift = compareSession(compiled, session, hash)
    expect(hasDrift(drift)).toBe(false)
    expect(describeDrift(compiled, drift)).toEqual([])
    expect(sessionRulebookProblems(drift, 'session.json')).toEqual([])
  })

  it('says which version the work was done on when the version changed', () => {
    const drift = compareSession(
      compiled,
      sessionWith({}, { version: '1.0.0', contentHash: 'abcdefabcdefabcd' }),
      hash,
    )
    expect(drift).toMatchObject({ versionChanged: true, contentChanged: true })
    expect(describeDrift(compiled, drift)[0]).toBe(
      'This work was done on version 1.0.0 of the rulebook; this is version 1.2.0.',
    )
  })

  it('notices content that changed under the same version', () => {
    const drift = compareSession(
      compiled,
      sessionWith({}, { contentHash: 'abcdefabcdefabcd' }),
      hash,
    )
    expect(drift).toMatchObject({ versionChanged: false, contentChanged: true })
    expect(describeDrift(compiled, drift)[0]).toContain('though its version (1.2.0) has not')
  })

  it('keeps work on removed questions and lists them as orphaned, ignoring entries with no work', () => {
    const session = deepFreeze(
      sessionWith({
        'old-question': { value: 'yes', updatedAt: at },
        'empty-old': { updatedAt: at },
        'use-of-force': { value: 'yes', updatedAt: at },
      }),
    )
    const drift = compareSession(compiled, session, hash)
    expect(drift.removed).toEqual(['old-question'])
    expect(Object.keys(session.answers)).toEqual(['old-question', 'empty-old', 'use-of-force'])
    expect(describeDrift(compiled, drift)).toContain(
      '1 question you worked on is no longer in the rulebook (the one you answered “yes”, saved as `old-question`): the work is kept and shown as orphaned.',
    )
  })

  it('names reworded questions by number and title, and trusts work without a fingerprint', () => {
    const question = rulebook.questions[0]
    const drift = compareSession(
      compiled,
      sessionWith({
        'use-of-force': { value: 'yes', questionHash: 'ffffffffffffffff', updatedAt: at },
        gravity: { value: 2, questionHash: questionHash(rulebook.questions[1]!), updatedAt: at },
        basis: { value: 'none', updatedAt: at },
      }),
      hash,
    )
    expect(question.id).toBe('use-of-force')
    expect(drift.reworded).toEqual(['use-of-force'])
    expect(describeDrift(compiled, drift)).toContain(
      '1 question was reworded since you answered: Q1 “Use of force”. Check that your answers still fit.',
    )
  })

  it.each([
    [
      'an option that no longer exists',
      'basis',
      'necessity',
      'the answer “necessity” is no longer one of its options',
      'necessity',
      'In Q3 “Legal basis claimed”, the answer “necessity” is no longer one of its options: the answer is kept',
    ],
    [
      'a selection with a removed option',
      'grounds',
      ['drugs', 'piracy'],
      '“piracy” is no longer among its options',
      'Drug trafficking, piracy',
      'In Q5 “Grounds invoked”, you had answered “Drug trafficking, piracy”, but “piracy” is no longer among its options: the answer is kept',
    ],
    ['a scale value outside the range', 'gravity', 9, 'the answer 9 lies outside the scale 1 to 5', '9', 'In Q2 “Gravity”, the answer 9 lies outside'],
    ['a value of another kind', 'use-of-force', 3, 'the answer “3” is not yes or no', '3', 'In Q1 “Use of force”, the answer “3” is not yes or no'],
  ])('points out %s, keeping the answer and saying what it was', (_case, questionId, value, reason, previous, line) => {
    const session = sessionWith({ [questionId]: { value, updatedAt: at } })
    const drift = compareSession(compiled, session, hash)
    expect(drift.invalidAnswers).toEqual([{ questionId, reason, previous }])
    expect(session.answers[questionId]?.value).toEqual(value)
    const lines = describeDrift(compiled, drift).join('\n')
    expect(lines).toContain(reason)
    expect(lines).toContain(line)
    // Questions are named as the outline names them, never by their ids.
    expect(lines).not.toContain(`\`${questionId}\``)
  })

  it('does not count an empty answer as one that no longer fits', () => {
    const drift = compareSession(
      compiled,
      sessionWith({ basis: { value: '', reasoning: { issue: 'x' }, updatedAt: at } }),
      hash,
    )
    expect(drift.invalidAnswers).toEqual([])
  })

  it('lists cited facts the rulebook no longer has', () => {
    const drift = compareSession(
      compiled,
      sessionWith({
        'use-of-force': {
          value: 'yes',
          citedFacts: ['strike-acknowledged', 'gone-fact'],
          updatedAt: at,
        },
      }),
      hash,
    )
    expect(drift.unknownFacts).toEqual([{ questionId: 'use-of-force', factId: 'gone-fact' }])
  })

  it('says honestly that questions without work may be new or simply not answered', () => {
    const changed = compareSession(compiled, sessionWith({}, { version: '1.1.0' }), hash)
    expect(changed.unworked).toEqual([
      'use-of-force',
      'gravity',
      'basis',
      'consent-evidence',
      'grounds',
    ])
    expect(describeDrift(compiled, changed).at(-1)).toBe(
      '5 questions have no work in this session: new in this version, or not yet answered.',
    )
    // Against the same rulebook, unanswered questions are just unanswered: nothing to report.
    expect(describeDrift(compiled, compareSession(compiled, sessionWith({}), hash))).toEqual([])
  })

  it('refuses another rulebook’s session with a located session-rulebook error', () => {
    const text = readText(smallSessionPath).replace(
      '"id": "harbour-strike"',
      '"id": "another-rulebook"',
    )
    const session = JSON.parse(text) as Session
    const drift = compareSession(compiled, session, hash)
    expect(drift.sameRulebook).toBe(false)
    expect(describeDrift(compiled, drift)).toEqual([
      'This work was done on the rulebook `another-rulebook`, not on `harbour-strike`: open it with the rulebook it was made for.',
    ])
    const source = parseSource(text, 'other.json')
    const [problem, ...rest] = sessionRulebookProblems(drift, 'other.json', (path) =>
      source.locate(path),
    )
    expect(rest).toEqual([])
    expect(problem).toMatchObject({
      code: 'session-rulebook',
      severity: 'error',
      file: 'other.json',
      path: ['rulebook', 'id'],
      range: { start: { line: 6, column: 11 } },
    })
    expect(problem?.message).toBe(
      'This session was made for the rulebook `another-rulebook`, not `harbour-strike`.',
    )
  })

  it('refuses a session whose scenario the rulebook lacks', () => {
    const session = { ...loadFixtureSession(smallSessionPath), scenario: 'elsewhere' }
    const drift = compareSession(compiled, session, hash)
    expect(drift.scenarioFound).toBe(false)
    expect(sessionRulebookProblems(drift, 's.json')).toMatchObject([
      { code: 'session-rulebook', path: ['scenario'] },
    ])
  })

  it('treats ids such as `constructor` as plain question ids', () => {
    const drift = compareSession(
      compiled,
      sessionWith({ constructor: { value: 'yes', updatedAt: at } }),
      hash,
    )
    expect(drift.removed).toEqual(['constructor'])
  })
})
