import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StartFileOpen from '@/components/start/StartFileOpen.vue'

describe('components/start/StartFileOpen', () => {
  it('emits a file chosen with the labelled file picker', async () => {
    const wrapper = mount(StartFileOpen)
    const input = wrapper.get('input[type=file]')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Choose a file…')
    const file = new File(['id: x'], 'mine.yaml')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    expect(wrapper.emitted('file')).toEqual([[file]])
  })

  it('emits a file dropped on it', async () => {
    const wrapper = mount(StartFileOpen)
    const file = new File(['id: x'], 'dropped.yaml')
    await wrapper.get('.drop').trigger('drop', { dataTransfer: { files: [file] } })
    expect(wrapper.emitted('file')).toEqual([[file]])
  })
})
