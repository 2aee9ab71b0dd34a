import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import BaseDialog from '@/components/base/BaseDialog.vue'

describe('components/base/BaseDialog', () => {
  it('is labelled by its title and shows its content only while open', async () => {
    const wrapper = mount(BaseDialog, {
      props: { open: false, title: 'Delete this workbook?' },
      slots: { default: '<p>Gone for good.</p>' },
      attachTo: document.body,
    })
    expect(wrapper.text()).not.toContain('Gone for good.')
    await wrapper.setProps({ open: true })
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes('open')).toBeDefined()
    expect(wrapper.get(`[id="${dialog.attributes('aria-labelledby')}"]`).text()).toBe('Delete this workbook?')
    expect(wrapper.text()).toContain('Gone for good.')
    wrapper.unmount()
  })

  it('asks to close on Escape (the cancel event)', async () => {
    const wrapper = mount(BaseDialog, { props: { open: true, title: 'T' }, attachTo: document.body })
    await wrapper.get('dialog').trigger('cancel')
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })
})
