import { afterEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { mount } from '@vue/test-utils'

// vite-plugin-pwa's hook, as the build provides it: a flag the worker raises when a new version
// is waiting, and the function that moves to it.
const needRefresh = ref(false)
const updateServiceWorker = vi.fn(async () => {})
let registered: ((url: string, registration: ServiceWorkerRegistration | undefined) => void) | undefined
vi.mock('virtual:pwa-register/vue', () => ({
  useRegisterSW: (options: { onRegisteredSW?: typeof registered }) => {
    registered = options.onRegisteredSW
    return { needRefresh, offlineReady: ref(false), updateServiceWorker }
  },
}))

const { default: AppUpdatePrompt } = await import('@/components/app/AppUpdatePrompt.vue')

afterEach(() => {
  needRefresh.value = false
  updateServiceWorker.mockClear()
  vi.useRealTimers()
})

describe('components/app/AppUpdatePrompt', () => {
  it('says nothing until a new version is waiting, then offers to reload into it', async () => {
    const wrapper = mount(AppUpdatePrompt, { attachTo: document.body })
    expect(wrapper.text()).toBe('')
    expect(wrapper.find('button').exists()).toBe(false)
    // The live region is there from the start, so a screen reader announces the message.
    expect(wrapper.find('[role="status"]').exists()).toBe(true)

    needRefresh.value = true
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[role="status"]').text()).toContain('A new version of Casework is ready.')
    const reload = wrapper.findAll('button').find((b) => b.text() === 'Reload')!
    expect(reload.attributes('type')).toBe('button')
    await reload.trigger('click')
    expect(updateServiceWorker).toHaveBeenCalledWith(true)
    wrapper.unmount()
  })

  it('lets the student put the update off', async () => {
    needRefresh.value = true
    const wrapper = mount(AppUpdatePrompt, { attachTo: document.body })
    await wrapper.findAll('button').find((b) => b.text() === 'Later')!.trigger('click')
    expect(wrapper.text()).toBe('')
    expect(updateServiceWorker).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('asks the server for a new version every hour while online, and stops when unmounted', async () => {
    vi.useFakeTimers()
    const wrapper = mount(AppUpdatePrompt)
    const update = vi.fn(async () => {})
    registered?.('/sw.js', { update } as unknown as ServiceWorkerRegistration)
    vi.advanceTimersByTime(60 * 60 * 1000)
    expect(update).toHaveBeenCalledTimes(1)
    wrapper.unmount()
    vi.advanceTimersByTime(60 * 60 * 1000)
    expect(update).toHaveBeenCalledTimes(1)
  })
})
