/**
 * The workbook's screens, gathered so they load as one chunk (the router imports this lazily):
 * the start page's first load carries none of them.
 */
export { default as WorkbookView } from './WorkbookView.vue'
export { default as WorkbookOverviewView } from './WorkbookOverviewView.vue'
export { default as SectionView } from './SectionView.vue'
export { default as QuestionView } from './QuestionView.vue'
export { default as ConclusionsView } from './ConclusionsView.vue'
export { default as FactsView } from './FactsView.vue'
