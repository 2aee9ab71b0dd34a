import { computed, inject, provide, type InjectionKey, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/** What a fact link does: show the paragraph (opening the facts panel if it is closed) and link to it. */
export interface FactLinks {
  showFact: (factId: string) => void
  /** The fact last shown, to highlight. */
  highlighted: Readonly<Ref<string | undefined>>
}

const key: InjectionKey<FactLinks> = Symbol('fact-links')

/** Provided by the workbook layout, which owns the facts panel. */
export function provideFactLinks(links: FactLinks): void {
  provide(key, links)
}

/**
 * Fact links for a component inside the workbook. Outside it (or in a test) a fact link just sets
 * the URL's hash, which is where the layout would look anyway.
 */
export function useFactLinks(): FactLinks {
  const provided = inject(key, undefined)
  if (provided) return provided
  const router = useRouter()
  const route = useRoute()
  return {
    showFact: (factId) => void router.replace({ hash: `#fact-${factId}` }),
    highlighted: computed(() => /^#fact-(.+)$/.exec(route.hash)?.[1]),
  }
}
