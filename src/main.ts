import { createApp } from 'vue'
import { createPinia } from 'pinia'
import shipped from 'virtual:shipped-rulebooks'
import App from './App.vue'
import { createAppRouter } from './router'
import { useRulebookStore } from './stores/rulebook'
import { pruneKeptRulebooks } from './persistence/prune'
import { afterNextPaint } from './composables/afterNextPaint'
import './styles/typefaces.css'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
if (import.meta.env.MODE === 'lms') {
  // Packaged for an LMS: the rulebook comes with the package, the work goes to the LMS. The
  // normal build drops this branch (the mode is known at build time).
  void import('./lms/launch').then(({ startPackagedApp }) => startPackagedApp(app, pinia))
} else {
  // The shipped rulebooks come from the build (parsed and validated there), so the store stays testable.
  useRulebookStore(pinia).setShipped(shipped)
  // The page's own shell (index.html) is painted before the app starts its work, and stays until
  // the first screen can replace it: mounting at once would blank it while that screen's code and
  // data load. A screen that fails to load still mounts the app, which says so and offers a retry.
  void afterNextPaint().then(() => {
    const router = createAppRouter()
    app.use(router)
    void router
      .isReady()
      .catch(() => undefined)
      .finally(() => app.mount('#app'))
  })
  // Rulebooks kept from files that no workbook uses any more are removed, once the page is idle.
  // The mark says it is done (for tests, and in the browser's performance panel).
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(() => void pruneKeptRulebooks().then(() => performance.mark('casework:pruned')))
  }
}
