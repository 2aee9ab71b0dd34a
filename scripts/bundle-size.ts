/**
 * Measures the JavaScript the student's path loads: the entry chunk and every chunk it imports
 * statically (lazy chunks, such as the file loader or the DOCX export, are left out), gzipped.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

export interface BundleSize {
  files: { file: string; gzipped: number }[]
  totalGzipped: number
  lazyFiles: string[]
  /** Modules the student's path imports lazily (manifest keys, such as `src/views/ReportView.vue`). */
  dynamicImports: string[]
}

/**
 * The JavaScript files loaded for the given manifest keys (source paths of lazily imported
 * modules, such as `src/composables/markdown.ts`): their chunks and every chunk those import
 * statically, gzipped.
 */
export function measureLazyChunks(distDir: string, keys: readonly string[]): { file: string; gzipped: number }[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return
    seen.add(key)
    manifest[key].imports?.forEach(visit)
  }
  for (const key of keys) {
    if (!manifest[key]) throw new Error(`the build has no chunk for ${key}`)
    visit(key)
  }
  return [...seen]
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipped: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }))
}

export function measureStudentBundle(distDir: string): BundleSize {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)
  if (!entry) throw new Error('the build has no entry chunk')
  const eager = new Set<string>()
  const visit = (key: string) => {
    if (eager.has(key)) return
    eager.add(key)
    manifest[key]?.imports?.forEach(visit)
  }
  visit(entry[0])
  const files = [...eager]
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipped: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }))
  const lazyFiles = Object.entries(manifest)
    .filter(([key, chunk]) => !eager.has(key) && chunk.file.endsWith('.js'))
    .map(([, chunk]) => chunk.file)
  const dynamicImports = [...new Set([...eager].flatMap((key) => manifest[key]?.dynamicImports ?? []))]
  return { files, totalGzipped: files.reduce((sum, f) => sum + f.gzipped, 0), lazyFiles, dynamicImports }
}

if (process.argv[1]?.endsWith('bundle-size.ts')) {
  const { files, totalGzipped, lazyFiles } = measureStudentBundle('dist')
  for (const { file, gzipped } of files) console.log(`${(gzipped / 1024).toFixed(1).padStart(7)} KB  ${file}`)
  console.log(`${(totalGzipped / 1024).toFixed(1).padStart(7)} KB  on the student's path (gzipped); lazy: ${lazyFiles.join(', ')}`)
}
