/**
 * One `whatIf` call in a fresh process, as the CLI makes it: prints its milliseconds (the first
 * call pays for compiling the engine's code; no sums are reused). Spawned by explore.bench.ts to
 * take the median of cold calls. Usage: tsx whatif-once.ts flagship|large
 */
import { readFileSync } from 'node:fs'
import { loadRulebook } from '../../src/engine/load.ts'
import { compileRulebook } from '../../src/engine/compile.ts'
import { whatIf } from '../../src/engine/whatif.ts'
import { answerAll, generateRulebook } from './generate.ts'

const which = process.argv[2]
const flagshipFile = 'rules/venezuela-dock-strike.yaml'
const [compiled, session, conclusion] =
  which === 'large'
    ? (() => {
        const large = compileRulebook(generateRulebook(1000))
        return [large, { scenario: 'only', answers: answerAll(large.rulebook) }, 'c25'] as const
      })()
    : ([
        compileRulebook(loadRulebook(readFileSync(flagshipFile, 'utf8'), flagshipFile).rulebook!),
        JSON.parse(readFileSync('tests/fixtures/sessions/venezuela-dock-strike-complete.json', 'utf8')),
        'wrongful-act',
      ] as const)
const start = performance.now()
whatIf(compiled, session, { conclusion })
console.log((performance.now() - start).toFixed(2))
