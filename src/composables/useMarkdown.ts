/**
 * Loads the Markdown renderer (markdown-it, configured in ./markdown.ts) on demand. It is a third
 * of the student's JavaScript and nothing in the first paint of the start page needs it, so it
 * is a separate chunk: the first component that renders Markdown starts loading it, and the
 * workbook waits for it (with its opening shell) before showing a question, so raw Markdown is
 * never shown.
 */
import { shallowRef, type ShallowRef } from 'vue'

/** What ./markdown.ts offers once loaded. */
export type MarkdownModule = typeof import('./markdown')

const loaded = shallowRef<MarkdownModule>()
/** The last load failed (offline, say): the workbook shows why, with a Retry that calls loadMarkdown. */
export const markdownFailed = shallowRef(false)
let loading: Promise<MarkdownModule> | undefined

/** Starts loading the renderer (once); resolves when it is there. A failed load is tried again next time. */
export function loadMarkdown(): Promise<MarkdownModule> {
  if (!loading) {
    markdownFailed.value = false
    loading = import('./markdown').then((module) => (loaded.value = module))
    loading.catch(() => {
      loading = undefined
      markdownFailed.value = true
    })
  }
  return loading
}

/** The Markdown renderer, undefined until it has loaded (and loading starts now if it had not). */
export function useMarkdown(): { markdown: Readonly<ShallowRef<MarkdownModule | undefined>> } {
  if (!loaded.value) void loadMarkdown().catch(() => undefined)
  return { markdown: loaded }
}
