import { describe, expect, it } from 'vitest'
import { exportFileName, readFileText, sessionToJson } from '@/persistence/files'

describe('persistence/files', () => {
  it.each([
    ['Dock strike — draft 2', 'dock-strike-draft-2.casework.json'],
    ['Émile’s workbook', 'emile-s-workbook.casework.json'],
    ['', 'workbook.casework.json'],
  ])('names the export of %j as %s', (title, name) => {
    expect(exportFileName(title)).toBe(name)
  })

  it('exports a session as indented JSON', () => {
    expect(sessionToJson({ format: 'casework-session/1' } as never)).toBe(
      '{\n  "format": "casework-session/1"\n}\n',
    )
  })

  it('reads a picked file as text', async () => {
    expect(await readFileText(new Blob(['id: x']))).toBe('id: x')
  })
})
