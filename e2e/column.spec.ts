import { expect, test } from '@playwright/test';
import { signInAs } from './support/desk';

test.describe('For the Record', () => {
  test('the standards editor generates, rewords and publishes an edition; notices name it; a second edition does not repeat it', async ({ page, browser }) => {
    await signInAs(page, 'standards');
    await page.goto('/desk/column');
    await page.getByLabel('Edition date').fill('2026-11-22');
    await page.getByRole('button', { name: 'Generate edition' }).click();
    await expect(page.getByRole('heading', { name: /For the Record, Sunday 22 November 2026 \(draft\)/ })).toBeVisible();

    const item = page.getByLabel(/^Item \d+ \(Politics\)$/).filter({ hasText: '695 council seats and nine councils' });
    await expect(item).toHaveCount(1);
    await item.fill('An article about the local elections (Politics, 1 November 2026) said the Harbour Alliance lost 695 council seats and nine councils. It lost 842 seats and 11 councils.');
    await page.getByLabel('Intro').fill('Corrections and clarifications from the past week.');
    await page.getByRole('button', { name: 'Save edition' }).click();
    await expect(page.getByText('Edition saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(page.getByRole('heading', { name: /\(published\)/ })).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto('/articles/local-elections-results');
    await expect(reader.getByRole('region', { name: 'Corrections and clarifications' })).toContainText(
      'The following correction was printed in the Saltmarsh Courier’s For the Record column, Sunday 22 November 2026.',
    );
    await reader.goto('/for-the-record/2026-11-22');
    await expect(reader.locator('.column-edition')).toContainText('It lost 842 seats and 11 councils.');
    await expect(reader.locator('.column-intro')).toHaveText('Corrections and clarifications from the past week.');
    const text = await (await reader.request.get('/for-the-record/2026-11-22.txt')).text();
    expect(text).toContain('FOR THE RECORD\nSunday 22 November 2026');
    expect(text).toContain('It lost 842 seats and 11 councils.');
    await reader.goto('/for-the-record');
    await expect(reader.getByRole('link', { name: 'Sunday 22 November 2026' })).toBeVisible();
    await reader.close();

    // The next edition gathers only what was not printed.
    await page.goto('/desk/column');
    await page.getByLabel('Edition date').fill('2026-11-29');
    await page.getByRole('button', { name: 'Generate edition' }).click();
    await expect(page.getByRole('heading', { name: /29 November 2026 \(draft\)/ })).toBeVisible();
    await expect(page.locator('.edition-items')).not.toContainText('Alliance routed in local elections');
    // Thrown away again: its items wait for a later edition.
    await page.getByRole('button', { name: 'Discard this draft' }).click();
    await expect(page.getByRole('heading', { name: 'For the Record' })).toBeVisible();
  });
});
