import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'
import { describe, expect, it } from 'vitest'
import { manifestSchemaFiles, scormManifest } from '@/lms/manifest'

const schemaDir = new URL('../../../schemas/scorm2004/', import.meta.url)
const schemas = manifestSchemaFiles.map((fileName) => ({ fileName, contents: readFileSync(new URL(fileName, schemaDir), 'utf8') }))

/** One schema importing every namespace a manifest uses, so elements of each are checked strictly. */
const wrapper = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="imscp_v1p1.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_v1p3" schemaLocation="adlcp_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlseq_v1p3" schemaLocation="adlseq_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlnav_v1p3" schemaLocation="adlnav_v1p3.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"/>
</xs:schema>`

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'all.xsd', contents: wrapper }],
    preload: schemas,
  })
}

const input = {
  rulebookId: 'venezuela-dock-strike',
  version: '1.1.0',
  title: 'Force, consent & covert authority: "the strikes" <2025>',
  launch: 'index.html',
  files: ['index.html', 'assets/app-1.js', 'rulebook.json', 'casework-package.json'],
}

describe('lms/manifest', () => {
  it('writes a manifest valid against the SCORM 2004 4th edition schemas', async () => {
    const result = await validate(scormManifest(input))
    expect(result.errors).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('declares SCORM 2004 4th edition, one SCO launched at index.html, and lists every file', () => {
    const xml = scormManifest(input)
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>')
    expect(xml.match(/adlcp:scormType="sco"/g)).toHaveLength(1)
    expect(xml).toContain('href="index.html">')
    for (const file of input.files) expect(xml).toContain(`<file href="${file}"/>`)
  })

  it('escapes the title, so a rulebook cannot break the XML', async () => {
    const xml = scormManifest(input)
    expect(xml).toContain('Force, consent &#38; covert authority: &#34;the strikes&#34; &#60;2025&#62;')
    expect((await validate(xml)).valid).toBe(true)
  })

  it('is caught by the schema check when a required element is missing', async () => {
    const broken = scormManifest(input).replace(/<organizations[\s\S]*<\/organizations>/, '')
    expect((await validate(broken)).valid).toBe(false)
  })
})
