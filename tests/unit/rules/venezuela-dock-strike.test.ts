import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'
import { compareSession, describeDrift } from '../../../src/engine/drift.ts'
import { contentHash } from '../../../src/engine/hash.ts'
import { parseSession } from '../../../src/engine/session.ts'
import { buildReport } from '../../../src/report/build.ts'
import type { Rulebook } from '../../../src/engine/generated/rulebook.ts'
import type { Session } from '../../../src/engine/generated/session.ts'
import type { ConclusionStatus, QuestionStatus, Walk } from '../../../src/engine/walk.ts'

const file = fileURLToPath(new URL('../../../rules/venezuela-dock-strike.yaml', import.meta.url))
const loaded = loadRulebook(readFileSync(file, 'utf8'), 'rules/venezuela-dock-strike.yaml')
const rulebook = loaded.rulebook as Rulebook
const compiled = compileRulebook(rulebook)

type Value = string | number | string[]
const at = '2026-01-01T00:00:00Z'
const answersOf = (values: Record<string, Value>): Session['answers'] =>
  Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, updatedAt: at }]))
const walkOf = (scenario: string, values: Record<string, Value>): Walk =>
  evaluate(compiled, { scenario, answers: answersOf(values) })
const conclusionStatuses = (walk: Walk): Record<string, ConclusionStatus> =>
  Object.fromEntries(walk.conclusions.map((c) => [c.id, c.status]))
const questionStatuses = (walk: Walk): Record<string, QuestionStatus> =>
  Object.fromEntries(walk.questions.map((q) => [q.id, q.status]))
const withStatus = (walk: Walk, status: QuestionStatus) =>
  walk.questions.filter((q) => q.status === status).map((q) => q.id)
const holding = (walk: Walk) =>
  walk.conclusions.filter((c) => c.status === 'holds').map((c) => c.id)

/** Asserts a finished walk: nothing left to answer or waiting, nothing stale, and the listed conclusions (and only those) hold. */
function expectFinished(walk: Walk, holds: string[], skipped: string[]) {
  expect(withStatus(walk, 'to-answer')).toEqual([])
  expect(withStatus(walk, 'waiting')).toEqual([])
  expect(withStatus(walk, 'stale')).toEqual([])
  expect(walk.next).toBeUndefined()
  expect(withStatus(walk, 'skipped').sort()).toEqual([...new Set(skipped)].sort())
  expect(holding(walk).sort()).toEqual([...holds].sort())
  // With every asked question answered, no conclusion is left undetermined.
  expect(walk.conclusions.filter((c) => c.status === 'undetermined').map((c) => c.id)).toEqual([])
}

// ─── Answers shared by the paths of each scenario ───────────────────────────────────────────────

/** Dock strike: characterisation, sovereignty, US law and responses, as a careful student answers them. */
const dockBase: Record<string, Value> = {
  'attribution-conduct': 'organ-acknowledged',
  'acting-agency': 'cia',
  acknowledgment: 'acknowledged-partly',
  'deaths-caused': 'no',
  'record-gaps': [
    'authorising-instrument',
    'persons-present',
    'intelligence-basis',
    'territorial-state-position',
    'congressional-notice',
    'council-report',
  ],
  'location-of-force': 'land-territory',
  'sovereignty-violated': 'yes',
  'force-threshold': 'any-kinetic-force',
  'non-intervention': 'absorbed-by-force',
  'consent-authority': 'maduro-government',
  'council-authorisation': 'no',
  'terrorist-designation': 'domestic-only',
  'covert-or-military': 'covert-action',
  'finding-and-notice': 'finding-likely-notice-unknown',
  'assassination-ban': 'no-person-targeted',
  'war-powers': 'not-armed-forces',
  'article-ii': 'within-article-ii',
  'statutory-authorisation': 'no-statute',
  'acknowledgment-effect': [
    'covert-status-fixed',
    'glomar-foreclosed',
    'international-admission',
    'future-overt',
  ],
  'other-justifications': ['none-available'],
  'venezuela-responses': [
    'protest',
    'council-referral',
    'non-forcible-countermeasures',
    'reparation-claim',
  ],
  'third-state-responses': ['public-condemnation', 'general-assembly', 'withhold-assistance'],
  precedent: 'confirms-rule',
  'weighing-the-record': 'admissions-first',
  synthesis: 'territory-versus-life',
}

/** Maritime strikes: the same, for lethal strikes by the armed forces on the high seas. */
const seaBase: Record<string, Value> = {
  'attribution-conduct': 'organ-acknowledged',
  'acting-agency': 'armed-forces',
  acknowledgment: 'acknowledged-fully',
  'deaths-caused': 'yes',
  'record-gaps': [
    'authorising-instrument',
    'intelligence-basis',
    'identities-of-dead',
    'precise-location',
    'alternatives-considered',
  ],
  'location-of-force': 'high-seas',
  'flag-state': 'flag-unknown',
  'force-threshold': 'not-against-a-state',
  'non-intervention': 'no-intervention',
  'council-authorisation': 'no',
  'iac-exists': 'no-not-against-state',
  'terrorist-designation': 'domestic-only',
  'right-to-life-reach': 'applies-direct-impact',
  'investigation-duty': 'yes',
  'covert-or-military': 'traditional-military',
  'war-powers': 'report-and-clock',
  'statutory-authorisation': 'no-statute',
  'acknowledgment-effect': ['glomar-foreclosed', 'international-admission'],
  'other-justifications': ['none-available'],
  'venezuela-responses': ['protest', 'council-referral', 'reparation-claim'],
  'third-state-responses': ['public-condemnation', 'general-assembly', 'withhold-assistance'],
  precedent: 'erodes-rule',
  'weighing-the-record': 'admissions-first',
  synthesis: 'territory-versus-life',
}

/** The self-defence questions, skipped whenever no armed attack is found. */
const selfDefenceQuestions = [
  'attack-attribution',
  'non-state-self-defence',
  'unwilling-unable',
  'imminence',
  'necessity',
  'proportionality-ad-bellum',
  'article-51-report',
]

describe('rules/venezuela-dock-strike.yaml', () => {
  it('loads with no errors and no warnings, the explorer finding no declared contradiction and no unmarked lawful-with-unlawful pair', () => {
    expect(loaded.problems).toEqual([])
    expect(loaded.rulebook).toBeDefined()
  })

  it('declares the contradictions that must never hold together', () => {
    const declared = (id: string) => rulebook.conclusions.find((c) => c.id === id)?.contradicts ?? []
    expect(declared('force-justified')).toContain('force-unjustified')
    expect(declared('valid-consent')).toEqual(expect.arrayContaining(['consent-not-established', 'force-unjustified']))
    expect(declared('wrongful-act')).toContain('no-wrongful-act-shown')
    expect(declared('ihl-compliant')).toContain('ihl-violation')
    expect(declared('sea-law-displaced')).toContain('sea-law-breach')
  })

  it('carries author tests that cover every conclusion both ways and every option', () => {
    const tests = rulebook.tests ?? []
    expect(tests.length).toBeGreaterThanOrEqual(60)
    for (const test of tests) expect(test.because, test.name).toBeTruthy()
    const asserted = (key: 'holds' | 'fails') => new Set(tests.flatMap((t) => t.expect[key] ?? []))
    for (const c of rulebook.conclusions) {
      expect(asserted('holds').has(c.id), `${c.id} holds`).toBe(true)
      expect(asserted('fails').has(c.id), `${c.id} fails`).toBe(true)
    }
  })

  it('has the shape of the flagship rulebook', () => {
    expect(rulebook.id).toBe('venezuela-dock-strike')
    expect(rulebook.scenarios.slice(0, 2).map((s) => s.id)).toEqual(['dock-strike', 'maritime-strikes'])
    // The variations extend one of the two, say so, and are labelled hypothetical; every scenario has a model memo.
    for (const variation of rulebook.scenarios.slice(2)) {
      expect(['dock-strike', 'maritime-strikes'], variation.id).toContain(variation.extends)
      expect(variation.variation, variation.id).toMatch(/Hypothetical, not in the account/)
    }
    expect(rulebook.scenarios.length).toBeGreaterThanOrEqual(8)
    for (const scenario of rulebook.scenarios) expect(scenario.memo, scenario.id).toBeTruthy()
    expect(rulebook.glossary?.length).toBeGreaterThanOrEqual(10)
    expect(rulebook.instructor?.plan?.length).toBeGreaterThanOrEqual(6)
    expect(rulebook.instructor?.rubric?.length).toBeGreaterThanOrEqual(4)
    expect(rulebook.sections).toHaveLength(7)
    expect(rulebook.questions.length).toBeGreaterThanOrEqual(28)
    expect(rulebook.conclusions.length).toBeGreaterThanOrEqual(15)
    expect(rulebook.authorities.length).toBeGreaterThanOrEqual(35)
    for (const scenario of rulebook.scenarios.filter((s) => !s.extends))
      expect(scenario.facts?.length).toBeGreaterThanOrEqual(15)
    // Every section has questions, and every question teaches: rule, authorities, facts, arguments, mistakes, model answer.
    for (const section of rulebook.sections)
      expect(rulebook.questions.some((q) => q.section === section.id)).toBe(true)
    for (const q of rulebook.questions) {
      expect(q.authorities?.length, q.id).toBeGreaterThan(0)
      expect(q.facts?.length, q.id).toBeGreaterThan(0)
      expect(q.arguments?.length, q.id).toBeGreaterThanOrEqual(2)
      expect(q.mistakes?.length, q.id).toBeGreaterThan(0)
      expect(q.modelAnswer?.reveal, q.id).toBe('after-commit')
      expect(q.answer.kind, q.id).not.toBe('free-text')
    }
    // The gaps a careful lawyer flags are facts of certainty `unknown`, in both scenarios.
    for (const scenario of rulebook.scenarios.filter((s) => !s.extends)) {
      expect((scenario.facts ?? []).filter((f) => f.certainty === 'unknown').length).toBeGreaterThanOrEqual(
        6,
      )
    }
  })

  it('starts at the first question and waits on the ones that depend on earlier answers', () => {
    const walk = walkOf('dock-strike', {})
    expect(walk.next).toBe('attribution-conduct')
    const statuses = questionStatuses(walk)
    expect(statuses['sovereignty-violated']).toBe('waiting')
    expect(statuses.imminence).toBe('waiting')
    expect(statuses['council-authorisation']).toBe('to-answer')
    expect(conclusionStatuses(walk)['wrongful-act']).toBe('undetermined')
  })

  describe('dock strike', () => {
    it('consent found: the resort to force is justified and no wrongful act is established', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'consent-given': 'express-consent',
        'armed-attack': 'not-an-attack',
        'iac-exists': 'no-not-against-state',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-met',
      })
      expectFinished(
        walk,
        [
          'us-act',
          'prima-facie-force',
          'valid-consent',
          'force-justified',
          'law-enforcement-paradigm',
          'covert-action-rules',
          'covert-compliance-unshown',
          'domestic-authority-arguable',
          'no-wrongful-act-shown',
        ],
        [
          'flag-state',
          'law-of-the-sea',
          ...selfDefenceQuestions,
          'violence-intensity',
          'right-to-life-reach',
          'military-objective',
          'targetable-persons',
          'precautions',
          'attack-proportionality',
          'investigation-duty',
        ],
      )
      expect(conclusionStatuses(walk)).toMatchObject({
        'force-unjustified': 'fails',
        'consent-not-established': 'fails',
        'consent-from-silence': 'fails',
        'wrongful-act': 'fails',
      })
    })

    it('silence is not consent: consent is not established and the strike is an unjustified use of force', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'consent-given': 'tacit-consent',
        'armed-attack': 'not-an-attack',
        'iac-exists': 'no-not-against-state',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-met',
      })
      expect(conclusionStatuses(walk)).toMatchObject({
        'valid-consent': 'fails',
        'consent-not-established': 'holds',
        'consent-from-silence': 'holds',
        'force-justified': 'fails',
        'force-unjustified': 'holds',
        'wrongful-act': 'holds',
        'no-wrongful-act-shown': 'fails',
      })
    })

    it('a request from the opposition is not consent, whatever the student thinks of its legitimacy', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'consent-authority': 'recognised-authority',
        'consent-given': 'opposition-request',
        'armed-attack': 'not-an-attack',
        'iac-exists': 'no-not-against-state',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-met',
      })
      expect(conclusionStatuses(walk)).toMatchObject({
        'valid-consent': 'fails',
        'consent-not-established': 'holds',
        'consent-from-opposition': 'holds',
        'force-justified': 'fails',
        'force-unjustified': 'holds',
        'no-wrongful-act-shown': 'fails',
      })
    })

    it('consent answers the want-of-jurisdiction objection, which is flagged instead of breached', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'consent-given': 'express-consent',
        'armed-attack': 'not-an-attack',
        'iac-exists': 'no-not-against-state',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'no-enforcement-jurisdiction',
      })
      expect(conclusionStatuses(walk)).toMatchObject({
        'force-justified': 'holds',
        'law-enforcement-breach': 'fails',
        'jurisdiction-objection-answered': 'holds',
        'no-wrongful-act-shown': 'holds',
      })
    })

    it('self-defence accepted (unwilling or unable) and an armed conflict: lawful, but resting on contested doctrine', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'consent-given': 'no-consent',
        'armed-attack': 'group-violence-attack',
        'attack-attribution': 'no-link-shown',
        'non-state-self-defence': 'yes-non-state',
        'unwilling-unable': 'test-met',
        imminence: 'ongoing-attacks',
        necessity: 'yes',
        'proportionality-ad-bellum': 'yes',
        'article-51-report': 'not-known',
        'iac-exists': 'yes-unconsented-strike',
        'group-organisation': 'organised-armed-group',
        'violence-intensity': 4,
        'military-objective': 'effective-contribution',
        precautions: 'precautions-taken',
        'attack-proportionality': 'yes',
      })
      expectFinished(
        walk,
        [
          'us-act',
          'prima-facie-force',
          'consent-not-established',
          'self-defence-trigger',
          'self-defence-made-out',
          'self-defence-contested-basis',
          'force-justified',
          'international-armed-conflict',
          'non-international-armed-conflict',
          'armed-conflict-exists',
          'ihl-compliant',
          'covert-action-rules',
          'covert-compliance-unshown',
          'domestic-authority-arguable',
          'no-wrongful-act-shown',
        ],
        [
          'flag-state',
          'law-of-the-sea',
          'right-to-life-reach',
          'targetable-persons',
          'law-enforcement-standards',
          'investigation-duty',
        ],
      )
      expect(conclusionStatuses(walk)).toMatchObject({
        'force-unjustified': 'fails',
        'valid-consent': 'fails',
        'ihl-violation': 'fails',
      })
    })

    it('no exception applies and the dock was a civilian object: breaches of art. 2(4) and of IHL', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'consent-given': 'no-consent',
        'armed-attack': 'not-an-attack',
        'iac-exists': 'yes-unconsented-strike',
        'group-organisation': 'insufficient-information',
        'military-objective': 'civilian-object',
        precautions: 'precautions-not-shown',
        'attack-proportionality': 'yes',
      })
      expectFinished(
        walk,
        [
          'us-act',
          'prima-facie-force',
          'consent-not-established',
          'force-unjustified',
          'international-armed-conflict',
          'armed-conflict-exists',
          'ihl-violation',
          'covert-action-rules',
          'covert-compliance-unshown',
          'domestic-authority-arguable',
          'wrongful-act',
        ],
        [
          'flag-state',
          'law-of-the-sea',
          ...selfDefenceQuestions,
          'violence-intensity',
          'right-to-life-reach',
          'targetable-persons',
          'law-enforcement-standards',
          'investigation-duty',
        ],
      )
      const wrongful = walk.conclusions.find((c) => c.id === 'wrongful-act')!
      expect(wrongful.trace.conclusions).toEqual(
        expect.arrayContaining(['us-act', 'force-unjustified']),
      )
    })

    it('below the threshold of force and no armed conflict: a sovereignty breach and no enforcement jurisdiction', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'force-threshold': 'de-minimis',
        'consent-given': 'no-consent',
        'armed-attack': 'not-an-attack',
        'iac-exists': 'no-below-threshold',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'no-enforcement-jurisdiction',
      })
      expectFinished(
        walk,
        [
          'us-act',
          'consent-not-established',
          'sovereignty-breach-below-force',
          'law-enforcement-paradigm',
          'law-enforcement-breach',
          'covert-action-rules',
          'covert-compliance-unshown',
          'domestic-authority-arguable',
          'wrongful-act',
        ],
        [
          'flag-state',
          'law-of-the-sea',
          ...selfDefenceQuestions,
          'violence-intensity',
          'right-to-life-reach',
          'military-objective',
          'targetable-persons',
          'precautions',
          'attack-proportionality',
          'investigation-duty',
        ],
      )
      expect(conclusionStatuses(walk)).toMatchObject({
        'prima-facie-force': 'fails',
        'force-unjustified': 'fails',
      })
    })
  })

  describe('maritime strikes', () => {
    /** On the high seas the territorial questions fall away; so does the covert-action finding for a military operation. */
    const territorial = [
      'sovereignty-violated',
      'consent-authority',
      'consent-given',
      'unwilling-unable',
    ]

    it('no armed conflict: the killings breach law-enforcement standards and the law of the sea gives no basis', () => {
      const walk = walkOf('maritime-strikes', {
        ...seaBase,
        'law-of-the-sea': 'visit-not-destroy',
        'armed-attack': 'not-an-attack',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-breached',
        'assassination-ban': 'ban-applies',
        'article-ii': 'beyond-article-ii',
      })
      expectFinished(
        walk,
        [
          'us-act',
          'ad-bellum-not-engaged',
          'flag-state-unshown',
          'no-sea-law-basis',
          'sea-law-breach',
          'law-enforcement-paradigm',
          'law-enforcement-breach',
          'war-powers-engaged',
          'domestic-authority-lacking',
          'wrongful-act',
        ],
        [
          ...territorial,
          ...selfDefenceQuestions,
          'violence-intensity',
          'military-objective',
          'targetable-persons',
          'precautions',
          'attack-proportionality',
          'finding-and-notice',
        ],
      )
      // The same test of art. 2(4) that found a prima facie breach on land finds none at sea.
      expect(conclusionStatuses(walk)).toMatchObject({
        'prima-facie-force': 'fails',
        'force-unjustified': 'fails',
        'covert-action-rules': 'fails',
      })
    })

    it('self-defence against a non-state group and a non-international armed conflict with lawful targets: no wrongful act', () => {
      const walk = walkOf('maritime-strikes', {
        ...seaBase,
        'flag-state': 'stateless',
        'law-of-the-sea': 'sea-law-displaced',
        'armed-attack': 'group-violence-attack',
        'attack-attribution': 'no-link-shown',
        'non-state-self-defence': 'yes-non-state',
        imminence: 'ongoing-attacks',
        necessity: 'yes',
        'proportionality-ad-bellum': 'yes',
        'article-51-report': 'reported',
        'group-organisation': 'organised-armed-group',
        'violence-intensity': 5,
        'targetable-persons': 'fighters-continuous-function',
        precautions: 'precautions-taken',
        'attack-proportionality': 'yes',
        'assassination-ban': 'lawful-killing-not-assassination',
        'article-ii': 'within-article-ii',
      })
      expectFinished(
        walk,
        [
          'us-act',
          'ad-bellum-not-engaged',
          'stateless-vessels',
          'sea-law-displaced',
          'self-defence-trigger',
          'self-defence-made-out',
          'self-defence-contested-basis',
          'non-international-armed-conflict',
          'armed-conflict-exists',
          'ihl-compliant',
          'war-powers-engaged',
          'domestic-authority-arguable',
          'no-wrongful-act-shown',
        ],
        // No "unwilling or unable" question on the high seas, and the dock's military-objective question belongs to the other scenario.
        [...territorial, 'military-objective', 'law-enforcement-standards', 'finding-and-notice'],
      )
      expect(conclusionStatuses(walk)).toMatchObject({
        'force-justified': 'fails',
        'no-sea-law-basis': 'fails',
        'ihl-violation': 'fails',
      })
    })

    it('an armed conflict, but the crews were civilians: a violation of IHL and a wrongful act', () => {
      const walk = walkOf('maritime-strikes', {
        ...seaBase,
        'law-of-the-sea': 'visit-not-destroy',
        'armed-attack': 'not-an-attack',
        'group-organisation': 'organised-armed-group',
        'violence-intensity': 4,
        'targetable-persons': 'protected-civilians',
        precautions: 'precautions-not-shown',
        'attack-proportionality': 'no',
        'assassination-ban': 'lawful-killing-not-assassination',
        'article-ii': 'twilight-acquiescence',
      })
      expectFinished(
        walk,
        [
          'us-act',
          'ad-bellum-not-engaged',
          'flag-state-unshown',
          'no-sea-law-basis',
          'non-international-armed-conflict',
          'armed-conflict-exists',
          'ihl-violation',
          'war-powers-engaged',
          'domestic-authority-arguable',
          'wrongful-act',
        ],
        [
          ...territorial,
          ...selfDefenceQuestions,
          'military-objective',
          'law-enforcement-standards',
          'finding-and-notice',
        ],
      )
    })

    it('force on boats is never force against Venezuela; against a flagged vessel it infringes the flag State’s jurisdiction', () => {
      const walk = walkOf('maritime-strikes', {
        ...seaBase,
        'force-threshold': 'any-kinetic-force',
        'flag-state': 'flagged-no-consent',
        'law-of-the-sea': 'no-basis',
        'armed-attack': 'not-an-attack',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-breached',
      })
      expect(conclusionStatuses(walk)).toMatchObject({
        'prima-facie-force': 'fails',
        'force-unjustified': 'fails',
        'force-against-flag-state': 'holds',
        'flag-state-rights-infringed': 'holds',
        'ad-bellum-not-engaged': 'fails',
        'wrongful-act': 'holds',
      })
    })

    it('an undetermined location is not the high seas: self-defence against the group needs the unwilling-or-unable step', () => {
      const answers = {
        ...seaBase,
        'location-of-force': 'undetermined-location',
        'flag-state': 'stateless',
        'law-of-the-sea': 'sea-law-displaced',
        'armed-attack': 'group-violence-attack',
        'attack-attribution': 'no-link-shown',
        'non-state-self-defence': 'yes-non-state',
        imminence: 'ongoing-attacks',
        necessity: 'yes',
        'proportionality-ad-bellum': 'yes',
        'article-51-report': 'reported',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-breached',
      }
      const open = walkOf('maritime-strikes', answers)
      expect(questionStatuses(open)['unwilling-unable']).toBe('to-answer')
      expect(conclusionStatuses(open)['self-defence-trigger']).toBe('undetermined')
      const notMet = walkOf('maritime-strikes', { ...answers, 'unwilling-unable': 'test-not-met' })
      expect(conclusionStatuses(notMet)).toMatchObject({
        'location-undetermined': 'holds',
        'self-defence-trigger': 'fails',
        'sea-law-displaced': 'fails',
        'sea-law-breach': 'holds',
        'wrongful-act': 'holds',
      })
    })

    it('trafficking as an armed attack is flagged, and so is any self-defence built on it', () => {
      const walk = walkOf('maritime-strikes', {
        ...seaBase,
        'flag-state': 'stateless',
        'law-of-the-sea': 'sea-law-displaced',
        'armed-attack': 'trafficking-is-attack',
        'attack-attribution': 'substantial-involvement',
        imminence: 'ongoing-attacks',
        necessity: 'yes',
        'proportionality-ad-bellum': 'yes',
        'article-51-report': 'reported',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-met',
      })
      expect(conclusionStatuses(walk)).toMatchObject({
        'trafficking-as-armed-attack': 'holds',
        'self-defence-made-out': 'holds',
        'self-defence-contested-basis': 'holds',
      })
    })

    it('asks the lethal-force questions that the dock strike skips', () => {
      const sea = questionStatuses(walkOf('maritime-strikes', { 'deaths-caused': 'yes' }))
      const dock = questionStatuses(walkOf('dock-strike', { 'deaths-caused': 'no' }))
      for (const id of ['right-to-life-reach', 'investigation-duty']) {
        expect(sea[id], id).toBe('to-answer')
        expect(dock[id], id).toBe('skipped')
      }
    })
  })

  it('keeps work on a question that an earlier change makes irrelevant, as stale', () => {
    const answers = {
      ...dockBase,
      'consent-given': 'no-consent',
      'armed-attack': 'group-violence-attack',
      'attack-attribution': 'no-link-shown',
    }
    const walk = walkOf('dock-strike', { ...answers, 'armed-attack': 'not-an-attack' })
    expect(questionStatuses(walk)['attack-attribution']).toBe('stale')
  })
})

describe('work saved against version 1.0.0', () => {
  const text = readFileSync(
    fileURLToPath(
      new URL('../../fixtures/sessions/venezuela-dock-strike-1.0.0.json', import.meta.url),
    ),
    'utf8',
  )
  const parsed = parseSession(text, 'venezuela-dock-strike-1.0.0.json')
  const session = parsed.session as Session
  const hash = contentHash(rulebook)

  it('still imports, and the drift report says which version it was made on', () => {
    expect(parsed.problems).toEqual([])
    expect(session.rulebook.version).toBe('1.0.0')
    const drift = compareSession(compiled, session, hash)
    expect(drift).toMatchObject({ sameRulebook: true, scenarioFound: true, versionChanged: true })
    expect(describeDrift(compiled, drift)[0]).toBe(
      `This work was done on version 1.0.0 of the rulebook; this is version ${rulebook.version}.`,
    )
  })

  it('loses nothing: no answer is orphaned or invalid, no cited fact is unknown, and every answer still counts', () => {
    const drift = compareSession(compiled, session, hash)
    expect(drift.removed).toEqual([])
    expect(drift.invalidAnswers).toEqual([])
    expect(drift.unknownFacts).toEqual([])
    const walk = evaluate(compiled, session)
    const statuses = questionStatuses(walk)
    for (const id of Object.keys(session.answers)) expect(statuses[id], id).toBe('answered')
    // Under 1.1.0 the same answers (no consent, a civilian object) still reach the same result.
    expect(conclusionStatuses(walk)).toMatchObject({
      'consent-not-established': 'holds',
      'force-unjustified': 'holds',
      'ihl-violation': 'holds',
      'wrongful-act': 'holds',
    })
  })

  it('reports every piece of the old work', () => {
    const walk = evaluate(compiled, session)
    const report = buildReport(compiled, session, walk, { contentHash: hash })
    expect(report.notices[0]).toContain('version 1.0.0')
    const reported = report.sections.flatMap((s) => s.questions.map((q) => q.id))
    expect(reported.sort()).toEqual(Object.keys(session.answers).sort())
    expect(report.orphaned).toEqual([])
  })
})
