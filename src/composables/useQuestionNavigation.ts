import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useRouter } from 'vue-router'
import type { CompiledRulebook } from '@/engine/compile'

/**
 * The asked questions before and after a question, in rulebook order. The question itself may be
 * skipped or stale (the student got there from the outline); its neighbours are asked ones.
 */
export function neighbours(
  compiled: CompiledRulebook | undefined,
  asked: readonly string[],
  questionId: string | undefined,
): { previous: string | undefined; next: string | undefined } {
  if (!compiled) return { previous: undefined, next: undefined }
  if (questionId === undefined) return { previous: undefined, next: asked[0] }
  const here = compiled.questionIndex.get(questionId) ?? -1
  const position = (id: string) => compiled.questionIndex.get(id) ?? -1
  let previous: string | undefined
  for (const id of asked) if (position(id) < here) previous = id
  return { previous, next: asked.find((id) => position(id) > here) }
}

/** Next / previous for the keyboard shortcuts. */
export function useQuestionNavigation(options: {
  workbookId: MaybeRefOrGetter<string | undefined>
  compiled: MaybeRefOrGetter<CompiledRulebook | undefined>
  asked: MaybeRefOrGetter<readonly string[]>
  current: MaybeRefOrGetter<string | undefined>
}) {
  const router = useRouter()
  const around = computed(() =>
    neighbours(toValue(options.compiled), toValue(options.asked), toValue(options.current)),
  )
  function go(questionId: string | undefined) {
    const workbookId = toValue(options.workbookId)
    if (questionId && workbookId) void router.push({ name: 'question', params: { workbookId, questionId } })
  }
  return {
    around,
    next: () => go(around.value.next),
    previous: () => go(around.value.previous),
  }
}
