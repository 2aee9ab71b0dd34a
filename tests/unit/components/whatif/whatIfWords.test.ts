import { describe, expect, it } from 'vitest'
import { compileRulebook } from '@/engine/compile'
import type { WhatIfResult } from '@/engine/whatif'
import { listQuestions, whatIfWords } from '@/components/whatif/whatIfWords'
import { uiRulebook } from '../../../fixtures/ui/rulebook'

const compiled = compileRulebook(uiRulebook)
const change = (question: string, number: number, to: string | undefined) => ({ question, number, from: 'no', to, allowed: [] })

describe('components/whatif/whatIfWords', () => {
  it.each([
    [[1], 'Q1'],
    [[1, 3], 'Q1 and Q3'],
    [[1, 3, 5], 'Q1, Q3 and Q5'],
  ])('lists questions %j as “%s”', (numbers, words) => {
    expect(listQuestions(numbers)).toBe(words)
  })

  it('says that more ways exist than are shown, and that the search was cut', () => {
    const result: WhatIfResult = {
      target: { conclusion: 'consented' },
      status: 'fails',
      options: [{ changes: [change('consent', 3, 'yes')], status: 'holds', alsoChanges: [] }],
      found: 4,
      complete: false,
    }
    const words = whatIfWords(compiled, result)
    expect(words.summary).toBe('This conclusion does not follow from your answers. It rests on your answer to Q3.')
    expect(words.options[0]).toMatchObject({ outcome: 'it would hold', changes: [{ id: 'consent', number: 3, answer: '“Yes”', to: 'yes' }] })
    expect(words.notes).toEqual(['This is the smallest of 4 ways.', 'The search stopped early: there may be other ways.'])
  })

  it('names a cleared answer without an answer, and an undetermined conclusion as decided by the questions', () => {
    const result: WhatIfResult = {
      target: { conclusion: 'consented' },
      status: 'undetermined',
      options: [{ changes: [change('consent', 3, undefined), change('use-of-force', 1, 'yes')], status: 'fails', alsoChanges: [] }],
      found: 1,
      complete: true,
    }
    const words = whatIfWords(compiled, result)
    expect(words.summary).toBe('This conclusion is not decided yet. Your answers to Q1 and Q3 would decide it.')
    expect(words.options[0]!.changes[0]).not.toHaveProperty('answer')
    expect(words.notes).toEqual([])
  })

  it('names the other answers that would do as well, and counts a long list of other changes', () => {
    const result: WhatIfResult = {
      target: { question: 'consent' },
      status: 'not-asked',
      options: [
        {
          changes: [{ question: 'attribution', number: 2, from: undefined, to: 'state', allowed: ['state', 'private'] }],
          status: 'asked',
          alsoChanges: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ conclusion: id, from: 'fails' as const, to: 'holds' as const })),
        },
      ],
      found: 1,
      complete: true,
    }
    const [option] = whatIfWords(compiled, result).options
    expect(option!.changes[0]).toMatchObject({ answer: '“The state”', alternatives: ['“Private actors”'] })
    expect(option!.also).toEqual(['“a” would hold', '“b” would hold', '“c” would hold', 'and 2 more'])
  })

  it('says when no change was found although the search was cut', () => {
    const result: WhatIfResult = { target: { question: 'notes' }, status: 'asked', options: [], found: 0, complete: false }
    const words = whatIfWords(compiled, result)
    expect(words.summary).toBe('This question is asked.')
    expect(words.none).toBe('No change was found, but the search stopped early: there may be other ways.')
  })
})
