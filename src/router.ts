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
import { chunkFailure, isChunkLoadError } from './composables/lazyChunks'

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
      { path: 'glossary', name: 'glossary', component: () => import('./views/GlossaryView.vue') },
    ],
  },
  {
    path: '/workbooks/:workbookId/report',
    name: 'report',
    component: () => import('./views/ReportView.vue'),
    props: true,
  },
  {
    path: '/rulebooks/:rulebookId/instructors',
    name: 'instructors',
    component: () => import('./views/InstructorView.vue'),
    props: true,
  },
  // The instructor's class view, and a student's report read from it: lazy, never on the student's path.
  { path: '/class', name: 'class', component: () => import('./views/ClassView.vue') },
  {
    path: '/class/students/:studentKey/report',
    name: 'class-report',
    component: () => import('./views/ClassReportView.vue'),
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
  // A lazy screen whose code did not load: say so, with a Retry that asks for it afresh.
  router.onError((error, to) => {
    if (!isChunkLoadError(error)) return
    chunkFailure.value = {
      retry: () => {
        chunkFailure.value = undefined
        void router.push(to.fullPath)
      },
    }
  })
  router.afterEach((_, __, failure) => {
    if (!failure) chunkFailure.value = undefined
  })
  return router
}
