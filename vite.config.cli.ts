/**
 * Builds the instructors' command line ahead of time into plain JavaScript for Node
 * (`dist-cli/casework.js`, run by bin/casework.js), so `casework` starts without compiling
 * TypeScript. The schemas and every dependency are bundled in: the packed tarball needs no
 * `npm install` of its own, and the CLI finds its schemas wherever it is installed.
 */
import { defineConfig } from 'vite'

export default defineConfig({
  // The CLI reads no public/ folder and serves nothing: keep the app's assets out of dist-cli/.
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    // Instructors read stack traces rarely, but a readable bundle makes bug reports usable.
    minify: false,
    rolldownOptions: {
      output: {
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
