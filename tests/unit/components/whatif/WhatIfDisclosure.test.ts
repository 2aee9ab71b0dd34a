import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import WhatIfDisclosure from '@/components/whatif/WhatIfDisclosure.vue'
import { freshPinia, openNewWorkbook, resetStorage } from '../../../fixtures/ui/helpers'

/** A workbook where force was used without consent: the breach holds, resting on Q1 and Q3. */
async function breachWorkbook() {
  const workbook = await openNewWorkbook()
  workbook.answer('use-of-force', 'yes')
  workbook.answer('consent', 'no')
  return workbook
}

function mountDisclosure(target: { conclusion: string } | { question: string }, label = 'The strike breached art. 2(4).') {
  return mount(WhatIfDisclosure, {
    props: { target, label },
    global: { stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  })
}

/** Waits for the lazy panel, the job's module and its answer (the panel is no longer busy). */
async function settle(wrapper: { find: (selector: string) => { exists: () => boolean; attributes: (name: string) => string | undefined } }) {
  await vi.waitFor(
    async () => {
      await flushPromises()
      const section = wrapper.find('section')
      if (!section.exists() || section.attributes('aria-busy') !== 'false') throw new Error('still loading')
    },
    { timeout: 5000, interval: 20 },
  )
}

describe('components/whatif/WhatIfDisclosure', () => {
  beforeEach(async () => {
    await resetStorage()
    freshPinia()
  })

  it('is a labelled disclosure button that opens the panel as a named region, and closes it', async () => {
    await breachWorkbook()
    const wrapper = mountDisclosure({ conclusion: 'prima-facie-breach' })
    const button = wrapper.get('button')
    expect(button.text()).toContain('What would change this?')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find('section').exists()).toBe(false)
    await button.trigger('click')
    await settle(wrapper)
    expect(button.attributes('aria-expanded')).toBe('true')
    const region = wrapper.get('section')
    expect(button.attributes('aria-controls')).toBe(region.attributes('id'))
    expect(region.attributes('aria-label')).toBe('What would change: The strike breached art. 2(4).')
    expect(region.get('h4').text()).toBe('What would change this?')
    await button.trigger('click')
    expect(wrapper.find('section').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says what the conclusion rests on and each smallest change, linked to its question', async () => {
    await breachWorkbook()
    const wrapper = mountDisclosure({ conclusion: 'prima-facie-breach' })
    await wrapper.get('button').trigger('click')
    await settle(wrapper)
    const text = wrapper.get('section').text()
    expect(text).toContain('This conclusion follows from your answers. It rests on your answers to Q1 and Q3.')
    const items = wrapper.findAll('li')
    expect(items.map((item) => item.get('p').text())).toEqual([
      'Had you answered “No” to Q1 “Use of force”, it would fail.',
      'Had you answered “Yes” to Q3 “Consent”, it would fail.',
    ])
    const links = wrapper.findAllComponents(RouterLinkStub)
    expect(links.map((link) => link.props('to'))).toEqual([
      { name: 'question', params: { workbookId: expect.any(String), questionId: 'use-of-force' } },
      { name: 'question', params: { workbookId: expect.any(String), questionId: 'consent' } },
    ])
    // Trying the first way also says what else it changes.
    expect(items[0]!.text()).toContain('It would also change: “No force was used.” would hold')
    wrapper.unmount()
  })

  it('“Try it” tries the change as a hypothetical, and the panel follows the tried answers', async () => {
    const workbook = await breachWorkbook()
    const wrapper = mountDisclosure({ conclusion: 'prima-facie-breach' })
    await wrapper.get('button').trigger('click')
    await settle(wrapper)
    const tryIt = wrapper.findAll('li')[1]!.get('button')
    expect(tryIt.attributes('aria-label')).toBe('Try it: Q3 “Yes”')
    await tryIt.trigger('click')
    await settle(wrapper)
    expect([...workbook.hypothetical!.entries()]).toEqual([['consent', 'yes']])
    expect(workbook.session!.answers.consent!.value).toBe('no')
    expect(wrapper.get('section').text()).toContain('This conclusion does not follow from your answers.')
    expect(wrapper.get('section').text()).toContain('Had you answered “No” to Q3 “Consent”, it would hold.')
    wrapper.unmount()
  })

  it('for a skipped question, says which answers would have it asked', async () => {
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'no')
    const wrapper = mountDisclosure({ question: 'consent' }, 'Q3 Consent')
    await wrapper.get('button').trigger('click')
    await settle(wrapper)
    const text = wrapper.get('section').text()
    expect(text).toContain('This question is not asked because of your answer to Q1.')
    expect(text).toContain('Had you answered “Yes” to Q1 “Use of force”, it would be asked.')
    wrapper.unmount()
  })

  it('says when nothing the student answers changes it', async () => {
    await openNewWorkbook()
    // Q1 is always asked: no answer changes that.
    const wrapper = mountDisclosure({ question: 'use-of-force' }, 'Q1 Use of force')
    await wrapper.get('button').trigger('click')
    await settle(wrapper)
    expect(wrapper.get('section').text()).toContain('Nothing you could answer differently in this scenario would change it.')
    expect(wrapper.findAll('li')).toHaveLength(0)
    wrapper.unmount()
  })
})
