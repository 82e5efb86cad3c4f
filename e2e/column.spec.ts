import { expect, test } from '@playwright/test';
import { actionManifest, callAction } from './support/actions';
import { newSession, signInAs } from './support/desk';
import { isoDateInZone } from '../lib/wording';

test.describe('For the Record', () => {
  test('the standards editor generates, rewords and publishes an edition; notices name it; a second edition does not repeat it', async ({ page, browser }) => {
    await signInAs(page, 'standards');
    await page.goto('/desk/column');
    await page.getByLabel('Edition date').fill('2026-11-22');
    await page.getByLabel('This edition is backdated').check();
    await page.getByRole('button', { name: 'Generate edition' }).click();
    await expect(page.getByRole('heading', { name: /For the Record, Sunday 22 November 2026 \(draft\)/ })).toBeVisible();

    const item = page.getByLabel(/^Item \d+ \(Politics\)$/).filter({ hasText: '695 council seats and nine councils' });
    await expect(item).toHaveCount(1);
    await item.fill('An article about the local elections (Politics, 1 November 2026) said the Harbour Alliance lost 695 council seats and nine councils. It lost 842 seats and 11 councils.');
    await page.getByLabel('Intro').fill('Corrections and clarifications from the past week.');
    await page.getByRole('button', { name: 'Save edition' }).click();
    await expect(page.getByText('Edition saved.')).toBeVisible();
    // A reader has the article's page, now in the cache, before the edition is published: the
    // publish clicked in the browser (not only one posted to the action) must drop it.
    const reader = await browser.newPage();
    await reader.goto('/articles/local-elections-results');
    await expect(reader.getByRole('region', { name: 'Corrections and clarifications' })).not.toContainText('For the Record column, Sunday 22 November 2026');
    await page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(page.getByRole('heading', { name: /\(published\)/ })).toBeVisible();

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
    await page.getByLabel('This edition is backdated').check();
    await page.getByRole('button', { name: 'Generate edition' }).click();
    await expect(page.getByRole('heading', { name: /29 November 2026 \(draft\)/ })).toBeVisible();
    await expect(page.locator('.edition-items')).not.toContainText('Alliance routed in local elections');
    // Thrown away again: its items wait for a later edition.
    await page.getByRole('button', { name: 'Discard this draft' }).click();
    await expect(page.getByRole('heading', { name: 'For the Record' })).toBeVisible();
  });

  test('an impossible date is refused with a field error, and a date before today needs the backdated box', async ({ page }) => {
    await signInAs(page, 'standards');
    await page.goto('/desk/column');
    const editions = await page.getByRole('link', { name: /^\d{4}-\d{2}-\d{2}$/ }).count();
    // A date picker cannot send 31 February, but the action can be called with it.
    const generate = actionManifest().get('app/desk/column/actions.ts#generateEditionAction');
    const response = await callAction(page.request, generate!, { date: '2030-02-31' });
    expect(response.status()).toBeLessThan(500);
    expect(response.headers()['x-action-redirect']).toBeUndefined();
    expect(await response.text()).toContain('That date does not exist.');

    await page.getByLabel('Edition date').fill('2025-01-15');
    await page.getByRole('button', { name: 'Generate edition' }).click();
    await expect(page.locator('.field-error')).toContainText('2025-01-15 is before today');
    await expect(page.locator('.field-error')).toContainText('This edition is backdated');
    await expect(page).toHaveURL(/\/desk\/column$/);
    // A date far ahead (a typo in the year) would have notices claim a print date that never came.
    await page.getByLabel('Edition date').fill('2099-01-01');
    await page.getByRole('button', { name: 'Generate edition' }).click();
    await expect(page.locator('.field-error')).toContainText('2099-01-01 is more than 7 days ahead');
    await expect(page).toHaveURL(/\/desk\/column$/);
    await page.goto('/desk/column');
    await expect(page.getByRole('link', { name: /^\d{4}-\d{2}-\d{2}$/ })).toHaveCount(editions);
  });

  test('publishing is refused when the draft changed after the standards editor opened it, and the current text is shown', async ({ page, browser }) => {
    await signInAs(page, 'standards');
    await page.goto('/desk/column');
    // Dated ahead, so nothing is backdated and every published correction is in the pool.
    await page.getByLabel('Edition date').fill(isoDateInZone(new Date(Date.now() + 400 * 86_400_000), 'Europe/London'));
    await page.getByLabel('This edition is dated more than a week ahead').check();
    await page.getByRole('button', { name: 'Generate edition' }).click();
    await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
    const url = page.url();

    // Another standards editor rewords the intro while this tab is open.
    const other = await newSession(browser, 'standards', 1);
    await other.page.goto(url);
    await other.page.getByLabel('Intro').fill('Changed in another tab.');
    await other.page.getByRole('button', { name: 'Save edition' }).click();
    await expect(other.page.getByText('Edition saved.')).toBeVisible();
    await other.context.close();

    await page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This edition changed after you opened it' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
    await expect(page.getByLabel('Intro')).toHaveValue('Changed in another tab.');

    // Thrown away: its items go back to the pool for the other specs.
    await page.getByRole('button', { name: 'Discard this draft' }).click();
    await expect(page.getByRole('heading', { name: 'For the Record' })).toBeVisible();
  });
});
