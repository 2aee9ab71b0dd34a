/** The words (and symbols) the UI uses for statuses, in one place so every screen says the same. */
import type { Certainty, ConclusionKind } from '@/engine/generated/rulebook'
import type { ConclusionStatus, QuestionStatus } from '@/engine/walk'

/** The tones a badge can take; each pairs a colour with words and a symbol. */
export type BadgeTone = 'good' | 'warn' | 'bad' | 'quiet' | 'info' | 'wait'

interface StatusLabel {
  text: string
  symbol: string
  tone: BadgeTone
}

export const questionStatusLabels: Record<QuestionStatus, StatusLabel> = {
  'to-answer': { text: 'To answer', symbol: '○', tone: 'info' },
  answered: { text: 'Answered', symbol: '✓', tone: 'good' },
  skipped: { text: 'Skipped', symbol: '↷', tone: 'quiet' },
  stale: { text: 'Stale', symbol: '⚠', tone: 'warn' },
  waiting: { text: 'Waiting', symbol: '…', tone: 'wait' },
}

export const conclusionStatusLabels: Record<ConclusionStatus, StatusLabel> = {
  holds: { text: 'Holds', symbol: '✓', tone: 'good' },
  fails: { text: 'Fails', symbol: '✗', tone: 'bad' },
  undetermined: { text: 'Undetermined', symbol: '?', tone: 'quiet' },
}

export const conclusionKindLabels: Record<ConclusionKind, string> = {
  lawful: 'Lawful',
  unlawful: 'Unlawful',
  'open-question': 'Open question',
  finding: 'Finding',
}

export const certaintyLabels: Record<Certainty, StatusLabel> = {
  confirmed: { text: 'Confirmed', symbol: '●', tone: 'good' },
  reported: { text: 'Reported', symbol: '◐', tone: 'info' },
  disputed: { text: 'Disputed', symbol: '◆', tone: 'warn' },
  unknown: { text: 'Unknown', symbol: '?', tone: 'quiet' },
}

/** "3 minutes ago", "yesterday", or a date: when a workbook was last edited. */
export function formatWhen(iso: string, now = Date.now()): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return ''
  const seconds = Math.round((now - then) / 1000)
  if (seconds < 45) return 'just now'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`
  const days = Math.round(hours / 24)
  if (days === 1) return 'yesterday'
  if (days < 7) return `${days} days ago`
  return formatters().date.format(then)
}

/** A full date and time, for a tooltip or a `<time>`'s text. */
export function formatDateTime(iso: string): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  return formatters().dateTime.format(then)
}

let made: { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat } | undefined
/**
 * The student's locale's date formats, made once: making one loads the locale's data, which takes
 * tens of milliseconds the first time (and a fraction of one each time after, were they remade).
 */
function formatters() {
  return (made ??= {
    date: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
    dateTime: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
  })
}

/** Makes the date formats ahead, while the page is idle, so the first date shown does not wait for them. */
export function prepareDateFormats(): void {
  formatters()
}
