/**
 * An honest record: a commit stays as it was committed, later changes show as revisions (here
 * and in the report), the review before hand-in names what is missing with links, and a change
 * that makes later work stale is told where it was made, with an undo.
 */
import { expect, test } from '@playwright/test'
import { outlineQuestion, startFlagshipWorkbook } from './helpers'

test('a commit is frozen: a later change is a revision, the comparison stays with what was committed, and the report shows both', async ({
  page,
}) => {
  await startFlagshipWorkbook(page)
  await page.getByRole('radio', { name: /^Yes, as conduct of US state organs/ }).check()
  await page.getByLabel('Conclusion', { exact: true }).fill('Conduct of the United States.')
  await page.getByRole('button', { name: 'Commit conclusion' }).click()
  const commit = page.getByRole('region', { name: 'Commit and compare' })
  const model = commit.getByRole('heading', { name: /Model answer/ })
  await expect(model).toBeVisible()
  const verdict = (await model.innerText()).includes('Same answer') ? 'Same answer as yours' : 'Different answer'

  // Revised after seeing the model answer: recorded, and the comparison does not move.
  await page.getByRole('radio', { name: /^Not established on the present record/ }).check()
  await page.getByLabel('Conclusion', { exact: true }).fill('Not established.')
  await expect(commit).toContainText('Revised after committing')
  await expect(commit).toContainText('Answer changed to “Not established on the present record')
  await expect(commit).toContainText('after the model answer was shown')
  await expect(model).toContainText(verdict)
  await expect(commit.getByRole('article', { name: 'Your conclusion as committed' })).toContainText(
    'Yes, as conduct of US state organs',
  )
  await expect(commit.getByRole('article', { name: 'Your conclusion as committed' })).toContainText(
    'Conduct of the United States.',
  )

  // It survives a reload.
  await page.waitForTimeout(600)
  await page.reload()
  await expect(page.getByRole('region', { name: 'Commit and compare' })).toContainText('Revised after committing')

  // The report: the review names it, with a link, and the question shows the commit and the revision.
  await page.getByRole('link', { name: 'Report', exact: true }).click()
  const review = page.getByRole('region', { name: 'Before you hand in' })
  await expect(review.getByRole('heading', { name: /Revised after the model answer was revealed \(1\)/ })).toBeVisible()
  const paper = page.locator('.casework-report')
  await expect(paper.getByRole('heading', { name: 'Review' })).toBeVisible()
  await expect(paper).toContainText('Revised after the model answer was revealed (1)')
  await expect(paper).toContainText(/As committed on .*: Yes, as conduct of US state organs/)
  await expect(paper).toContainText(/Revised on .*, after the model answer was revealed: Not established on the present record/)
  await review.getByRole('link', { name: /^Q1 / }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Q1.')
})

test('the review before hand-in lists unanswered, unreasoned and uncommitted work, each a link', async ({ page }) => {
  await startFlagshipWorkbook(page)
  await page.getByRole('radio', { name: /^Yes, as conduct of US state organs/ }).check()
  await expect(page.getByRole('banner')).toContainText('0 reasoned')
  await page.getByRole('link', { name: 'Report', exact: true }).click()
  const review = page.getByRole('region', { name: 'Before you hand in' })
  await expect(review).toContainText(/1 of \d+ questions answered, 0 with reasoning, 0 committed/)
  await expect(review.getByRole('heading', { name: 'Answered without reasoning (1)' })).toBeVisible()
  await expect(review.getByRole('heading', { name: 'Answered and not committed (1)' })).toBeVisible()
  await expect(review.getByRole('heading', { name: /^Not answered \(\d+\)$/ })).toBeVisible()
  await review
    .getByRole('list')
    .filter({ has: page.getByRole('link', { name: /^Q1 / }) })
    .first()
    .getByRole('link', { name: /^Q1 / })
    .click()
  await expect(page).toHaveURL(/\/questions\/attribution-conduct$/)
  await page.getByLabel('Issue').fill('Whose conduct?')
  await page.getByRole('button', { name: 'Commit conclusion' }).click()
  await page.getByRole('link', { name: 'Report', exact: true }).click()
  await expect(review).toContainText(/1 of \d+ questions answered, 1 with reasoning, 1 committed/)
  await expect(review.getByRole('heading', { name: /Answered without reasoning/ })).toHaveCount(0)
})

test('changing an answer says, where it was changed, what became stale and newly asked, and can be undone', async ({
  page,
}) => {
  await startFlagshipWorkbook(page)
  await outlineQuestion(page, 7).click()
  await page.getByRole('radio', { name: /^On Venezuela's land territory/ }).check()
  const notice = page.getByRole('status').filter({ hasText: 'Now also asked' })
  await expect(notice.getByRole('link', { name: /^Q8 / })).toBeVisible()
  await outlineQuestion(page, 8).click()
  await page.getByRole('radio', { name: 'Yes' }).check()
  await outlineQuestion(page, 7).click()

  await page.getByRole('radio', { name: /^On vessels beyond any State's territorial sea/ }).check()
  const stale = page.getByRole('status').filter({ hasText: 'stale' })
  await expect(stale).toContainText('Your change made the work on 1 question stale')
  await expect(stale.getByRole('link', { name: /^Q8 / })).toBeVisible()
  await stale.getByRole('button', { name: 'Undo the answer change' }).click()
  await expect(page.getByRole('radio', { name: /^On Venezuela's land territory/ })).toBeChecked()
  await expect(outlineQuestion(page, 8)).toContainText('Answered')
  await expect(stale).toHaveCount(0)
})
