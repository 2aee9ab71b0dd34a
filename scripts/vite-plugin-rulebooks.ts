/**
 * Serves the rulebooks in rules/ to the app as the virtual module `virtual:shipped-rulebooks`,
 * parsed and validated at build time: a shipped rulebook with an error fails the build, and the
 * student's bundle needs neither the YAML parser nor the validator. The module lists each
 * rulebook's metadata; the content is a JSON file fetched when a workbook opens it, so the
 * flagship (larger than the rest of the student's path) is data, not JavaScript.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { loadRulebook } from '../src/engine/load.ts'
import { contentHash } from '../src/engine/hash.ts'
import { formatProblem, hasErrors } from '../src/engine/problems.ts'
import { rulebookMeta } from '../src/engine/meta.ts'

const virtualId = 'virtual:shipped-rulebooks'
const resolvedId = '\0' + virtualId
const devPrefix = '/@casework/rulebooks/'

/** The rulebook files shipped with the app, in a stable order (the flagship first). */
export function shippedRulebookFiles(rulesDir: string): string[] {
  const files = readdirSync(rulesDir).filter((name) => /\.(ya?ml|json)$/.test(name))
  const flagship = 'venezuela-dock-strike.yaml'
  return files.sort((a, b) => Number(b === flagship) - Number(a === flagship) || a.localeCompare(b))
}

export function shippedRulebooks(rulesDir = resolve('rules'), options: { none?: boolean } = {}): Plugin {
  let building = false
  /** In development the JSON is served from memory. */
  const served = new Map<string, string>()
  return {
    name: 'casework:shipped-rulebooks',
    configResolved(config) {
      building = config.command === 'build'
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const json = request.url?.startsWith(devPrefix) ? served.get(request.url.slice(devPrefix.length)) : undefined
        if (json === undefined) return next()
        response.setHeader('Content-Type', 'application/json')
        response.end(json)
      })
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined
    },
    load(id) {
      if (id !== resolvedId) return undefined
      if (options.none) return 'export default []'
      const entries = shippedRulebookFiles(rulesDir).map((name) => {
        const path = join(rulesDir, name)
        this.addWatchFile(path)
        const { rulebook, problems } = loadRulebook(readFileSync(path, 'utf8'), `rules/${name}`)
        if (!rulebook || hasErrors(problems)) {
          this.error(`A shipped rulebook has errors:\n${problems.map(formatProblem).join('\n')}`)
        }
        const hash = contentHash(rulebook)
        const json = JSON.stringify(rulebook)
        let url: string
        if (building) {
          const reference = this.emitFile({ type: 'asset', name: `${rulebook.id}.json`, source: json })
          url = `import.meta.ROLLUP_FILE_URL_${reference}`
        } else {
          served.set(`${rulebook.id}-${hash}.json`, json)
          url = JSON.stringify(`${devPrefix}${rulebook.id}-${hash}.json`)
        }
        const fields = JSON.stringify({ file: `rules/${name}`, contentHash: hash, meta: rulebookMeta(rulebook) })
        return `{ ...${fields}, url: ${url} }`
      })
      return `export default [\n${entries.join(',\n')}\n]`
    },
  }
}
