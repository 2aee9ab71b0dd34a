import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import App from '@/App.vue'
import { useLibraryStore } from '@/stores/library'
import { freshPinia, resetStorage, routerAt, uiLoaded } from '../../fixtures/ui/helpers'

async function settle() {
  for (let i = 0; i < 8; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

async function mountStart() {
  const pinia = freshPinia()
  const router = await routerAt('/')
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { wrapper, router }
}

const button = (wrapper: ReturnType<typeof mount>, name: string) =>
  wrapper.findAll('button').find((b) => b.text() === name)!

describe('views/StartView', () => {
  beforeEach(resetStorage)

  it('lists the shipped rulebooks and starts a workbook on a chosen scenario', async () => {
    const { wrapper, router } = await mountStart()
    expect(wrapper.text()).toContain('No workbooks yet')
    expect(wrapper.get('article h3').text()).toBe('Strikes on foreign territory')
    await button(wrapper, 'Start a workbook on Strikes on foreign territory').trigger('click')
    await wrapper.get('input[value=boats]').trigger('change')
    expect((wrapper.get('input.input').element as HTMLInputElement).value).toBe('The boat strikes')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('workbook'))
    expect(useLibraryStore().workbooks[0]).toMatchObject({ scenarioTitle: 'The boat strikes' })
    wrapper.unmount()
  })

  it('asks before deleting a workbook, and keeps it when told to', async () => {
    await useLibraryStore(freshPinia()).create(uiLoaded, { scenarioId: 'dock', title: 'Keep me', studentName: '' })
    const { wrapper } = await mountStart()
    await wrapper.get('button[aria-label="Delete Keep me"]').trigger('click')
    expect(wrapper.text()).toContain('Delete this workbook?')
    await button(wrapper, 'Keep it').trigger('click')
    await settle()
    expect(useLibraryStore().workbooks).toHaveLength(1)
    await wrapper.get('button[aria-label="Delete Keep me"]').trigger('click')
    await button(wrapper, 'Delete workbook').trigger('click')
    await settle()
    expect(useLibraryStore().workbooks).toHaveLength(0)
    wrapper.unmount()
  })

  it('renames a workbook', async () => {
    await useLibraryStore(freshPinia()).create(uiLoaded, { scenarioId: 'dock', title: 'Draft', studentName: '' })
    const { wrapper } = await mountStart()
    await wrapper.get('button[aria-label="Rename Draft"]').trigger('click')
    await wrapper.get('#rename-title').setValue('Final')
    await wrapper.get('#rename-title').element.closest('form')!.dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper.find('tbody').text()).toContain('Final')
    wrapper.unmount()
  })

  it('shows the located problems of a broken rulebook file', async () => {
    const { wrapper } = await mountStart()
    const input = wrapper.get('input[type=file]')
    const text = readFileSync(resolve('tests/fixtures/ui/broken-rulebook.yaml'), 'utf8')
    Object.defineProperty(input.element, 'files', { value: [new File([text], 'broken.yaml')] })
    await input.trigger('change')
    // The parser and validator load on demand; the first import of them in a test run is slow.
    await vi.waitFor(() => expect(wrapper.text()).toContain('broken.yaml has 2 errors'), { timeout: 10_000 })
    expect(wrapper.text()).toContain('Line 30, column 14')
    wrapper.unmount()
  })
})
