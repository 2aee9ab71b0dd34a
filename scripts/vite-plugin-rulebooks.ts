/**
 * Serves the rulebooks in rules/ to the app as the virtual module `virtual:shipped-rulebooks`,
 * already parsed and validated at build time: the student's bundle then needs neither the YAML
 * parser nor the validator, and a shipped rulebook with an error fails the build.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { loadRulebook } from '../src/engine/load.ts'
import { contentHash } from '../src/engine/hash.ts'
import { formatProblem, hasErrors } from '../src/engine/problems.ts'

const virtualId = 'virtual:shipped-rulebooks'
const resolvedId = '\0' + virtualId

/** The rulebook files shipped with the app, in a stable order (the flagship first). */
export function shippedRulebookFiles(rulesDir: string): string[] {
  const files = readdirSync(rulesDir).filter((name) => /\.(ya?ml|json)$/.test(name))
  const flagship = 'venezuela-dock-strike.yaml'
  return files.sort((a, b) => Number(b === flagship) - Number(a === flagship) || a.localeCompare(b))
}

export function shippedRulebooks(rulesDir = resolve('rules')): Plugin {
  return {
    name: 'casework:shipped-rulebooks',
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined
    },
    load(id) {
      if (id !== resolvedId) return undefined
      const shipped = shippedRulebookFiles(rulesDir).map((name) => {
        const path = join(rulesDir, name)
        this.addWatchFile(path)
        const { rulebook, problems } = loadRulebook(readFileSync(path, 'utf8'), `rules/${name}`)
        if (!rulebook || hasErrors(problems)) {
          this.error(`A shipped rulebook has errors:\n${problems.map(formatProblem).join('\n')}`)
        }
        return { file: `rules/${name}`, rulebook, contentHash: contentHash(rulebook) }
      })
      return `export default ${JSON.stringify(shipped)}`
    },
  }
}
