/**
 * Resolves once the next frame has been painted (at once where nothing paints, as in tests; after
 * 100 ms at most, as in a background tab, which paints no frames).
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve()
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0))
    setTimeout(resolve, 100)
  })
}
