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
 * Every screen has its own URL, so back, reload and bookmarks work. The workbook is opened by the
 * guard below before any of its routes renders; the report (and its DOCX writer) loads lazily.
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
  // The studio (authoring) loads only when opened: students never download it.
  { path: '/studio', name: 'studio', component: () => import('./views/StudioView.vue') },
  {
    path: '/studio/:draftId',
    name: 'studio-draft',
    component: () => import('./views/StudioView.vue'),
    props: true,
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
]

/** Opens the workbook a route names (saving and closing any other), and resumes where the student was. */
export async function openWorkbookFor(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  const workbook = useWorkbookStore()
  const { workbookId } = to.params
  if (typeof workbookId !== 'string') {
    if (to.name === 'start') await workbook.close()
    return true
  }
  await workbook.open(workbookId)
  if (to.name === 'workbook' && workbook.loadState === 'ready') {
    const current = workbook.session?.currentQuestion
    if (current && workbook.question(current)) {
      return { name: 'question', params: { workbookId, questionId: current }, replace: true }
    }
  }
  return true
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
