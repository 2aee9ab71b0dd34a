/**
 * Starts the app packaged for an LMS (`vite build --mode lms`): one rulebook from the package, a
 * hash router (an LMS serves no fallback for deep links), and, when the LMS's SCORM API is found,
 * the student's workbook resumed from `cmi.suspend_data` and kept there after each save. Outside
 * an LMS the package runs as the ordinary app on its one rulebook.
 */
import { createApp, watch, type App } from 'vue'
import { createWebHashHistory } from 'vue-router'
import type { Pinia } from 'pinia'
import { createAppRouter } from '@/router'
import { parseSession } from '@/engine/session'
import type { Session } from '@/engine/generated/session'
import { sessionToJson } from '@/persistence/files'
import { storage } from '@/persistence/storage'
import { useLibraryStore } from '@/stores/library'
import { useRulebookStore, type LoadedRulebook } from '@/stores/rulebook'
import { useWorkbookStore } from '@/stores/workbook'
import LmsStatusNotice from './LmsStatusNotice.vue'
import { createLmsStatus, type LmsStatus } from './lms-status'
import { PACKAGE_CONFIG_FILE, parsePackageConfig, type PackageConfig } from './package-config'
import { lmsRecord } from './records'
import { createLmsWriter } from './runtime'
import { findScormApi, scormSession, type ScormSession } from './scorm-api'
import { unpackSession } from './suspend-data'

export async function startPackagedApp(app: App, pinia: Pinia): Promise<void> {
  const config = await readConfig()
  const rulebooks = useRulebookStore(pinia)
  rulebooks.setShipped(config ? [config.rulebook] : [])
  const router = createAppRouter(createWebHashHistory())
  app.use(router)
  const api = config ? findScormApi(window) : undefined
  if (!config || !api) {
    app.mount('#app')
    return
  }
  const status = createLmsStatus()
  mountNotice(status, pinia)
  const lms = scormSession(api)
  try {
    lms.initialize()
  } catch (error) {
    status.problem = 'lms-error'
    status.detail = String((error as Error).message)
    app.mount('#app')
    return
  }
  status.connected = true
  status.learnerName = lms.get('cmi.learner_name')
  const loaded = await rulebooks.loadShipped(rulebooks.shipped[0]!)
  const workbookId = await resumeOrStart(lms, loaded, config, status)
  if (workbookId) await router.replace({ name: 'workbook', params: { workbookId } })
  app.mount('#app')
  keepInLms(lms, status, pinia, localKey(config, lms))
}

async function readConfig(): Promise<PackageConfig | undefined> {
  try {
    const response = await fetch(`./${PACKAGE_CONFIG_FILE}`)
    return response.ok ? parsePackageConfig(await response.json()) : undefined
  } catch {
    return undefined
  }
}

function localKey(config: PackageConfig, lms: ScormSession): string {
  return `casework:lms:${config.rulebook.meta?.id ?? config.rulebook.file}:${lms.get('cmi.learner_id')}`
}

/** The workbook to open: the newer of the LMS's copy and this browser's, or a new one. */
async function resumeOrStart(
  lms: ScormSession,
  loaded: LoadedRulebook,
  config: PackageConfig,
  status: LmsStatus,
): Promise<string | undefined> {
  const key = localKey(config, lms)
  const fromLms = readSuspended(lms.get('cmi.suspend_data'))
  const localId = fromLms?.id ?? localStorage.getItem(key) ?? undefined
  const local = localId ? await storage.getWorkbook(localId).catch(() => undefined) : undefined
  if (fromLms?.id && (!local || local.session.updatedAt < fromLms.updatedAt)) {
    const library = useLibraryStore()
    const id = await library.restore(loaded, fromLms as Session & { id: string })
    localStorage.setItem(key, id)
    return id
  }
  if (local) return local.id
  const scenario = config.scenario ?? (loaded.rulebook.scenarios.length === 1 ? loaded.rulebook.scenarios[0]!.id : undefined)
  // The instructor let students choose: the start page offers the scenarios, and the workbook
  // they start is kept in the LMS from its first save.
  if (!scenario) return undefined
  const id = await useLibraryStore().create(loaded, {
    scenarioId: scenario,
    title: loaded.rulebook.title,
    studentName: status.learnerName,
  })
  localStorage.setItem(key, id)
  return id
}

function readSuspended(data: string): Session | undefined {
  const json = data ? unpackSession(data) : undefined
  if (!json) return undefined
  const { session } = parseSession(json, 'cmi.suspend_data')
  return session
}

/** After every local save, the same work goes to the LMS; on leaving, a last write and Terminate. */
function keepInLms(lms: ScormSession, status: LmsStatus, pinia: Pinia, key: string): void {
  const workbook = useWorkbookStore(pinia)
  const writer = createLmsWriter(lms)
  let terminated = false

  function write(): void {
    const session = workbook.session
    if (terminated || !session || !workbook.id || !workbook.rulebook) return
    localStorage.setItem(key, workbook.id)
    try {
      const result = writer.write(sessionToJson({ ...session, id: workbook.id }), lmsRecord(workbook.rulebook, session, workbook.walk))
      status.problem = result.ok ? undefined : 'too-large'
      status.detail = result.ok ? '' : String(result.length)
      status.lastCommittedAt = new Date().toISOString()
    } catch (error) {
      status.problem = 'lms-error'
      status.detail = (error as Error).message
    }
  }

  watch(() => workbook.lastSavedAt, write)
  // A workbook opened (or started from the start page) is written at once, before any edit.
  watch(() => workbook.loadState, (state) => state === 'ready' && write())

  function finish(): void {
    if (terminated) return
    void workbook.flush()
    write()
    terminated = true
    try {
      lms.terminate()
    } catch {
      // The page is going away: nothing left to tell the student.
    }
  }
  window.addEventListener('pagehide', finish)
}

function mountNotice(status: LmsStatus, pinia: Pinia): void {
  const host = document.createElement('div')
  host.id = 'lms-status'
  document.body.prepend(host)
  const notice = createApp(LmsStatusNotice, { status })
  notice.use(pinia)
  notice.mount(host)
}
