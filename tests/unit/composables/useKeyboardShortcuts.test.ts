import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { isTypingTarget, useKeyboardShortcuts } from '@/composables/useKeyboardShortcuts'

describe('composables/useKeyboardShortcuts', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
    target.dispatchEvent(event)
    return event
  }

  it('runs the action for a key pressed outside a text field', () => {
    const next = vi.fn()
    const scope = effectScope()
    scope.run(() => useKeyboardShortcuts({ n: next }))
    expect(press('n').defaultPrevented).toBe(true)
    expect(next).toHaveBeenCalledOnce()
    scope.stop()
    press('n')
    expect(next).toHaveBeenCalledOnce()
  })

  it('ignores keys typed into a text field and keys with Ctrl, Alt or Meta', () => {
    const next = vi.fn()
    const scope = effectScope()
    scope.run(() => useKeyboardShortcuts({ n: next }))
    const textarea = document.body.appendChild(document.createElement('textarea'))
    press('n', textarea)
    press('n', document.body, { ctrlKey: true })
    press('n', document.body, { altKey: true })
    press('n', document.body, { metaKey: true })
    expect(next).not.toHaveBeenCalled()
    scope.stop()
  })

  it('can be switched off', () => {
    const next = vi.fn()
    const scope = effectScope()
    scope.run(() => useKeyboardShortcuts({ n: next }, { enabled: () => false }))
    press('n')
    expect(next).not.toHaveBeenCalled()
    scope.stop()
  })

  it.each([
    ['textarea', true],
    ['select', true],
    ['input[type=text]', true],
    ['input[type=radio]', false],
    ['input[type=checkbox]', false],
    ['button', false],
  ])('treats a %s as typing: %s', (selector, typing) => {
    const [tag, type] = selector.replace(']', '').split('[type=')
    const element = document.createElement(tag!)
    if (type) element.setAttribute('type', type)
    document.body.append(element)
    expect(isTypingTarget(element)).toBe(typing)
  })
})
