/**
 * The studio's editor without the studio: CodeMirror with the same setup (src/studio/editor-setup.ts)
 * in a shadow root, as StudioEditor.vue mounts it, on a page of its own. `npm run bench:studio`
 * bundles this file and times typing into it: the floor that CodeMirror itself sets.
 */
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { editorSetup } from '../../src/studio/editor-setup'

declare global {
  interface Window {
    mountFloorEditor(host: HTMLElement, doc: string, line: number): void
  }
}

window.mountFloorEditor = (host, doc, line) => {
  const shadow = host.attachShadow({ mode: 'open' })
  const container = document.createElement('div')
  container.style.height = '100%'
  shadow.append(container)
  const view = new EditorView({
    parent: container,
    root: shadow,
    state: EditorState.create({
      doc,
      extensions: [
        editorSetup(),
        EditorView.theme({ '&': { height: '100%', fontSize: '0.9rem' }, '.cm-scroller': { fontFamily: 'monospace', lineHeight: '1.5' } }),
        EditorView.contentAttributes.of({ 'aria-label': 'Bare editor' }),
      ],
    }),
  })
  const at = view.state.doc.line(Math.min(line, view.state.doc.lines)).to
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) })
  view.focus()
}
