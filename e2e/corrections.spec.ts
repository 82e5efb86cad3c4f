import { expect, test } from '@playwright/test';
import { classifyAndPublish, newSession, openDeskArticle, selectWords, signInAs } from './support/desk';

const WRONG = '695 council seats and nine councils';
const RIGHT = '842 council seats and 11 councils';

test.describe('a correction from the desk to the reader', () => {
  // Each test is a whole desk flow across two or three signed-in browsers (20–25 s on an idle
  // two-core machine since editions are chosen, previewed and confirmed): time for that, not for waiting.
  test.describe.configure({ timeout: 90_000 });
  test('the whole story: select, draft in amend mode, publish as standards, read, and survive a later edit', async ({ page, browser }) => {
    // The editor selects the wrong words and drafts an amending correction.
    await signInAs(page, 'editor');
    const articleId = await openDeskArticle(page, 'What the county count means');
    await selectWords(page, WRONG);
    await expect(page.getByText(`Selected: “${WRONG}”`)).toBeVisible();
    await page.getByRole('button', { name: 'Add correction' }).click();
    await expect(page.getByRole('heading', { name: 'New correction' })).toBeVisible();
    await expect(page.locator('.correction-form mark')).toHaveText(WRONG);
    // Notice only (the default) replaces no words: the replacement field appears with Amend.
    await expect(page.getByLabel('Replacement words for claim 1 (to amend the text)')).toBeHidden();
    await page.getByLabel('Kind').selectOption('correction');
    await page.getByRole('radio', { name: /^Amend/ }).check();
    await page.getByLabel('Replacement words for claim 1 (to amend the text)').fill(RIGHT);
    await page.getByLabel('Public wording').fill('They actually lost 842 council seats and 11 councils.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();
    const correctionUrl = page.url();

    // The editor cannot publish it.
    await expect(page.getByRole('button', { name: /Publish/ })).toHaveCount(0);
    await expect(page.getByText('A standards editor publishes this draft.')).toBeVisible();

    // The standards editor publishes it.
    const standards = await newSession(browser, 'standards');
    await standards.page.goto(correctionUrl);
    // The confirming step shows exactly what readers will see.
    await standards.page.getByText('Publish correction…').click();
    const preview = standards.page.getByRole('region', { name: 'What readers will see' });
    await expect(preview.locator('.notice-preview')).toContainText('This article was amended on');
    await expect(preview.locator('.notice-preview')).toContainText('They actually lost 842 council seats and 11 councils.');
    await expect(preview).toContainText(`“${WRONG}” becomes “${RIGHT}”`);
    await classifyAndPublish(standards.page);
    await expect(standards.page.getByRole('heading', { name: 'Correction (published)' })).toBeVisible();
    // Its desk page says how it was classified and how long the wrong words were public (since 2 November).
    const standardsView = standards.page.getByRole('region', { name: 'Standards', exact: true });
    await expect(standardsView).toContainText('Number');
    await expect(standardsView).toContainText('Reporting');
    await expect(standardsView).toContainText(/Inaccurate for \d+ days?/);

    // The reader sees the corrected words marked, and the notice.
    const reader = await browser.newPage();
    await reader.goto('/articles/county-council-count');
    await expect(reader.locator('.article-body')).toContainText(RIGHT);
    await expect(reader.locator('mark.claim')).toHaveText(RIGHT);
    const notice = reader.getByRole('region', { name: 'Corrections and clarifications' });
    await expect(notice).toContainText('This article was amended on');
    await expect(notice).toContainText('They actually lost 842 council seats and 11 councils.');
    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd.correction.map((c: { text: string }) => c.text).join(' ')).toContain('842 council seats and 11 councils');
    expect(jsonLd.dateModified).not.toBe(jsonLd.datePublished);

    // The history shows the new version; /corrections lists the correction.
    await reader.goto('/articles/county-council-count/history');
    await expect(reader.getByRole('heading', { name: 'Version 2 (current)' })).toBeVisible();
    await expect(reader.locator('#version-2')).toContainText('Correction');
    await reader.goto('/corrections?section=Politics');
    await expect(reader.locator('.correction-list')).toContainText('What the county count means');
    await expect(reader.locator('.correction-list')).toContainText(WRONG);

    // A later, unrelated edit above the claim: the mark still lands on the right words.
    await page.goto(`/desk/articles/${articleId}/edit`);
    const body = await page.getByLabel('Body').inputValue();
    await page.getByLabel('Body').fill(`A new opening paragraph mentions 842 council seats and 11 councils in passing.\n\n${body}`);
    await page.getByLabel('Kind of change').selectOption('update');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByText('Saved version 3.')).toBeVisible();
    await reader.goto('/articles/county-council-count');
    await expect(reader.locator('mark.claim')).toHaveCount(1);
    const marked = await reader.locator('mark.claim').evaluate((m) => m.closest('p')?.textContent ?? '');
    expect(marked).toContain('Across the county the Moorland Party lost');

    // Withdrawal keeps it visible, as withdrawn, with its reason.
    await standards.page.goto(correctionUrl);
    await standards.page.getByLabel('Public reason for withdrawing it').fill('The first count was right after all.');
    await standards.page.getByRole('button', { name: 'Withdraw correction' }).click();
    await expect(standards.page.getByText('Withdrawn: The first count was right after all.')).toBeVisible();
    await reader.goto('/articles/county-council-count');
    await expect(reader.getByRole('region', { name: 'Corrections and clarifications' })).toContainText('was withdrawn on');
    await expect(reader.getByRole('region', { name: 'Corrections and clarifications' })).toContainText('The first count was right after all.');
    await standards.context.close();
  });

  test('a claim can be picked without a mouse, by typing the words', async ({ page }) => {
    await signInAs(page, 'editor');
    await openDeskArticle(page, 'Alliance routed in local elections');
    await page.getByRole('link', { name: 'Add a correction by typing the words' }).click();
    await page.getByLabel('Type or paste the exact words that were wrong').fill('31 per cent');
    await page.keyboard.press('Enter');
    await expect(page.locator('.correction-form mark')).toHaveText('31 per cent');
    await page.getByLabel('Public wording').fill('Turnout was 29 per cent.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();
  });
});
