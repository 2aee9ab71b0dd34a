/** The browser's persistent-storage state, shared by every screen that shows or asks for it. */
import { readonly, ref, type Ref } from 'vue'
import { askForPersistence, persistenceState, type PersistenceState } from '@/persistence/persist'

const state = ref<PersistenceState>()
let checked: Promise<void> | undefined

/** `state` is undefined until the browser has answered; `ask(again)` asks (once per browser unless `again`). */
export function usePersistentStorage(): {
  state: Readonly<Ref<PersistenceState | undefined>>
  ask: (again?: boolean) => Promise<void>
} {
  checked ??= persistenceState().then((found) => {
    state.value ??= found
  })
  async function ask(again = false) {
    state.value = await askForPersistence(undefined, again)
  }
  return { state: readonly(state), ask }
}
