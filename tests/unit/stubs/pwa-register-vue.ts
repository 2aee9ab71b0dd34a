/**
 * Stands in for vite-plugin-pwa's `virtual:pwa-register/vue`, which only the app's build provides:
 * no service worker in tests. Tests that need the hook's behaviour mock this module.
 */
import { ref } from 'vue'

export function useRegisterSW() {
  return { needRefresh: ref(false), offlineReady: ref(false), updateServiceWorker: async () => {} }
}
