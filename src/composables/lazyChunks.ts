/**
 * Parts of the app loaded on demand (lazy routes, async components, the Markdown renderer) can
 * fail to arrive: offline, a new deployment that removed old files, a CSS file that would not
 * preload. Whatever fails says so plainly, with a Retry, rather than leaving the student with
 * nothing: a failed route sets `chunkFailure` (shown by App.vue), a failed component shows the
 * same message in its place.
 */
import { defineAsyncComponent, defineComponent, h, ref, shallowRef, type Component } from 'vue'

/** A part of the app that could not be loaded, and how to try again. */
export interface ChunkFailure {
  retry: () => void
}

/** The screen the student asked for could not be loaded (set by the router; App.vue shows it). */
export const chunkFailure = shallowRef<ChunkFailure>()

// The wording of Chromium, Firefox, Safari and Vite's preload helper for a module or CSS that did not load.
const chunkError =
  /dynamically imported module|Importing a module script failed|Failed to load module script|Unable to preload CSS|Failed to fetch/i

/** Whether an error is a part of the app failing to load (not a bug in it). */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && (chunkError.test(error.message) || error.name === 'ChunkLoadError')
}

/** The words said about a part that did not load. */
export const chunkMessage =
  'Part of Casework could not be loaded. Check your connection and try again: your work is saved.'

/**
 * An async component that, if its code fails to load, shows why with a Retry button in its place;
 * Retry loads it afresh (a failed load is never reused).
 */
export function lazyComponent(loader: () => Promise<Component | { default: Component }>): Component {
  const attempt = ref(0)
  const Failed = defineComponent({
    setup() {
      return () =>
        h('div', { class: 'notice notice--bad', role: 'alert' }, [
          h('p', chunkMessage),
          h('button', { type: 'button', class: 'button', onClick: () => attempt.value++ }, 'Retry'),
        ])
    },
  })
  const make = () => defineAsyncComponent({ loader, errorComponent: Failed })
  let made = 0
  let Async = make()
  return defineComponent({
    inheritAttrs: false,
    setup(_, { attrs, slots }) {
      return () => {
        if (made !== attempt.value) {
          made = attempt.value
          Async = make()
        }
        return h(Async, { ...attrs, key: made }, slots)
      }
    },
  })
}
