/**
 * Builds an LMS package off the main thread: fetching the packaged app and zipping it never
 * freezes the page (components/lms/LmsPackageDialog.vue starts one per package).
 */
import { fetchScormPackage } from '@/lms/fetch-package'
import type { PackageRequest, PackageResponse } from './package-protocol'

self.onmessage = async (event: MessageEvent<PackageRequest>) => {
  const { rulebook, file, choice, base } = event.data
  let response: PackageResponse
  try {
    response = await fetchScormPackage(rulebook, file, choice, base)
  } catch {
    response = { ok: false, error: 'The package could not be built.' }
  }
  if (response.ok) self.postMessage(response, { transfer: [response.value.zip.buffer] })
  else self.postMessage(response)
}
