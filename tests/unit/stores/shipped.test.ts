import { afterEach, describe, expect, it, vi } from 'vitest'
import { rulebookMeta, toShipped } from '@/stores/shipped'
import { uiRulebook } from '../../fixtures/ui/rulebook'

describe('stores/shipped', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists a rulebook by its metadata, without its questions and facts', () => {
    const meta = rulebookMeta(uiRulebook)
    expect(meta).toMatchObject({ id: 'ui-test', questionCount: 6 })
    expect(meta.scenarios).toEqual([
      { id: 'dock', title: 'The dock strike', summary: 'A drone strike on a dock.', factCount: 3 },
      { id: 'boats', title: 'The boat strikes', summary: 'Strikes on boats at sea.', factCount: 1 },
    ])
    expect(JSON.stringify(meta)).not.toContain('dock-destroyed')
  })

  it('loads a rulebook given whole', async () => {
    const shipped = toShipped({ file: 'rules/ui.yaml', contentHash: 'abc', rulebook: uiRulebook })
    expect(shipped.meta.title).toBe(uiRulebook.title)
    expect(await shipped.load()).toBe(uiRulebook)
  })

  it('fetches a rulebook given by URL only when loaded', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(uiRulebook)))
    vi.stubGlobal('fetch', fetch)
    const shipped = toShipped({
      file: 'rules/ui.yaml',
      contentHash: 'abc',
      url: '/assets/ui.json',
      meta: rulebookMeta(uiRulebook),
    })
    expect(fetch).not.toHaveBeenCalled()
    expect((await shipped.load()).id).toBe('ui-test')
    expect(fetch).toHaveBeenCalledWith('/assets/ui.json')
  })
})
