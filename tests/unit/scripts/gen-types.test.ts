import { describe, expect, it } from 'vitest'
import { generateFiles } from '../../../scripts/gen-types.ts'
import { readRepoFile } from '../helpers.ts'

describe('scripts/gen-types', () => {
  it('has committed exactly the types and validators the schemas generate', async () => {
    const files = await generateFiles()
    expect(Object.keys(files).length).toBe(6)
    for (const [path, content] of Object.entries(files)) {
      expect(readRepoFile(path), `${path} is out of date: run npm run gen:types`).toBe(content)
    }
  })

  it('generates validators that never compile code at run time', async () => {
    const files = await generateFiles()
    for (const [path, content] of Object.entries(files)) {
      if (path.endsWith('.js')) expect(content).not.toMatch(/new Function|eval\(|require\(/)
    }
  })
})
