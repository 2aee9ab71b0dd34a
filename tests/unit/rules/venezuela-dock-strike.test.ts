import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadRulebook } from '../../../src/engine/load.ts'
import { compileRulebook } from '../../../src/engine/compile.ts'
import { evaluate } from '../../../src/engine/evaluate.ts'
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
  it('loads with no errors and no warnings', () => {
    // Except the explorer's findings (lawful and unlawful conclusions holding together), which
    // the flagship's content fix (issue 10) addresses.
    expect(loaded.problems.filter((p) => p.code !== 'lawful-unlawful')).toEqual([])
    expect(loaded.rulebook).toBeDefined()
  })

  it('has the shape of the flagship rulebook', () => {
    expect(rulebook.id).toBe('venezuela-dock-strike')
    expect(rulebook.scenarios.map((s) => s.id)).toEqual(['dock-strike', 'maritime-strikes'])
    expect(rulebook.sections).toHaveLength(7)
    expect(rulebook.questions.length).toBeGreaterThanOrEqual(28)
    expect(rulebook.conclusions.length).toBeGreaterThanOrEqual(15)
    expect(rulebook.authorities.length).toBeGreaterThanOrEqual(35)
    for (const scenario of rulebook.scenarios)
      expect(scenario.facts.length).toBeGreaterThanOrEqual(15)
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
    for (const scenario of rulebook.scenarios) {
      expect(scenario.facts.filter((f) => f.certainty === 'unknown').length).toBeGreaterThanOrEqual(
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
        'consent-from-silence': 'fails',
        'wrongful-act': 'fails',
      })
    })

    it('consent inferred from silence: consent holds but is flagged as an open question', () => {
      const walk = walkOf('dock-strike', {
        ...dockBase,
        'consent-given': 'tacit-consent',
        'armed-attack': 'not-an-attack',
        'iac-exists': 'no-not-against-state',
        'group-organisation': 'criminal-network',
        'law-enforcement-standards': 'standards-met',
      })
      expect(conclusionStatuses(walk)).toMatchObject({
        'valid-consent': 'holds',
        'consent-from-silence': 'holds',
        'force-justified': 'holds',
        'wrongful-act': 'fails',
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
          'sovereignty-breach-below-force',
          'law-enforcement-paradigm',
          'law-enforcement-breach',
          'covert-action-rules',
          'covert-compliance-unshown',
          'domestic-authority-arguable',
          'wrongful-act',
        ],
        [
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
          'no-sea-law-basis',
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
