import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StartProblemList from '@/components/start/StartProblemList.vue'
import type { Problem } from '@/engine/problems'

const problem = (severity: Problem['severity'], line: number, column: number): Problem => ({
  code: 'unknown-section',
  severity,
  message: 'question `second` belongs to section `nowhere`, which does not exist',
  hint: 'the sections are `main`',
  file: 'broken.yaml',
  range: { start: { line, column }, end: { line, column: column + 7 } },
  path: ['questions', 1, 'section'],
})

describe('components/start/StartProblemList', () => {
  it('shows each problem with its line and column, as the CLI does', () => {
    const wrapper = mount(StartProblemList, {
      props: { file: 'broken.yaml', problems: [problem('error', 30, 14), problem('warning', 40, 3)] },
    })
    expect(wrapper.get('h3').text()).toBe('broken.yaml has 1 error and 1 warning')
    const items = wrapper.findAll('li')
    expect(items[0]!.text()).toContain('Line 30, column 14')
    expect(items[0]!.text()).toContain('broken.yaml:30:14')
    expect(items[0]!.text()).toContain('Error')
    expect(items[0]!.html()).toContain('<code>nowhere</code>')
    expect(items[0]!.text()).toContain('Fix: the sections are main')
    expect(items[0]!.text()).toContain('unknown-section at questions.1.section')
    expect(items[1]!.text()).toContain('Warning')
  })
})
