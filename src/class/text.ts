/** Words the class summaries (Markdown, HTML) and the app share. */
import type { ClassQuestionFigures } from './model.ts'

/** `40%`, or `–` when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`
}

/** A student's name, or a stand-in when the file has none. */
export function studentName(name: string): string {
  return name.trim() || '(no name)'
}

/** Confidence, commitment, revision and staleness of one question's work, in lines. */
export function figures(s: ClassQuestionFigures): string[] {
  const c = s.confidence
  return [
    `Confidence: high ${c.high}, medium ${c.medium}, low ${c.low}, not given ${c.none}`,
    `Committed ${s.committed}; revised after the model answer ${s.revised}; stale ${s.stale}`,
  ]
}
