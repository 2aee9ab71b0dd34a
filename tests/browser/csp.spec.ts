/// <reference lib="dom" />
/**
 * The built app under `Content-Security-Policy: default-src 'self'; script-src 'self';
 * object-src 'none'; base-uri 'none'` (sent by `vite preview`, see vite.config.ts): a whole walk
 * with no policy violation and no console error.
 */
import { expect, test } from '@playwright/test'
import { outlineQuestion, startFlagshipWorkbook } from './helpers'

test('serves the policy and works under it without a single violation or console error', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })

  const response = await page.goto('/')
  expect(response?.headers()['content-security-policy']).toBe(
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'",
  )
  await startFlagshipWorkbook(page, 'Under CSP')
  await page.getByRole('radio').first().check()
  await page.getByLabel('Application').fill('Markdown with a [link](https://example.org), <b>raw HTML</b> and ![an image](https://example.org/x.png).')
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByRole('link', { name: 'link' })).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(page.getByRole('link', { name: 'link' })).toHaveAttribute('target', '_blank')
  await expect(page.getByText('<b>raw HTML</b>')).toBeVisible()
  await expect(page.locator('main img')).toHaveCount(0)
  await page.getByRole('button', { name: 'Commit conclusion' }).click()
  await outlineQuestion(page, 7).click()
  await page.getByRole('radio').first().check()
  await page.getByRole('link', { name: 'Conclusions', exact: true }).first().click()
  await expect(page.getByRole('heading', { name: 'Conclusions', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Report', exact: true }).click()
  await page.waitForLoadState('networkidle')
  await page.goto('/')
  await page.getByLabel('Choose a file…').setInputFiles('tests/fixtures/ui/broken-rulebook.yaml')
  await expect(page.getByText(/has 2 errors/)).toBeVisible()

  expect(errors).toEqual([])
})
