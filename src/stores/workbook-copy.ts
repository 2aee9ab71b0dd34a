/**
 * Keeping a workbook's work as a new workbook beside it: what the workbook store does when two
 * tabs disagree (see keepAsCopy, loadNewer, recoverOutdated there).
 */
import type { CompiledRulebook } from '@/engine/compile'
import { evaluate } from '@/engine/evaluate'
import type { Session } from '@/engine/generated/session'
import { newWorkbookId, RECORD_VERSION, summarizeWorkbook } from '@/persistence/records'
import { storage } from '@/persistence/storage'

/** Stores `source` as a new workbook titled with `note`; returns its id, title and revision. */
export async function storeWorkbookCopy(
  book: CompiledRulebook,
  source: Session,
  note: string,
): Promise<{ id: string; title: string; revision: number }> {
  const id = newWorkbookId()
  const title = `${source.title || 'Untitled workbook'} (${note})`.slice(0, 200)
  const copy: Session = { ...source, id, title }
  const revision = await storage.putWorkbook({
    version: RECORD_VERSION,
    id,
    session: copy,
    summary: summarizeWorkbook(id, copy, book.rulebook, evaluate(book, copy).progress),
  })
  return { id, title, revision }
}
