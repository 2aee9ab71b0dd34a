import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import App from '@/App.vue'
import { useWorkbookStore } from '@/stores/workbook'
import { loadMarkdown } from '@/composables/useMarkdown'
import WorkbookView from '@/views/WorkbookView.vue'
import QuestionView from '@/views/QuestionView.vue'
import QuestionWorkArea from '@/components/question/QuestionWorkArea.vue'
import { freshPinia, openNewWorkbook, resetStorage, routerAt } from '../../fixtures/ui/helpers'

async function mountAt(path: string, pinia = freshPinia()) {
  const router = await routerAt(path)
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  // The Markdown renderer loads beside the workbook (the guard starts it): wait for it as the view does.
  await loadMarkdown().catch(() => undefined)
  await flushPromises()
  return { wrapper, router }
}

/** Counts a mounted component's renders from now on (Vue reads `instance.render` on each). */
function countRenders(component: { vm: { $: unknown } }): () => number {
  const instance = component.vm.$ as { render: (this: unknown, ...args: unknown[]) => unknown }
  const render = instance.render
  let renders = 0
  instance.render = function (...args) {
    renders++
    return render.apply(this, args)
  }
  return () => renders
}

describe('views/WorkbookView', () => {
  beforeEach(resetStorage)

  it('shows the outline, the question and the facts, each labelled', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    const { wrapper } = await mountAt(`/workbooks/${workbook.id}/questions/use-of-force`, pinia)
    expect(wrapper.get('nav[aria-label=Outline]').text()).toContain('Q1Use of force')
    expect(wrapper.get('main h1').text()).toBe('Q1. Use of force')
    expect(wrapper.get('aside[aria-label=Facts]').text()).toContain('¶1')
    expect(wrapper.get('#fact-dock-destroyed').text()).toContain('Confirmed')
    wrapper.unmount()
    // The first test pays for compiling every workbook screen, which on a busy machine can pass 5 s.
  }, 20_000)

  it('updates the outline and the conclusions at once when an answer changes', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    const { wrapper } = await mountAt(`/workbooks/${workbook.id}/questions/use-of-force`, pinia)
    const outline = () => wrapper.get('nav[aria-label=Outline]').text()
    expect(outline()).toMatch(/Q2Who is responsible… ?Waiting/)
    await wrapper.get('input[type=radio][value=yes]').trigger('change')
    expect(outline()).toMatch(/Q1Use of force✓ ?Answered/)
    expect(outline()).toMatch(/Q2Who is responsible○ ?To answer/)
    expect(outline()).toContain('0 hold · 1 fail · 2 undetermined')
    await wrapper.get('input[type=radio][value=no]').trigger('change')
    expect(outline()).toMatch(/Q2Who is responsible↷ ?Skipped/)
    expect(outline()).toContain('1 hold · 2 fail · 0 undetermined')
    wrapper.unmount()
  })

  it('explains a skipped question in words and links to the deciding answer', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'no')
    const { wrapper } = await mountAt(`/workbooks/${workbook.id}/questions/consent`, pinia)
    const notice = wrapper.get('[role=note]')
    expect(notice.text()).toContain('This question is skipped')
    expect(notice.text()).toContain('you answered “No” to Q1 “Use of force”')
    expect(notice.get('a').attributes('href')).toBe(`/workbooks/${workbook.id}/questions/use-of-force`)
    // No answer control on a skipped question: answering would only make stale work.
    expect(wrapper.find('fieldset').exists()).toBe(false)
    wrapper.unmount()
  })

  it('keeps stale work visible and editable, marked as no longer asked', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.answer('consent', 'no')
    workbook.setReasoning('consent', 'issue', 'Was there consent?')
    workbook.answer('use-of-force', 'no')
    const { wrapper } = await mountAt(`/workbooks/${workbook.id}/questions/consent`, pinia)
    expect(wrapper.get('[role=note]').text()).toContain('This question is no longer asked')
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('Was there consent?')
    wrapper.unmount()
  })

  it('resumes at the question the student was on', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    workbook.goTo('intensity')
    const { wrapper, router } = await mountAt(`/workbooks/${workbook.id}`, pinia)
    expect(router.currentRoute.value.fullPath).toBe(`/workbooks/${workbook.id}/questions/intensity`)
    wrapper.unmount()
  })

  it('moves to the next and previous asked question with n and p', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    const { wrapper, router } = await mountAt(`/workbooks/${workbook.id}/questions/use-of-force`, pinia)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }))
    await flushPromises()
    expect(router.currentRoute.value.params.questionId).toBe('intensity')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'p' }))
    await flushPromises()
    expect(router.currentRoute.value.params.questionId).toBe('use-of-force')
    wrapper.unmount()
  })

  it('shows every conclusion with its status and the answers that decided it', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'no')
    const { wrapper } = await mountAt(`/workbooks/${workbook.id}/conclusions`, pinia)
    const items = wrapper.findAll('main article')
    const noForce = items.find((i) => i.text().includes('No force was used.'))!
    expect(noForce.text()).toContain('Holds')
    expect(noForce.text()).toContain('you answered “No”')
    expect(noForce.get('a').attributes('href')).toBe(`/workbooks/${workbook.id}/questions/use-of-force`)
    expect(items.find((i) => i.text().includes('breached'))!.text()).toContain('Fails')
    wrapper.unmount()
  })

  it('paints the shell at once, and opens the workbook inside it rather than holding navigation', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    const id = workbook.id!
    await workbook.close()
    const { createMemoryHistory } = await import('vue-router')
    const { createAppRouter } = await import('@/router')
    const router = createAppRouter(createMemoryHistory())
    await router.push(`/workbooks/${id}/questions/use-of-force`)
    // Navigation is done before the workbook has loaded.
    expect(router.currentRoute.value.name).toBe('question')
    expect(workbook.loadState).not.toBe('ready')
    const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
    await nextTick()
    expect(wrapper.get('[role=status]').text()).toBe('Opening the workbook…')
    expect(wrapper.get('header a').text()).toContain('Casework')
    await workbook.open(id)
    await flushPromises()
    expect(wrapper.get('main h1').text()).toBe('Q1. Use of force')
    wrapper.unmount()
  })

  it('re-renders only the work area as the student types, and only the save state as it saves', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    const { wrapper } = await mountAt(`/workbooks/${workbook.id}/questions/use-of-force`, pinia)
    await wrapper.get('input[type=radio][value=yes]').trigger('change')
    await flushPromises()
    const workbookRenders = countRenders(wrapper.findComponent(WorkbookView))
    const questionRenders = countRenders(wrapper.findComponent(QuestionView))
    const workRenders = countRenders(wrapper.findComponent(QuestionWorkArea))
    const textarea = wrapper.get('textarea')
    for (const text of ['T', 'Th', 'The']) {
      await textarea.setValue(text)
      await nextTick()
    }
    const store = useWorkbookStore()
    store.saveStatus = 'saving'
    await nextTick()
    expect(wrapper.get('header').text()).toContain('Saving…')
    store.saveStatus = 'saved'
    store.lastSavedAt = new Date().toISOString()
    await nextTick()
    expect(wrapper.get('header').text()).toContain('All work saved')
    expect(store.work('use-of-force')?.reasoning?.issue).toBe('The')
    expect(workRenders()).toBe(3)
    expect(questionRenders()).toBe(0)
    expect(workbookRenders()).toBe(0)
    // An answer changes what the page shows around the work: it re-renders the page.
    await wrapper.get('input[type=radio][value=no]').trigger('change')
    await nextTick()
    expect(questionRenders()).toBeGreaterThan(0)
    wrapper.unmount()
  })

  it('says so when the workbook is not in this browser', async () => {
    const { wrapper } = await mountAt('/workbooks/wb-nowhere/questions/use-of-force')
    expect(wrapper.get('h1').text()).toBe('This workbook is not in this browser')
    wrapper.unmount()
  })

  it('shows a storage failure with a way to download the work', async () => {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    const { wrapper } = await mountAt(`/workbooks/${workbook.id}/questions/use-of-force`, pinia)
    const store = useWorkbookStore()
    store.saveStatus = 'error'
    store.saveError = 'Your browser has no room left to save this workbook (the storage quota is full).'
    await flushPromises()
    const alert = wrapper.get('[role=alert]')
    expect(alert.text()).toContain('no room left')
    expect(alert.findAll('button').map((b) => b.text())).toContain('Download my work')
    expect(wrapper.text()).toContain('Not saved')
    wrapper.unmount()
  })
})
