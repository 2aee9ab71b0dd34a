import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import QuestionReasoningEditor from '@/components/question/QuestionReasoningEditor.vue'
import { compileRulebook } from '@/engine/compile'
import { uiRulebook } from '../../../fixtures/ui/rulebook'

const question = uiRulebook.questions[0]
const scenario = compileRulebook(uiRulebook).scenarios.get(uiRulebook.scenarios[0]!.id)!

function mountEditor(work?: object) {
  return mount(QuestionReasoningEditor, {
    props: { question, scenario, work: work as never },
    attachTo: document.body,
  })
}

describe('components/question/QuestionReasoningEditor', () => {
  it('has a labelled text area for each IRAC part, prompted by the rulebook template', () => {
    const wrapper = mountEditor()
    for (const label of ['Issue', 'Rule', 'Application', 'Conclusion', 'Counter-argument']) {
      const forId = wrapper.findAll('label').find((l) => l.text() === label)!.attributes('for')
      expect(wrapper.find(`[id="${forId}"]`).element.tagName).toBe('TEXTAREA')
    }
    expect(wrapper.findAll('textarea')[0]!.attributes('placeholder')).toBe('What is the issue?')
    expect(wrapper.findAll('textarea')[1]!.attributes('placeholder')).toMatch(/Which rule/)
    wrapper.unmount()
  })

  it('emits each part as it is typed', async () => {
    const wrapper = mountEditor()
    await wrapper.findAll('textarea')[2]!.setValue('Apply it.')
    expect(wrapper.emitted('reasoning')).toEqual([['application', 'Apply it.']])
    wrapper.unmount()
  })

  it('inserts a fact citation at the cursor of the part last edited, and records the fact', async () => {
    const wrapper = mountEditor({ reasoning: { rule: 'Force is banned.' }, updatedAt: '' })
    const rule = wrapper.findAll('textarea')[1]!
    const element = rule.element as HTMLTextAreaElement
    element.focus()
    element.setSelectionRange(5, 5)
    await rule.trigger('keyup')
    await wrapper.get('select').setValue('no-consent')
    await wrapper.findAll('button').find((b) => b.text() === 'Insert citation')!.trigger('click')
    expect(wrapper.emitted('reasoning')).toEqual([['rule', 'Force [¶2](#fact-no-consent) is banned.']])
    expect(wrapper.emitted('cite')).toEqual([['no-consent']])
    wrapper.unmount()
  })

  it('appends a citation to the application when no part was edited', async () => {
    const wrapper = mountEditor({ reasoning: { application: 'The dock was hit.' }, updatedAt: '' })
    await wrapper.get('select').setValue('dock-destroyed')
    await wrapper.findAll('button').find((b) => b.text() === 'Insert citation')!.trigger('click')
    expect(wrapper.emitted('reasoning')).toEqual([
      ['application', 'The dock was hit. [¶1](#fact-dock-destroyed)'],
    ])
    wrapper.unmount()
  })

  it('shows citations as [¶n] tokens with chips, and never stores half a token', async () => {
    const wrapper = mountEditor({ reasoning: { application: 'Hit [¶1](#fact-dock-destroyed) here.' }, updatedAt: '' })
    const application = wrapper.findAll('textarea')[2]!
    const element = application.element as HTMLTextAreaElement
    expect(element.value).toBe('Hit [¶1] here.')
    expect(wrapper.findAll('mark.reasoning__chip').map((m) => m.text())).toEqual(['[¶1]'])

    // Backspace just after the token leaves `Hit [¶1 here.`: the whole token goes instead.
    element.value = 'Hit [¶1 here.'
    await application.trigger('input')
    expect(element.value).toBe('Hit  here.')
    expect(element.selectionStart).toBe(4)
    // A token typed by hand is a citation (the workbook stores the part and passes it back).
    await wrapper.setProps({ work: { reasoning: { application: 'Hit  here.' }, updatedAt: '' } as never })
    element.value = 'Hit [¶2] here.'
    await application.trigger('input')
    expect(wrapper.emitted('reasoning')).toEqual([
      ['application', 'Hit  here.'],
      ['application', 'Hit [¶2](#fact-no-consent) here.'],
    ])
    wrapper.unmount()
  })

  it('previews the reasoning as Markdown, with citations as links', async () => {
    const wrapper = mountEditor({
      reasoning: { issue: '**Force?**', application: 'See [¶1](#fact-dock-destroyed).' },
      updatedAt: '',
    })
    await wrapper.findAll('button').find((b) => b.text() === 'Preview')!.trigger('click')
    // Only the counter-argument stays a text area; the IRAC parts are rendered.
    expect(wrapper.findAll('textarea')).toHaveLength(1)
    expect(wrapper.html()).toContain('<strong>Force?</strong>')
    expect(wrapper.get('a.fact-link').attributes('href')).toBe('#fact-dock-destroyed')
    expect(wrapper.text()).toContain('Nothing written yet.')
    wrapper.unmount()
  })

  it('lists cited facts with a way to remove each, and records confidence', async () => {
    const wrapper = mountEditor({ citedFacts: ['gang-link'], confidence: 'low', updatedAt: '' })
    expect(wrapper.text()).toContain('¶3 The dock was used by a gang.')
    await wrapper.get('button[aria-label="Remove citation of ¶3"]').trigger('click')
    expect(wrapper.emitted('uncite')).toEqual([['gang-link']])
    expect((wrapper.get('input[value=low]').element as HTMLInputElement).checked).toBe(true)
    await wrapper.get('input[value=high]').trigger('change')
    expect(wrapper.emitted('confidence')).toEqual([['high']])
    wrapper.unmount()
  })
})
