/**
 * The modules a benchmark times, bundled by Vite as the app and the CLI are, then imported. Run
 * through tsx instead, every nested function would be wrapped in a naming helper on each call (tsx
 * keeps function names): `load + validate` at 10,000 questions measured 1.5 s that way, 0.94 s as
 * built. Entries share chunks, so the modules they have in common are one instance.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('../../', import.meta.url))

export async function importBuilt<T extends Record<string, unknown>>(entries: { [K in keyof T]: string }): Promise<T> {
  // Inside the repository, so that the bundle's imports of dependencies resolve to node_modules.
  const outDir = join(root, 'node_modules', '.cache', 'casework-bench', String(process.pid))
  mkdirSync(outDir, { recursive: true })
  // Kept while the benchmark runs (a bundle may import a chunk late), removed when it ends.
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    resolve: { alias: { '@': join(root, 'src') } },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(root, path as string)])),
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  })
  const loaded = await Promise.all(Object.keys(entries).map(async (name) => [name, await import(pathToFileURL(join(outDir, `${name}.js`)).href)]))
  return Object.fromEntries(loaded) as T
}
