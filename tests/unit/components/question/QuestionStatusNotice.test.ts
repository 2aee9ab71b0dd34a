import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import QuestionStatusNotice from '@/components/question/QuestionStatusNotice.vue'

const deciding = [{ id: 'use-of-force', number: 1, title: 'Use of force', answer: '“No”' }]

function mountNotice(status: string, explanation = 'Asked only if Q1 is “Yes”; you answered “No” to Q1.') {
  return mount(QuestionStatusNotice, {
    props: { status: status as never, explanation, deciding, workbookId: 'wb-1' },
    global: { stubs: { RouterLink: RouterLinkStub } },
  })
}

describe('components/question/QuestionStatusNotice', () => {
  it('says why a question is skipped, linking to the deciding answer', () => {
    const wrapper = mountNotice('skipped')
    expect(wrapper.text()).toContain('This question is skipped')
    expect(wrapper.text()).toContain('you answered “No” to Q1')
    const link = wrapper.getComponent(RouterLinkStub)
    expect(link.props('to')).toEqual({
      name: 'question',
      params: { workbookId: 'wb-1', questionId: 'use-of-force' },
    })
    expect(link.text()).toContain('Go to Q1 “Use of force”')
  })

  it('marks stale work as no longer asked', () => {
    expect(mountNotice('stale').text()).toContain('This question is no longer asked')
  })

  it('says nothing for a question that is always asked', () => {
    expect(mountNotice('to-answer', 'Always asked.').text()).toBe('')
  })
})
