import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type Router,
} from 'vue-router'
import StartView from './views/StartView.vue'
import WorkbookView from './views/WorkbookView.vue'
import WorkbookOverviewView from './views/WorkbookOverviewView.vue'
import SectionView from './views/SectionView.vue'
import QuestionView from './views/QuestionView.vue'
import ConclusionsView from './views/ConclusionsView.vue'
import FactsView from './views/FactsView.vue'
import NotFoundView from './views/NotFoundView.vue'
import { useWorkbookStore } from './stores/workbook'

/**
 * Every screen has its own URL, so back, reload and bookmarks work. Navigation never waits for a
 * workbook to load: the guard below starts opening it, and the workbook's views paint their shell
 * at once and show "Opening the workbook…" until it is ready. The report (and its DOCX writer)
 * loads lazily.
 */
export const routes = [
  { path: '/', name: 'start', component: StartView },
  {
    path: '/workbooks/:workbookId',
    component: WorkbookView,
    children: [
      { path: '', name: 'workbook', component: WorkbookOverviewView },
      { path: 'sections/:sectionId', name: 'section', component: SectionView, props: true },
      { path: 'questions/:questionId', name: 'question', component: QuestionView, props: true },
      { path: 'conclusions', name: 'conclusions', component: ConclusionsView },
      { path: 'facts', name: 'facts', component: FactsView },
    ],
  },
  {
    path: '/workbooks/:workbookId/report',
    name: 'report',
    component: () => import('./views/ReportView.vue'),
    props: true,
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
]

/** Where the workbook's own address resumes: the question the student was on, once the workbook is open. */
export function resumeRoute(workbookId: string): RouteLocationRaw | undefined {
  const workbook = useWorkbookStore()
  if (workbook.id !== workbookId || workbook.loadState !== 'ready') return undefined
  const current = workbook.session?.currentQuestion
  return current && workbook.question(current)
    ? { name: 'question', params: { workbookId, questionId: current }, replace: true }
    : undefined
}

/**
 * Starts opening the workbook a route names (saving and closing any other) without waiting for
 * it, and resumes where the student was when it is already open (WorkbookView does it otherwise).
 * Leaving for the start page waits only for pending work to be saved.
 */
export async function openWorkbookFor(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  const workbook = useWorkbookStore()
  const { workbookId } = to.params
  if (typeof workbookId !== 'string') {
    if (to.name === 'start') await workbook.close()
    return true
  }
  void workbook.open(workbookId)
  return (to.name === 'workbook' && resumeRoute(workbookId)) || true
}

export function createAppRouter(history = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved
      // Fact links scroll inside the facts pane (WorkbookView handles them), not the window.
      if (to.hash) return false
      return to.path === from.path ? false : { top: 0 }
    },
  })
  router.beforeEach(openWorkbookFor)
  return router
}
