import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import StudioSaveStatus from '@/components/studio/StudioSaveStatus.vue'
import { useDraftsStore } from '@/stores/drafts'
import { freshPinia } from '../../../fixtures/ui/helpers'

describe('components/studio/StudioSaveStatus', () => {
  it('shows routine saving without announcing it, and announces a failure with a way to retry', async () => {
    freshPinia()
    const drafts = useDraftsStore()
    const wrapper = mount(StudioSaveStatus, { attachTo: document.body })
    const announced = () => wrapper.findAll('[role="alert"], [role="status"], [aria-live]').map((region) => region.text())

    for (const status of ['saving', 'saved'] as const) {
      drafts.saveStatus = status
      await nextTick()
      expect(wrapper.text()).toContain(status === 'saving' ? 'Saving…' : 'All changes saved')
      expect(announced()).toEqual([])
    }

    drafts.saveError = 'the browser’s storage is full'
    drafts.saveStatus = 'error'
    await nextTick()
    expect(announced()).toEqual(['Not saved: the browser’s storage is full'])
    expect(wrapper.find('button').text()).toBe('Try saving again')
    wrapper.unmount()
  })
})
