import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import QuestionAnswerControl from '@/components/question/QuestionAnswerControl.vue'
import type { Question } from '@/engine/generated/rulebook'
import { uiRulebook } from '../../../fixtures/ui/rulebook'

const question = (id: string): Question => uiRulebook.questions.find((q) => q.id === id)!

function mountControl(id: string, value?: unknown) {
  return mount(QuestionAnswerControl, { props: { question: question(id), value: value as never } })
}

describe('components/question/QuestionAnswerControl', () => {
  it('offers Yes and No as labelled radios in a group called "Your answer"', async () => {
    const wrapper = mountControl('use-of-force')
    expect(wrapper.find('fieldset legend').text()).toBe('Your answer')
    const labels = wrapper.findAll('label').map((l) => l.text())
    expect(labels).toEqual(['Yes', 'No'])
    await wrapper.findAll('input[type=radio]')[1]!.trigger('change')
    expect(wrapper.emitted('answer')).toEqual([['no']])
  })

  it('shows the chosen answer as checked, with a way to clear it', async () => {
    const wrapper = mountControl('use-of-force', 'yes')
    const [yes, no] = wrapper.findAll('input[type=radio]')
    expect((yes!.element as HTMLInputElement).checked).toBe(true)
    expect((no!.element as HTMLInputElement).checked).toBe(false)
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('answer')).toEqual([[undefined]])
  })

  it('describes single-choice options and links the description to the radio', () => {
    const wrapper = mountControl('attribution')
    const radio = wrapper.get('input[value=state]')
    const describedBy = radio.attributes('aria-describedby')!
    expect(wrapper.get(`[id="${describedBy}"]`).text()).toBe('Its agency acted.')
  })

  it('keeps multiple-choice answers in the rulebook order', async () => {
    const wrapper = mountControl('grounds', ['terrorism'])
    await wrapper.get('input[value=drugs]').setValue(true)
    expect(wrapper.emitted('answer')).toEqual([[['drugs', 'terrorism']]])
  })

  it('clears a multiple-choice answer when the last box is unticked', async () => {
    const wrapper = mountControl('grounds', ['drugs'])
    await wrapper.get('input[value=drugs]').setValue(false)
    expect(wrapper.emitted('answer')).toEqual([[undefined]])
  })

  it('offers a short scale as numbered radios labelled at its ends, answering with numbers', async () => {
    const wrapper = mountControl('intensity')
    expect(wrapper.findAll('label').map((l) => l.text())).toEqual([
      '1 – Minimal',
      '2',
      '3',
      '4',
      '5 – Grave',
    ])
    await wrapper.get('input[value="4"]').trigger('change')
    expect(wrapper.emitted('answer')).toEqual([[4]])
  })

  it('takes free text in a labelled text area', async () => {
    const wrapper = mountControl('notes', 'draft')
    const textarea = wrapper.get('textarea')
    expect(wrapper.get(`label[for="${textarea.attributes('id')}"]`).text()).toBe('Your answer')
    await textarea.setValue('final')
    await textarea.setValue('')
    expect(wrapper.emitted('answer')).toEqual([['final'], [undefined]])
  })
})
