import { describe, expect, it } from 'vitest'
import { scormManifest } from '@/lms/manifest'
import { validateManifest as validate } from './manifest-schema.ts'

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
