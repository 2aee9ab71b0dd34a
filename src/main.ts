import { createApp } from 'vue'
import { createPinia } from 'pinia'
import shipped from 'virtual:shipped-rulebooks'
import App from './App.vue'
import { createAppRouter } from './router'
import { useRulebookStore } from './stores/rulebook'
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
  app.use(createAppRouter())
  app.mount('#app')
}
