import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import QuestionCommit from '@/components/question/QuestionCommit.vue'
import type { Question } from '@/engine/generated/rulebook'
import { uiRulebook } from '../../../fixtures/ui/rulebook'

const force = uiRulebook.questions[0]
const consent = uiRulebook.questions[2]!

function mountCommit(question: Question, work: object | undefined, answered = true) {
  return mount(QuestionCommit, { props: { question, work: work as never, answered } })
}

describe('components/question/QuestionCommit', () => {
  it('cannot commit before an answer is chosen', () => {
    const wrapper = mountCommit(force, undefined, false)
    expect(wrapper.get('button').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Choose an answer first.')
  })

  it('commits, and keeps the model answer hidden until then', async () => {
    const wrapper = mountCommit(force, { value: 'yes', updatedAt: '' })
    expect(wrapper.text()).not.toContain('Model answer')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('commit')).toHaveLength(1)
  })

  it('shows the model answer beside the student’s own after committing', () => {
    const wrapper = mountCommit(force, {
      value: 'yes',
      reasoning: { conclusion: 'It was *force*.' },
      committedAt: '2026-01-01T10:00:00.000Z',
      updatedAt: '',
    })
    const sides = wrapper.findAll('article')
    expect(sides[0]!.text()).toContain('Your conclusion')
    expect(sides[0]!.html()).toContain('<em>force</em>')
    expect(sides[1]!.text()).toContain('Model answer')
    expect(sides[1]!.text()).toContain('Yes: a kinetic strike is force.')
    expect(sides[1]!.text()).toContain('Same answer as yours')
  })

  it('says when the answers differ', () => {
    const wrapper = mountCommit(force, { value: 'no', committedAt: '2026-01-01T10:00:00.000Z', updatedAt: '' })
    expect(wrapper.text()).toContain('Different answer')
  })

  it('never reveals a model answer the rulebook keeps for the instructor', () => {
    const wrapper = mountCommit(consent, { value: 'no', committedAt: '2026-01-01T10:00:00.000Z', updatedAt: '' })
    expect(wrapper.text()).not.toContain('No consent was given.')
    expect(wrapper.text()).toContain('kept for the instructor')
  })

  it('shows a model answer marked "always" before committing', () => {
    const always: Question = { ...force, modelAnswer: { text: 'Always shown.', reveal: 'always' } }
    expect(mountCommit(always, undefined, false).text()).toContain('Always shown.')
  })
})
