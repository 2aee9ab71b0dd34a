/**
 * bin/casework.js started as an installed `casework` is, through its `#!` line: Node starts
 * without NODE_EXTRA_CA_CERTS, which Node 20 reads as it starts and the CLI never needs.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import packageJson from '../../../package.json' with { type: 'json' }
import { repoRoot } from '../helpers.ts'

const bin = join(repoRoot, 'bin/casework.js')
// A file that does not exist: Node warns on stderr when it reads the variable at start-up.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(repoRoot, 'no-such-certificates.pem') }
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: repoRoot, env, encoding: 'utf8' })

describe.skipIf(process.platform === 'win32')('the casework launcher', { timeout: 30_000 }, () => {
  it('starts Node without NODE_EXTRA_CA_CERTS, and works as before', () => {
    // The premise: Node reads the variable before any script runs, so only the launcher can spare it.
    const throughNode = run(process.execPath, [bin, '--version'])
    expect(throughNode.stderr).toContain('extra certs')
    const launched = run(bin, ['--version'])
    expect(launched.status).toBe(0)
    expect(launched.stdout.trim()).toBe(packageJson.version)
    expect(launched.stderr).toBe('')
    const validated = run(bin, ['validate', 'rules/soleimani-strike.yaml'])
    expect(validated.status).toBe(0)
    expect(validated.stdout).toContain('0 errors and 0 warnings')
  })
})
