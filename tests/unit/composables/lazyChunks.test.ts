import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { defineComponent, h } from 'vue'
import { chunkFailure, isChunkLoadError, lazyComponent } from '@/composables/lazyChunks'
import { createAppRouter } from '@/router'
import { freshPinia } from '../../fixtures/ui/helpers'

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

describe('composables/lazyChunks', () => {
  afterEach(() => {
    chunkFailure.value = undefined
  })

  it.each([
    ['Failed to fetch dynamically imported module: http://x/assets/ReportView-1.js', true],
    ['Importing a module script failed.', true],
    ['error loading dynamically imported module', true],
    ['Unable to preload CSS for /assets/ReportView-1.css', true],
    ['Cannot read properties of undefined', false],
  ])('tells a chunk that did not load from a bug (%s)', (message, expected) => {
    expect(isChunkLoadError(new Error(message))).toBe(expected)
  })

  it('shows a component that did not load as a message with Retry, which loads it afresh', async () => {
    let calls = 0
    const Loaded = defineComponent({ props: { label: String }, setup: (props) => () => h('p', `loaded ${props.label}`) })
    const Lazy = lazyComponent(() => {
      calls++
      return calls === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: x')) : Promise.resolve(Loaded)
    })
    const wrapper = mount(Lazy, { props: { label: 'dialog' } })
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toContain('could not be loaded')
    await wrapper.get('button').trigger('click')
    await settle()
    expect(calls).toBe(2)
    expect(wrapper.text()).toBe('loaded dialog')
    wrapper.unmount()
  })

  it('reports a lazy route that did not load, and Retry navigates to it again', async () => {
    freshPinia()
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    let fail = true
    router.addRoute({
      path: '/broken',
      name: 'broken',
      component: () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: y')) : Promise.resolve(defineComponent({ render: () => h('p', 'ok') }))),
    })
    await router.push('/broken').catch(() => undefined)
    expect(router.currentRoute.value.path).toBe('/')
    expect(chunkFailure.value).toBeDefined()
    fail = false
    chunkFailure.value!.retry()
    await settle()
    expect(router.currentRoute.value.path).toBe('/broken')
    expect(chunkFailure.value).toBeUndefined()
  })
})
