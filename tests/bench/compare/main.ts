/**
 * The page `npm run bench:browser` measures SurveyJS on: a file picker, then SurveyJS's Vue 3 UI on
 * the survey the file holds (as compare/survey-json.ts writes it), as a student who opens a file
 * would see it. Built by the benchmark into a folder of its own; never part of the app.
 */
import { createApp, defineComponent, h, shallowRef } from 'vue'
import { Model } from 'survey-core'
import { SurveyComponent } from 'survey-vue3-ui'
import 'survey-core/survey-core.css'

const Page = defineComponent(() => {
  const survey = shallowRef<Model>()
  async function open(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0]
    if (file) survey.value = new Model(JSON.parse(await file.text()))
  }
  return () =>
    survey.value
      ? h(SurveyComponent, { model: survey.value })
      : h('label', ['Choose a survey… ', h('input', { type: 'file', accept: '.json', onChange: open })])
})

createApp(Page).mount('#app')
