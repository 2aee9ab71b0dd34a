import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import StartWorkbookList from '@/components/start/StartWorkbookList.vue'
import type { WorkbookSummary } from '@/persistence/records'

const summary: WorkbookSummary = {
  id: 'wb-1',
  title: 'Seminar 4',
  studentName: 'Ada',
  rulebookId: 'ui-test',
  rulebookTitle: 'Strikes on foreign territory',
  rulebookVersion: '1.0.0',
  contentHash: '0123456789abcdef',
  scenarioId: 'dock',
  scenarioTitle: 'The dock strike',
  answered: 3,
  total: 6,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
}

describe('components/start/StartWorkbookList', () => {
  function mountList() {
    return mount(StartWorkbookList, {
      props: { workbooks: [summary] },
      global: { stubs: { RouterLink: RouterLinkStub } },
    })
  }

  it('lists name, rulebook, scenario, progress and when it was last edited', () => {
    const row = mountList().findAll('tbody tr')[0]!
    expect(row.text()).toContain('Seminar 4')
    expect(row.text()).toContain('Strikes on foreign territory')
    expect(row.text()).toContain('The dock strike')
    expect(row.text()).toContain('3 of 6 answered')
    expect(row.text()).toContain('5 minutes ago')
  })

  it('resumes through a link and names every action after the workbook', async () => {
    const wrapper = mountList()
    const resume = wrapper.findAllComponents(RouterLinkStub).find((l) => l.text() === 'Resume')!
    expect(resume.props('to')).toEqual({ name: 'workbook', params: { workbookId: 'wb-1' } })
    for (const action of ['Rename', 'Duplicate', 'Delete']) {
      await wrapper.get(`button[aria-label="${action} Seminar 4"]`).trigger('click')
    }
    expect(wrapper.emitted()).toMatchObject({ rename: [['wb-1']], duplicate: [['wb-1']], remove: [['wb-1']] })
  })
})
