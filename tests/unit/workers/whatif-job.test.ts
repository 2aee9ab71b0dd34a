import { describe, expect, it } from 'vitest'
import { createWhatIfJob } from '../../../src/workers/whatif-job.ts'
import type { WhatIfRequest } from '../../../src/workers/whatif-protocol.ts'
import { whatIf } from '../../../src/engine/whatif.ts'
import { loadFixtureRulebook, readText } from '../../fixtures/report/load.ts'

const { rulebook, compiled, hash } = loadFixtureRulebook('rules/venezuela-dock-strike.yaml')
const complete = JSON.parse(readText('tests/fixtures/sessions/venezuela-dock-strike-complete.json'))
const request = (id: number, more: Partial<WhatIfRequest> = {}): WhatIfRequest =>
  // Copied as postMessage copies it: the job never relies on sharing objects with the page.
  structuredClone({ id, contentHash: hash, scenario: complete.scenario, answers: complete.answers, target: { conclusion: 'wrongful-act' }, ...more })

describe('workers/whatif-job', () => {
  it('answers with the engine’s what-if for the answers sent, as a reply the page can receive', () => {
    const run = createWhatIfJob()
    const reply = run(request(1, { rulebook, max: 3 }))
    expect(reply.type).toBe('done')
    if (reply.type !== 'done') return
    expect(reply.id).toBe(1)
    expect(structuredClone(reply)).toEqual(reply)
    expect(reply.result).toEqual(whatIf(compiled, complete, { conclusion: 'wrongful-act' }, { max: 3 }))
    expect(reply.result.options.length).toBeGreaterThan(0)
  })

  it('keeps the compiled rulebook between requests, and asks for it again for another content hash', () => {
    const run = createWhatIfJob()
    expect(run(request(1))).toEqual({ id: 1, type: 'need-rulebook' })
    expect(run(request(2, { rulebook })).type).toBe('done')
    // The rulebook is not sent again: the job kept it.
    const again = run(request(3, { target: { question: 'sovereignty-violated' } }))
    expect(again.type).toBe('done')
    expect(run(request(4, { contentHash: 'another' }))).toEqual({ id: 4, type: 'need-rulebook' })
  })

  it('follows the answers it is sent', () => {
    const run = createWhatIfJob()
    const changed = structuredClone(complete.answers)
    const first = run(request(1, { rulebook }))
    if (first.type !== 'done') throw new Error('expected a result')
    const change = first.result.options[0]!.changes[0]!
    changed[change.question] = { ...changed[change.question], value: change.to }
    const after = run(request(2, { answers: changed }))
    if (after.type !== 'done') throw new Error('expected a result')
    expect(after.result.status).toBe(first.result.options[0]!.status)
  })

  it('says plainly when the target is not in the rulebook', () => {
    const reply = createWhatIfJob()(request(1, { rulebook, target: { conclusion: 'no-such-conclusion' } }))
    expect(reply).toEqual({ id: 1, type: 'failed', message: 'This rulebook has no such conclusion or question.' })
  })
})
