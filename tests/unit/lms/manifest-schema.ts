/** Validates an `imsmanifest.xml` against ADL's SCORM 2004 4th edition schemas (schemas/scorm2004/). */
import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'
import { manifestSchemaFiles } from '../../../src/lms/manifest.ts'

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

export async function validateManifest(xml: string) {
  return validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'all.xsd', contents: wrapper }],
    preload: schemas,
  })
}
