import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { manifestSchemaFiles } from '@/lms/manifest'
import { buildScormPackage, packageFileName, packageScenario, packagedAppFiles } from '@/lms/package'
import { PACKAGE_CONFIG_FILE, parsePackageConfig } from '@/lms/package-config'
import { parseLmsFilesList } from '@/lms/app-files'
import { loadRulebook } from '@/engine/load'
import { contentHash } from '@/engine/hash'
import { readRepoFile } from '../helpers.ts'
import { validateManifest } from './manifest-schema.ts'

const path = 'tests/fixtures/report/small-rulebook.yaml'
const { rulebook } = loadRulebook(readRepoFile(path), path)
if (!rulebook) throw new Error(`${path} has errors`)
const bytes = (text: string) => new TextEncoder().encode(text)
const app = new Map([
  ['index.html', bytes('<!doctype html><title>Casework</title>')],
  ['assets/index-1.js', bytes('console.log(1)')],
  ['.vite/manifest.json', bytes('{}')],
])
const schemaDir = new URL('../../../schemas/scorm2004/', import.meta.url)
const schemas = new Map(manifestSchemaFiles.map((name) => [name, new Uint8Array(readFileSync(new URL(name, schemaDir)))]))

function unzipped(choice: Parameters<typeof buildScormPackage>[2]) {
  const result = buildScormPackage(rulebook!, 'rules/small-rulebook.yaml', choice, { app, schemas })
  if (!result.ok) throw new Error(result.error)
  return { result: result.value, files: unzipSync(result.value.zip) }
}

describe('lms/package', () => {
  it('zips a manifest valid against the SCORM schemas, listing every file of the SCO, with the schemas beside it', async () => {
    const { files, result } = unzipped({ scenario: 'harbour' })
    const manifest = strFromU8(files['imsmanifest.xml']!)
    const validation = await validateManifest(manifest)
    expect(validation.errors).toEqual([])
    const sco = ['index.html', 'assets/index-1.js', 'rulebook.json', PACKAGE_CONFIG_FILE]
    for (const file of sco) expect(manifest).toContain(`<file href="${file}"/>`)
    expect(result.scoFiles).toBe(sco.length)
    expect(Object.keys(files).sort()).toEqual([...sco, 'imsmanifest.xml', ...manifestSchemaFiles].sort())
    // The build's own manifest is not for students.
    expect(files['.vite/manifest.json']).toBeUndefined()
  })

  it('carries the rulebook and a configuration the packaged app accepts, opening on the chosen scenario', () => {
    const { files } = unzipped({ scenario: 'harbour' })
    expect(JSON.parse(strFromU8(files['rulebook.json']!))).toEqual(rulebook)
    const config = parsePackageConfig(JSON.parse(strFromU8(files[PACKAGE_CONFIG_FILE]!)))
    expect(config).toMatchObject({
      scenario: 'harbour',
      rulebook: { file: 'small-rulebook.yaml', url: 'rulebook.json', contentHash: contentHash(rulebook!), meta: { id: rulebook!.id } },
    })
  })

  it('leaves the scenario to the student when asked, and opens on the first scenario by default', () => {
    const choose = unzipped({ chooseScenario: true })
    expect(choose.result.scenario).toBeUndefined()
    expect(parsePackageConfig(JSON.parse(strFromU8(choose.files[PACKAGE_CONFIG_FILE]!)))?.scenario).toBeUndefined()
    expect(unzipped({}).result.scenario).toBe(rulebook!.scenarios[0]!.id)
  })

  it('refuses an unknown scenario, both choices at once, a missing app and missing schemas, saying why', () => {
    expect(packageScenario(rulebook!, { scenario: 'nowhere' })).toEqual({ ok: false, error: expect.stringContaining('no scenario "nowhere"') })
    expect(packageScenario(rulebook!, { scenario: 'harbour', chooseScenario: true }).ok).toBe(false)
    const noApp = buildScormPackage(rulebook!, 'x.yaml', {}, { app: new Map(), schemas })
    expect(noApp).toEqual({ ok: false, error: expect.stringContaining('index.html') })
    const noSchemas = buildScormPackage(rulebook!, 'x.yaml', {}, { app, schemas: new Map() })
    expect(noSchemas).toEqual({ ok: false, error: expect.stringContaining('imscp_v1p1.xsd') })
    expect(packagedAppFiles(new Map([['a.js', bytes('')]]))).toBeUndefined()
  })

  it('names the file after the rulebook and its version', () => {
    expect(packageFileName({ id: 'venezuela-dock-strike', version: '1.1.0' })).toBe('venezuela-dock-strike-1.1.0-scorm2004.zip')
  })
})

describe('lms/app-files', () => {
  it('accepts the list the build writes and refuses paths that leave the folder', () => {
    const list = { format: 'casework-lms-files/1', app: ['index.html', 'assets/a-1.js'], schemas: ['xml.xsd'] }
    expect(parseLmsFilesList(list)).toEqual(list)
    for (const bad of ['../secret', 'a/../../b', '/etc/passwd', 'https://x.test/a.js', '']) {
      expect(parseLmsFilesList({ ...list, app: [bad] }), bad).toBeUndefined()
    }
    expect(parseLmsFilesList({ ...list, format: 'other' })).toBeUndefined()
  })
})
