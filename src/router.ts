import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type Router,
} from 'vue-router'
import { getActivePinia } from 'pinia'
import StartView from './views/StartView.vue'
import NotFoundView from './views/NotFoundView.vue'
import type { useWorkbookStore } from './stores/workbook'
import { loadMarkdown } from './composables/useMarkdown'
import { prepareDateFormats } from './components/labels'

/**
 * The workbook's screens (and its store, with the outline and the editors) are one lazy chunk, off
 * the start page's first load: fetched once the start page has painted, or with the workbook.
 */
const screens = () => import('./views/workbook-screens')
/** The workbook store's module: the guard needs it for any route with a workbook. */
const workbookStore = () => import('./stores/workbook').then(({ useWorkbookStore }) => useWorkbookStore())
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
    meta: { workbookScreens: true },
    component: () => screens().then((m) => m.WorkbookView),
    children: [
      { path: '', name: 'workbook', component: () => screens().then((m) => m.WorkbookOverviewView) },
      {
        path: 'sections/:sectionId',
        name: 'section',
        component: () => screens().then((m) => m.SectionView),
        props: true,
      },
      {
        path: 'questions/:questionId',
        name: 'question',
        component: () => screens().then((m) => m.QuestionView),
        props: true,
      },
      { path: 'conclusions', name: 'conclusions', component: () => screens().then((m) => m.ConclusionsView) },
      { path: 'facts', name: 'facts', component: () => screens().then((m) => m.FactsView) },
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
export function resumeRoute(
  workbook: ReturnType<typeof useWorkbookStore>,
  workbookId: string,
): RouteLocationRaw | undefined {
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
  const { workbookId } = to.params
  if (typeof workbookId !== 'string') {
    // Only a workbook store that exists can have work to save (the start page never loads it).
    if (to.name === 'start' && getActivePinia()?.state.value.workbook) await (await workbookStore()).close()
    return true
  }
  // The screens' chunk comes with the store's, and the Markdown renderer starts loading beside them;
  // the workbook starts opening once the shell can paint.
  if (to.meta.workbookScreens) void loadMarkdown().catch(() => undefined)
  const [workbook] = await Promise.all([workbookStore(), to.meta.workbookScreens ? screens() : undefined])
  void workbook.open(workbookId)
  return (to.name === 'workbook' && resumeRoute(workbook, workbookId)) || true
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
  // Once the first screen has painted, fetch the workbook's screens (and make the date formats
  // they show) while the student reads it.
  if (typeof requestIdleCallback === 'function') {
    void router.isReady().then(() =>
      requestIdleCallback(() => {
        prepareDateFormats()
        void screens().catch(() => undefined)
      }),
    )
  }
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
