import { expect, test } from '@playwright/test';

test.describe('reader pages', () => {
  test('the front page lists articles by section and the latest corrections', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Politics', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Latest corrections' })).toBeVisible();
    await expect(page.getByRole('complementary').getByRole('link').first()).toBeVisible();
  });

  test('an article shows its headline, byline, dates, body and correction notices', async ({ page }) => {
    await page.goto('/articles/local-elections-results');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/^By /)).toBeVisible();
    await expect(page.getByText(/Published .*last updated/)).toBeVisible();
    const notices = page.getByRole('region', { name: 'Corrections and clarifications' });
    await expect(notices).toContainText('842 council seats and 11 councils');
    // Amended, or (once the column spec has printed it) printed in the column: both are house style.
    await expect(notices).toContainText(/This article was amended on|The following correction was printed in/);
    // The corrected words are marked in the text and linked to their notice.
    const mark = page.locator('mark.claim').first();
    await expect(mark).toHaveText(/842 council seats and 11 councils/);
    await mark.getByRole('link').click();
    await expect(page).toHaveURL(/#notice-\d+$/);
  });

  test('an older version carries a clear banner and links to the current text', async ({ page }) => {
    await page.goto('/articles/local-elections-results/versions/1');
    await expect(page.getByText('This is an older version of this article')).toBeVisible();
    await expect(page.locator('.article-body')).toContainText('695 council seats and nine councils');
    await page.getByRole('link', { name: 'Read the current version' }).click();
    await expect(page).toHaveURL(/\/articles\/local-elections-results$/);
  });

  test('unknown articles and versions are a 404 page', async ({ page }) => {
    for (const url of ['/articles/does-not-exist', '/articles/local-elections-results/versions/99', '/articles/local-elections-results/versions/abc']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
  });

  test('the health check answers ok', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  test('article pages carry schema.org NewsArticle with corrections', async ({ page }) => {
    await page.goto('/articles/local-elections-results');
    const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(json['@type']).toBe('NewsArticle');
    expect(json.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(json.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(json.correction[0]['@type']).toBe('CorrectionComment');
    expect(json.correction[0].text).toContain('842');
    // A real image and the publisher's logo, both served by the site.
    expect(json.image[0].url).toMatch(/\/og-image\.png$/);
    expect(json.publisher.logo.url).toMatch(/\/logo\.png$/);
    for (const url of [json.image[0].url, json.publisher.logo.url]) {
      const image = await page.request.get(new URL(url).pathname);
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
    }
  });

  test('on every corrected article, dateModified is never older than a correction’s datePublished', async ({ page }) => {
    await page.goto('/corrections');
    const slugs = [...new Set((await page.locator('a[href^="/articles/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((h) => h.split(/[/#?]/)[2]))].filter(Boolean);
    expect(slugs.length).toBeGreaterThan(3);
    for (const slug of slugs) {
      await page.goto(`/articles/${slug}`);
      const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
      for (const c of json.correction as { datePublished?: string }[]) {
        if (c.datePublished) expect(Date.parse(json.dateModified), slug).toBeGreaterThanOrEqual(Date.parse(c.datePublished));
      }
    }
  });
});
