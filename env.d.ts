/// <reference types="vite/client" />

declare module 'virtual:shipped-rulebooks' {
  import type { Rulebook } from '@/engine/generated/rulebook'
  /** A rulebook shipped in rules/, parsed and validated at build time. */
  export interface ShippedRulebook {
    file: string
    rulebook: Rulebook
    contentHash: string
  }
  const rulebooks: ShippedRulebook[]
  export default rulebooks
}
