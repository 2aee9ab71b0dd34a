/**
 * The `imsmanifest.xml` of a SCORM 2004 4th edition content package with one SCO: the workbook.
 * Pure; validated against ADL's schemas (schemas/scorm2004/) by the tests.
 */

/** The schema files a package carries beside its manifest (named in `xsi:schemaLocation`). */
export const manifestSchemaFiles = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
] as const

export interface ManifestInput {
  /** The rulebook's id and version make the manifest's identifier, so a new version is a new package. */
  rulebookId: string
  version: string
  title: string
  /** The launch page, relative to the package root. */
  launch: string
  /** Every file of the SCO, relative to the package root, with forward slashes. */
  files: readonly string[]
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** XML ids (xs:ID) must start with a letter and hold no spaces or most punctuation. */
function xmlId(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z_]/, 'x')
}

export function scormManifest(input: ManifestInput): string {
  const identifier = xmlId(`casework-${input.rulebookId}-${input.version}`)
  const title = escapeXml(input.title)
  const files = input.files.map((file) => `      <file href="${escapeXml(file)}"/>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="casework">
    <organization identifier="casework">
      <title>${title}</title>
      <item identifier="workbook" identifierref="workbook-sco">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="workbook-sco" type="webcontent" adlcp:scormType="sco" href="${escapeXml(input.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`
}
