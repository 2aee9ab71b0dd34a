import { describe, expect, it } from 'vitest'
import { formatDateTime, formatWhen, questionStatusLabels } from '@/components/labels'

const now = Date.parse('2026-03-10T12:00:00.000Z')

describe('components/labels', () => {
  it.each([
    ['2026-03-10T11:59:50.000Z', 'just now'],
    ['2026-03-10T11:59:00.000Z', '1 minute ago'],
    ['2026-03-10T11:15:00.000Z', '45 minutes ago'],
    ['2026-03-10T09:00:00.000Z', '3 hours ago'],
    ['2026-03-09T10:00:00.000Z', 'yesterday'],
    ['2026-03-06T12:00:00.000Z', '4 days ago'],
  ])('says when %s was, in words: %s', (iso, words) => {
    expect(formatWhen(iso, now)).toBe(words)
  })

  it('gives older dates, and full dates and times, in the locale\'s words', () => {
    const date = (iso: string) => new Date(Date.parse(iso))
    expect(formatWhen('2026-02-01T12:00:00.000Z', now)).toBe(date('2026-02-01T12:00:00.000Z').toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }))
    expect(formatDateTime('2026-03-10T11:59:50.000Z')).toBe(date('2026-03-10T11:59:50.000Z').toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }))
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  it('names every question status in words, not colour alone', () => {
    expect(Object.values(questionStatusLabels).map((l) => l.text)).toEqual([
      'To answer',
      'Answered',
      'Skipped',
      'Stale',
      'Waiting',
    ])
  })
})
