/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vue" />

declare module 'virtual:shipped-rulebooks' {
  import type { ShippedRulebookSource } from '@/stores/shipped'
  /** The rulebooks in rules/, validated at build time: metadata, and the URL of their content. */
  const rulebooks: ShippedRulebookSource[]
  export default rulebooks
}
