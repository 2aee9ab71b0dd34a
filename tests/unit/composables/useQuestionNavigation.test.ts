import { describe, expect, it } from 'vitest'
import { compileRulebook } from '@/engine/compile'
import { neighbours } from '@/composables/useQuestionNavigation'
import { uiRulebook } from '../../fixtures/ui/rulebook'

const compiled = compileRulebook(uiRulebook)
const asked = ['use-of-force', 'intensity', 'notes']

describe('composables/useQuestionNavigation', () => {
  it.each([
    ['use-of-force', undefined, 'intensity'],
    ['intensity', 'use-of-force', 'notes'],
    ['notes', 'intensity', undefined],
    // From a skipped question, the asked questions around it.
    ['consent', 'use-of-force', 'intensity'],
  ])('around %s: previous %s, next %s', (current, previous, next) => {
    expect(neighbours(compiled, asked, current)).toEqual({ previous, next })
  })

  it('starts at the first asked question when on no question', () => {
    expect(neighbours(compiled, asked, undefined)).toEqual({ previous: undefined, next: 'use-of-force' })
  })
})
