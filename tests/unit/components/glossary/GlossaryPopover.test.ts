import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import GlossaryPopover from '@/components/glossary/GlossaryPopover.vue'
import BaseMarkdown from '@/components/base/BaseMarkdown.vue'
import type { Authority, Term } from '@/engine/generated/rulebook'

const glossary: Term[] = [
  { id: 'armed-attack', term: 'Armed attack', definition: 'The *gravest* form of force.', authorities: [{ authority: 'nicaragua', pinpoint: 'para 191' }] },
]
const authorities = new Map<string, Authority>([
  ['nicaragua', { id: 'nicaragua', kind: 'case', title: 'Nicaragua', citation: '[1986] ICJ Rep 14' }],
])

const Page = defineComponent(() => () => [
  h(BaseMarkdown, { source: 'An [armed attack](#term-armed-attack) and an [unknown](#term-unknown-term).' }),
  h(GlossaryPopover, { glossary, authorities }),
])

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

const dialog = () => document.body.querySelector('[role="dialog"]') as HTMLElement | null

describe('components/glossary/GlossaryPopover', () => {
  it('opens a term’s definition and authorities from its button, and Escape closes it, focusing the button again', async () => {
    wrapper = mount(Page, { attachTo: document.body })
    const button = document.body.querySelector('button[data-term="armed-attack"]') as HTMLButtonElement
    expect(button.getAttribute('aria-expanded')).toBe('false')
    button.click()
    await nextTick()
    await nextTick()
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(button.getAttribute('aria-controls')).toBe(dialog()!.id)
    expect(dialog()!.textContent).toContain('Armed attack')
    expect(dialog()!.querySelector('em')?.textContent).toBe('gravest')
    expect(dialog()!.querySelector('[aria-label="Authorities"]')?.textContent).toContain('Nicaragua, para 191')
    expect(document.activeElement).toBe(dialog())
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await nextTick()
    expect(dialog()).toBeNull()
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button)
  })

  it('closes when the button is pressed again, or on a click elsewhere', async () => {
    wrapper = mount(Page, { attachTo: document.body })
    const button = document.body.querySelector('button[data-term="armed-attack"]') as HTMLButtonElement
    button.click()
    await nextTick()
    button.click()
    await nextTick()
    expect(dialog()).toBeNull()
    button.click()
    await nextTick()
    document.body.click()
    await nextTick()
    expect(dialog()).toBeNull()
  })

  it('says so for a term the glossary lacks', async () => {
    wrapper = mount(Page, { attachTo: document.body })
    ;(document.body.querySelector('button[data-term="unknown-term"]') as HTMLButtonElement).click()
    await nextTick()
    expect(dialog()!.textContent).toContain('This term is not in the glossary.')
  })
})
