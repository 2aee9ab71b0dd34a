import { flushPromises, mount } from '@vue/test-utils'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from '@/App.vue'
import { createAppRouter } from '@/router'
import { useWorkbookStore } from '@/stores/workbook'
import { freshPinia, openNewWorkbook, resetStorage } from '../../fixtures/ui/helpers'

/** A blob's bytes; jsdom's Blob has no text() or arrayBuffer(), FileReader reads it. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}
const textOf = async (blob: Blob) => new TextDecoder().decode(await bytesOf(blob))

async function settle() {
  for (let i = 0; i < 10; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

describe('views/ReportView', () => {
  const downloads: { name: string; blob: Blob }[] = []

  beforeEach(async () => {
    await resetStorage()
    downloads.length = 0
    // jsdom has no object URLs; keep what would have been downloaded.
    let next = 0
    const blobs = new Map<string, Blob>()
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          const url = `blob:test/${next++}`
          blobs.set(url, blob)
          return url
        },
        revokeObjectURL: () => {},
      }),
    )
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ name: this.download, blob: blobs.get(this.href)! })
    })
  })
  afterEach(() => vi.restoreAllMocks())

  async function openReport() {
    const pinia = freshPinia()
    const workbook = await openNewWorkbook()
    workbook.answer('use-of-force', 'yes')
    workbook.setReasoning(
      'use-of-force',
      'issue',
      'Whether the <script>alert(1)</script> strike was force.',
    )
    const workbookId = workbook.id!
    await workbook.flush()
    const router = createAppRouter(createMemoryHistory())
    await router.push({ name: 'report', params: { workbookId } })
    const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
    // The report's screen is loaded on demand: as long as that takes on a busy machine.
    await vi.waitFor(() => expect(wrapper.find('article.casework-report').exists()).toBe(true), { timeout: 15_000, interval: 50 })
    await settle()
    return { wrapper, workbook: useWorkbookStore() }
  }

  it('shows the report of the open workbook, with the student’s text inert', async () => {
    const { wrapper } = await openReport()
    const report = wrapper.find('article.casework-report')
    expect(report.exists()).toBe(true)
    expect(report.find('h1').text()).toBe('Strikes on foreign territory')
    expect(report.text()).toContain('Question 1. Use of force')
    expect(report.text()).toContain('Whether the <script>alert(1)</script> strike was force.')
    expect(report.find('script').exists()).toBe(false)
    wrapper.unmount()
  })

  it('offers printing and every download, outside what is printed', async () => {
    const { wrapper } = await openReport()
    const group = wrapper.find('[role="group"][aria-label="Export the report"]')
    expect(group.findAll('button').map((b) => b.text())).toEqual([
      'Print or save as PDF',
      'Download Word (.docx)',
      'Download Markdown',
      'Download HTML',
      'Download workbook file (.json)',
    ])
    expect(wrapper.find('.report-no-print').element.contains(group.element)).toBe(true)
    const print = vi.fn()
    vi.stubGlobal('print', print)
    await group.findAll('button')[0]!.trigger('click')
    await settle()
    expect(print).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('prints only once the typefaces have loaded', async () => {
    const { wrapper } = await openReport()
    let fontsLoaded!: () => void
    const ready = new Promise<void>((resolve) => (fontsLoaded = resolve))
    Object.defineProperty(document, 'fonts', { value: { ready }, configurable: true })
    const print = vi.fn()
    vi.stubGlobal('print', print)
    try {
      await wrapper.find('[aria-label="Export the report"] button').trigger('click')
      await settle()
      expect(print).not.toHaveBeenCalled()
      fontsLoaded()
      await settle()
      expect(print).toHaveBeenCalledOnce()
    } finally {
      Reflect.deleteProperty(document, 'fonts')
      wrapper.unmount()
    }
  })

  it('downloads Markdown, HTML and the workbook file', async () => {
    const { wrapper } = await openReport()
    const buttons = wrapper.findAll('[aria-label="Export the report"] button')
    for (const button of buttons.slice(2)) {
      await button.trigger('click')
      await settle()
    }
    expect(downloads.map((d) => d.name)).toEqual([
      'my-workbook.md',
      'my-workbook.html',
      'my-workbook.casework.json',
    ])
    expect(await textOf(downloads[0]!.blob)).toMatch(
      /^# Conclusion report: Strikes on foreign territory/,
    )
    expect(await textOf(downloads[1]!.blob)).toMatch(/^<!doctype html>/)
    expect(JSON.parse(await textOf(downloads[2]!.blob)).answers['use-of-force'].value).toBe('yes')
    wrapper.unmount()
  })

  it('loads the Word writer only when asked, and downloads a DOCX', async () => {
    const { wrapper } = await openReport()
    await wrapper.findAll('[aria-label="Export the report"] button')[1]!.trigger('click')
    // The Word writer is a large module, loaded on this click: as long as that takes.
    await vi.waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['my-workbook.docx']), { timeout: 15_000, interval: 50 })
    const bytes = await bytesOf(downloads[0]!.blob)
    expect(strFromU8(unzipSync(bytes)['word/document.xml']!)).toContain('Question 1. Use of force')
    expect(wrapper.text()).toContain('The Word document is downloaded.')
    wrapper.unmount()
  })

  it('says so when the workbook does not exist', async () => {
    const pinia = freshPinia()
    const router = createAppRouter(createMemoryHistory())
    await router.push({ name: 'report', params: { workbookId: 'wb-missing' } })
    const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
    await settle()
    expect(wrapper.find('[role="alert"]').text()).toContain(
      'There is no saved workbook here with this address.',
    )
    wrapper.unmount()
  })
})
