/** The banner that says answers are being tried, by its element id: focus moves there after "Try it". */
export const hypotheticalBannerId = 'hypothetical-banner'

/** Moves focus to the banner once it has rendered, so the student (and a screen reader) learns what changed. */
export function focusHypotheticalBanner(): void {
  if (typeof document === 'undefined' || typeof requestAnimationFrame !== 'function') return
  requestAnimationFrame(() => document.getElementById(hypotheticalBannerId)?.focus())
}
