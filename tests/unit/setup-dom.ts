// A fresh in-memory IndexedDB for every test file, so persistence runs as in a browser.
import 'fake-indexeddb/auto'
// The Markdown renderer is a lazy chunk in the app, which the workbook waits for before showing a
// question; components mounted on their own here get it loaded up front, as the workbook has it.
import { loadMarkdown } from '@/composables/useMarkdown'
await loadMarkdown()
