import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FactsList from '@/components/facts/FactsList.vue'
import { compileRulebook } from '@/engine/compile'
import { loadRulebook } from '@/engine/load'
import variations from '../../../fixtures/rulebooks/variations.yaml?raw'

const rulebook = loadRulebook(variations, 'variations.yaml').rulebook!
const compiled = compileRulebook(rulebook)

describe('components/facts/FactsList: a variation', () => {
  it('says what changes, keeps the base’s paragraph numbers and names the removed ones', () => {
    const wrapper = mount(FactsList, { props: { scenario: compiled.scenarios.get('land-consented')! } })
    expect(wrapper.text()).toContain('What changes in this variation')
    expect(wrapper.text()).toContain('The territorial government gave its consent, in writing')
    expect(wrapper.findAll('.fact__number').map((a) => a.text())).toEqual(['¶1', '¶2', '¶4'])
    expect(wrapper.find('#fact-land-silence').text()).toContain('consented in writing the day before')
    expect(wrapper.text()).toContain('Not part of this variation: ¶3.')
  })

  it('shows no variation box for a scenario that extends nothing', () => {
    const wrapper = mount(FactsList, { props: { scenario: compiled.scenarios.get('land')! } })
    expect(wrapper.text()).not.toContain('What changes in this variation')
    expect(wrapper.findAll('.fact__number').map((a) => a.text())).toEqual(['¶1', '¶2', '¶3'])
  })
})
