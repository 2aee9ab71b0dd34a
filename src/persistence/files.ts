/** Files the student takes away or brings in: a workbook exported as JSON, a file read as text. */
import { renderJson } from '@/report/render-json'

/** A file name from a workbook's title: letters, digits and hyphens only. */
export function exportFileName(title: string, extension = '.casework.json'): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return (base || 'workbook') + extension
}

/** The session as the JSON file `casework-session/1` describes (schemas/session.schema.json). */
export const sessionToJson = renderJson

/** Offers a file to download, without a server. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type }), fileName)
}

/** Offers any content to download, without a server. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Reads a file the student picked or dropped. */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsText(file)
  })
}
