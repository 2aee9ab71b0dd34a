/**
 * Builds the instructors' command line ahead of time into plain JavaScript for Node
 * (`dist-cli/casework.js`, CommonJS, run by bin/casework.js), so `casework` starts without
 * compiling TypeScript. The schemas and every dependency are bundled in: the packed tarball needs no
 * `npm install` of its own, and the CLI finds its schemas wherever it is installed.
 */
import { mkdirSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { reportFontSources } from './src/report/fonts.ts'

const require = createRequire(import.meta.url)

/** Copies the report's typefaces beside the CLI, so the standalone HTML report embeds them anywhere. */
function reportTypefaces(): Plugin {
  return {
    name: 'casework-report-typefaces',
    apply: 'build',
    closeBundle() {
      for (const source of reportFontSources) {
        const target = join('dist-cli', 'fonts', source.package, source.file)
        mkdirSync(dirname(target), { recursive: true })
        copyFileSync(require.resolve(`${source.package}/files/${source.file}`), target)
      }
    },
  }
}

/**
 * Marks dist-cli/ as CommonJS. The CLI is built as CommonJS rather than ES modules: Node loads it
 * with `require`, synchronously, without starting its ES module loader, whose start-up and
 * asynchronous reads of every chunk cost `casework validate` tens of milliseconds on a busy machine.
 */
function commonJsFolder(): Plugin {
  return {
    name: 'casework-cli-commonjs',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify({ type: 'commonjs' })}\n` })
    },
  }
}

export default defineConfig({
  // The CLI reads no public/ folder and serves nothing: keep the app's assets out of dist-cli/.
  publicDir: false,
  plugins: [reportTypefaces(), commonJsFolder()],
  resolve: {
    alias: [
      // `yaml`'s Node entry is CommonJS: bundled, its ~70 modules are wrapped and all run when the
      // CLI starts. Its ES module build (the one the app bundles; the same code, warnings through
      // `console` rather than `process.emitWarning`, and the engine sets them silent) is
      // tree-shaken and costs `casework validate` nothing to load beyond what it calls.
      { find: /^yaml$/, replacement: fileURLToPath(new URL('./node_modules/yaml/browser/dist/index.js', import.meta.url)) },
    ],
  },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    // Instructors read stack traces rarely, but a readable bundle makes bug reports usable.
    minify: false,
    rolldownOptions: {
      output: {
        // CommonJS (see `commonJsFolder`): the chunks that commands import when they run are
        // `require`d then.
        format: 'cjs',
        entryFileNames: 'casework.js',
        // Commands that need a big dependency (DOCX) import it when run: a chunk of its own.
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: {
    // Bundle every dependency, so the installed package needs nothing from the registry.
    noExternal: true,
    target: 'node',
  },
})
