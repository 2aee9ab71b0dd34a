import { describe, expect, it } from 'vitest'
import type { Session } from '@/engine/generated/session'
import {
  loadFixtureSession,
  reportOf,
  smallRulebookPath,
  smallSessionPath,
} from '../../fixtures/report/load'

const session = loadFixtureSession(smallSessionPath)
const report = reportOf(smallRulebookPath, session)

function withWork(change: (answers: Session['answers']) => void): Session {
  const copy = structuredClone(session)
  change(copy.answers)
  return copy
}

describe('report/build', () => {
  it('fills the title block from the rulebook, the scenario and the session', () => {
    expect(report.title).toMatchObject({
      rulebookId: 'harbour-strike',
      rulebookTitle: 'The Harbour Strike',
      rulebookVersion: '1.2.0',
      authors: ['A. Instructor (Example Law School)'],
      scenarioTitle: 'The harbour strike',
      studentName: 'Ada Student',
      workbookTitle: 'Week 3 exercise',
      date: '2026-01-15T16:30:00.000Z',
      dateText: '15 January 2026',
      progress: { answered: 3, total: 4 },
    })
  })

  it('dates the report when asked, and otherwise by the session’s last change', () => {
    expect(
      reportOf(smallRulebookPath, session, { generatedAt: '2026-02-01T08:00:00Z' }).title.dateText,
    ).toBe('1 February 2026')
  })

  it('groups the answered questions by section, in rulebook order, with their work', () => {
    expect(
      report.sections.map((s) => [s.number, s.title, s.questions.map((q) => q.number)]),
    ).toEqual([
      [1, 'Use of force', [1, 2]],
      [2, 'Justification', [3]],
    ])
    const [first] = report.sections[0]!.questions
    expect(first).toMatchObject({
      id: 'use-of-force',
      title: 'Use of force',
      answer: 'Yes',
      confidence: 'high',
      committedAt: '2026-01-15T10:00:00.000Z',
      counterArgument: 'State A may say the strike targeted criminals, not State B.',
      authorities: [
        { id: 'un-charter', title: 'UN Charter', pinpoint: 'art. 2(4)' },
        { id: 'nicaragua', title: 'Nicaragua', pinpoint: 'paras 191, 195' },
      ],
    })
    expect(first?.reasoning.issue).toContain('Whether the strike')
  })

  it('quotes cited facts by paragraph number, saying when one comes from another scenario', () => {
    const gravity = report.sections[0]!.questions[1]!
    expect(gravity.answer).toBe('3 on a scale of 1–5 (1 = trivial, 5 = most grave)')
    expect(gravity.citedFacts).toEqual([
      {
        id: 'casualties-unknown',
        number: 3,
        otherScenario: undefined,
        text: 'Whether anyone was killed is not known.',
        certainty: 'unknown',
        source: 'unknown',
      },
      expect.objectContaining({
        id: 'boats-struck',
        number: 1,
        otherScenario: 'Boats on the high seas',
      }),
    ])
  })

  it('keeps a cited fact the rulebook lacks, without a number', () => {
    const built = reportOf(
      smallRulebookPath,
      withWork((a) => a['use-of-force']!.citedFacts!.push('vanished')),
    )
    expect(built.sections[0]!.questions[0]!.citedFacts[1]).toMatchObject({
      id: 'vanished',
      number: undefined,
    })
  })

  it('lists unanswered, stale and orphaned work apart, losing none of it', () => {
    expect(report.unanswered).toEqual([
      expect.objectContaining({
        id: 'grounds',
        number: 5,
        status: 'to-answer',
        reason: 'Asked, and not answered yet.',
      }),
    ])
    expect(report.stale).toHaveLength(1)
    expect(report.stale[0]).toMatchObject({
      id: 'consent-evidence',
      status: 'stale',
      writtenAnswer: "A letter from State B's minister, if it exists.",
      reasoning: { issue: 'Whether State B consented.' },
    })
    expect(report.stale[0]!.reason).toMatch(
      /^No longer asked: asked only if Q3 “Legal basis claimed” is “Consent of State B”/,
    )
    expect(report.orphaned).toEqual([
      {
        id: 'old-question',
        answer: 'yes',
        reasoning: { conclusion: 'Work on a question that was removed.' },
        confidence: undefined,
        counterArgument: undefined,
        citedFacts: [],
      },
    ])
  })

  it('says when a waiting question depends on an answer still to give', () => {
    const built = reportOf(
      smallRulebookPath,
      withWork((a) => delete a['use-of-force']),
    )
    expect(built.unanswered.map((q) => [q.id, q.status])).toEqual([
      ['use-of-force', 'to-answer'],
      ['gravity', 'waiting'],
      ['basis', 'waiting'],
      ['consent-evidence', 'waiting'],
      ['grounds', 'to-answer'],
    ])
    expect(built.unanswered[1]!.reason).toContain(
      'that depends on Q1 “Use of force”, not answered yet',
    )
  })

  it('keeps the work begun on unanswered questions: reasoning without an answer, work on a waiting question', () => {
    const built = reportOf(
      smallRulebookPath,
      withWork(
        (a) =>
          (a.grounds = {
            reasoning: { issue: 'Which grounds?' },
            updatedAt: '2026-01-15T12:00:00Z',
          }),
      ),
    )
    expect(built.unanswered.find((q) => q.id === 'grounds')?.work).toMatchObject({
      status: 'to-answer',
      answer: undefined,
      reasoning: { issue: 'Which grounds?' },
    })
    const waiting = reportOf(
      smallRulebookPath,
      withWork((a) => delete a['use-of-force']),
    )
    expect(waiting.unanswered.find((q) => q.id === 'consent-evidence')?.work?.writtenAnswer).toBe(
      "A letter from State B's minister, if it exists.",
    )
    expect(waiting.unanswered.find((q) => q.id === 'gravity')?.work?.answer).toBe(
      '3 on a scale of 1–5 (1 = trivial, 5 = most grave)',
    )
  })

  it('tells what changed since the work was done, and warns on the question concerned', () => {
    expect(report.notices[0]).toContain('content has changed')
    const built = reportOf(
      smallRulebookPath,
      withWork((a) => (a.basis!.value = 'necessity')),
    )
    expect(built.unanswered.find((q) => q.id === 'basis')?.warnings).toEqual([
      'The answer “necessity” is no longer one of its options; the answer is kept as it was.',
    ])
  })

  it('orders conclusions that hold, then undetermined, then those that do not, each with its trace', () => {
    expect(report.conclusions.map((c) => [c.id, c.status])).toEqual([
      ['prima-facie-breach', 'holds'],
      ['strike-unlawful', 'holds'],
      ['strike-justified', 'fails'],
      ['grave', 'fails'],
    ])
    expect(report.conclusions[1]).toMatchObject({
      kind: 'unlawful',
      sectionTitle: 'Justification',
      trace:
        'Holds because you answered “Yes” to Q1 “Use of force” and you answered “No basis” to Q3 “Legal basis claimed”.',
    })
    expect(report.conclusions[0]!.explanation).toBe(
      'A use of force is unlawful unless an exception applies.',
    )
    expect(report.conclusions[2]!.explanation).toBeUndefined()
  })

  it('builds a table of authorities grouped by kind, with the questions citing each and their pinpoints', () => {
    expect(report.authorities.map((g) => g.heading)).toEqual(['Treaties and conventions', 'Cases'])
    expect(report.authorities[0]!.authorities[0]).toMatchObject({
      id: 'un-charter',
      url: 'https://www.un.org/en/about-us/un-charter/full-text',
      citedBy: [
        { questionId: 'use-of-force', number: 1, pinpoints: ['art. 2(4)'] },
        { questionId: 'basis', number: 3, pinpoints: ['art. 51'] },
      ],
    })
    // The ILC Articles are cited only by a stale question: not part of the analysis handed in.
    expect(report.authorities.flatMap((g) => g.authorities.map((a) => a.id))).not.toContain(
      'ilc-articles',
    )
  })

  describe('model answers', () => {
    const model = (built: typeof report, id: string) =>
      [...built.sections.flatMap((s) => s.questions), ...built.stale].find((q) => q.id === id)
        ?.modelAnswer

    it('shows an after-commit model answer once the question is committed, and not before', () => {
      expect(model(report, 'use-of-force')).toEqual({
        answer: 'Yes',
        text: "A kinetic strike on installations on another state's territory is a use of force.",
        reveal: 'after-commit',
      })
      const uncommitted = reportOf(
        smallRulebookPath,
        withWork((a) => delete a['use-of-force']!.committedAt),
      )
      expect(model(uncommitted, 'use-of-force')).toBeUndefined()
    })

    it('always shows a model answer marked `always`', () => {
      expect(model(report, 'basis')).toMatchObject({ answer: 'No basis', reveal: 'always' })
    })

    it('shows a model answer marked `never` only in the instructor’s copy', () => {
      const answered = withWork(
        (a) => (a.grounds = { value: ['drugs'], updatedAt: '2026-01-15T12:00:00Z' }),
      )
      expect(model(reportOf(smallRulebookPath, answered), 'grounds')).toBeUndefined()
      const copy = reportOf(smallRulebookPath, answered, { instructorCopy: true })
      expect(copy.instructorCopy).toBe(true)
      expect(model(copy, 'grounds')).toMatchObject({
        reveal: 'never',
        text: 'Only drug trafficking has been invoked publicly.',
      })
    })
  })

  it('appends the scenario’s facts, numbered', () => {
    expect(report.facts.map((f) => [f.number, f.id])).toEqual([
      [1, 'strike-acknowledged'],
      [2, 'no-consent-reported'],
      [3, 'casualties-unknown'],
    ])
  })

  it('changes nothing in the session', () => {
    const frozen = structuredClone(session)
    reportOf(smallRulebookPath, frozen)
    expect(frozen).toEqual(session)
  })
})
