import { expect, test } from '@playwright/test';

test.describe('readers’ history and comparisons', () => {
  test('a reader compares two versions of the corrected story and sees the wrong figures out and the right ones in, in both views', async ({ page }) => {
    await page.goto('/articles/local-elections-results');
    await page.getByRole('link', { name: /Version history/ }).click();
    await expect(page.getByRole('heading', { name: 'Version 2' })).toBeVisible();
    await page.locator('#version-2').getByRole('link', { name: 'Compare with version 1' }).click();
    await expect(page).toHaveURL(/compare\?from=1&to=2/);

    const deleted = page.locator('del');
    const inserted = page.locator('ins');
    await expect(deleted.filter({ hasText: '695' })).not.toHaveCount(0);
    await expect(inserted.filter({ hasText: '842' })).not.toHaveCount(0);
    // Whole tokens: never "6[9]5".
    await expect(deleted.filter({ hasText: /^\s*6$|^\s*9$/ })).toHaveCount(0);
    // Readable without colour: screen readers hear "deleted" and "inserted".
    await expect(page.locator('del .visually-hidden').first()).toHaveText(/deleted/i);
    await expect(page.locator('ins .visually-hidden').first()).toHaveText(/inserted/i);
    await expect(page.locator('.diff-summary')).toContainText(/\d+ changes?/);
    await expect(page.getByRole('link', { name: 'The correction behind this change' }).first()).toHaveAttribute('href', /#notice-\d+$/);

    await page.getByRole('link', { name: 'Side by side' }).click();
    await expect(page).toHaveURL(/view=side/);
    await expect(page.locator('del').filter({ hasText: '695' })).not.toHaveCount(0);
    await expect(page.locator('ins').filter({ hasText: '842' })).not.toHaveCount(0);
  });

  test('bad comparisons explain themselves instead of failing', async ({ page }) => {
    for (const [query, message] of [
      ['', 'Choose two versions to compare'],
      ['from=2&to=2', 'same version on both sides'],
      ['from=1&to=99', 'does not exist'],
      ['from=abc&to=1', 'Choose two versions to compare'],
    ] as const) {
      const response = await page.goto(`/articles/local-elections-results/compare?${query}`);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.locator('.banner[role="alert"]')).toContainText(message);
    }
  });

  test('history.json publishes the hash chain', async ({ request }) => {
    const json = await (await request.get('/articles/local-elections-results/history.json')).json();
    expect(json.versions.length).toBeGreaterThanOrEqual(3);
    expect(json.versions[1].prevHash).toBe(json.versions[0].hash);
    expect(json.versions[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(json)).not.toContain('"body"');
  });
});
