import { onScopeDispose, toValue, type MaybeRefOrGetter } from 'vue'

/** Whether a key press belongs to something the student is typing in (or to an open dialog). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('dialog[open]')) return true
  if (target instanceof HTMLElement && target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(type)
  }
  return false
}

/**
 * Single-key shortcuts (`n`, `p`, `?`…) for the whole page, ignored while the student types, and
 * never with Ctrl, Alt or Meta, so the browser's and the screen reader's own keys keep working.
 */
export function useKeyboardShortcuts(
  shortcuts: MaybeRefOrGetter<Record<string, () => void>>,
  { enabled = true as MaybeRefOrGetter<boolean> } = {},
): void {
  function onKeydown(event: KeyboardEvent) {
    if (!toValue(enabled) || event.defaultPrevented) return
    if (event.ctrlKey || event.altKey || event.metaKey) return
    if (isTypingTarget(event.target)) return
    const action = toValue(shortcuts)[event.key]
    if (!action) return
    event.preventDefault()
    action()
  }
  window.addEventListener('keydown', onKeydown)
  onScopeDispose(() => window.removeEventListener('keydown', onKeydown))
}
