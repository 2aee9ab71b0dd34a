import { onBeforeUnmount, onMounted } from 'vue'
import { reportCss } from '@/report/style'
import '@/styles/report-screen.css'

/**
 * The styles of a report shown on screen, for the component's life: the report's own stylesheet
 * (the one the downloaded HTML carries) and the paper-and-bar layout around it.
 *
 * The report's stylesheet is adopted rather than put in a `<style>` element: the app's
 * Content-Security-Policy allows no inline styles, and constructed stylesheets are not inline markup.
 */
export function useReportStyles(): void {
  let sheet: CSSStyleSheet | undefined
  onMounted(() => {
    const supported =
      typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype && Array.isArray(document.adoptedStyleSheets)
    if (!supported) return
    sheet = new CSSStyleSheet()
    sheet.replaceSync(reportCss)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  })
  onBeforeUnmount(() => {
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
  })
}
