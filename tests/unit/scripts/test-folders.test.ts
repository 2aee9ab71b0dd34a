import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Folders under tests/unit that hold test files, at any depth below them. */
function foldersWithTests(root: string): string[] {
  const holdsTests = (dir: string): boolean =>
    readdirSync(dir).some((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? holdsTests(path) : name.endsWith('.test.ts')
    })
  return readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory() && holdsTests(join(root, name)))
}

describe('the unit test configuration', () => {
  // A test folder that no Vitest project includes would pass by never running.
  it('runs every folder of unit tests in one of its projects', () => {
    const config = readFileSync('vitest.config.ts', 'utf8')
    const missing = foldersWithTests('tests/unit').filter((folder) => !config.includes(`'tests/unit/${folder}/**/*.test.ts'`))
    expect(missing).toEqual([])
  })

  it('has no test file loose at the top of tests/unit', () => {
    expect(readdirSync('tests/unit').filter((name) => name.endsWith('.test.ts'))).toEqual([])
  })
})
