// A fresh in-memory IndexedDB for every test file, so persistence runs as in a browser.
import 'fake-indexeddb/auto'
