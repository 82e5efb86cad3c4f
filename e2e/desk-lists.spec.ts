// The desk's lists on the demo newsroom: search finds an article by a word of its body, and the
// pages are keyset pages: page 2 follows page 1 with no repeats or gaps though an article is
// published in between.
import { expect, type Page, test } from '@playwright/test';
import { demoNewsroom } from '../db/seed/demo-content';
import { createArticle, newSession, signInAs, uniqueSlug } from './support/desk';

async function listedIds(page: Page): Promise<number[]> {
  const hrefs = await page.locator('tbody a[href^="/desk/articles/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => Number(h.split('/').pop()));
}

test.describe('the desk lists', () => {
  test('search finds an article by a word in its body', async ({ page }) => {
    const article = demoNewsroom.articles.find((a) => a.slug === 'county-council-count');
    const latest = article?.versions.at(-1);
    if (!latest) throw new Error('the demo newsroom lost county-council-count');
    // The word is in the body, not in the headline or standfirst.
    expect(latest.body).toContain('Netherby');
    expect(`${latest.headline} ${latest.standfirst}`).not.toContain('Netherby');
    await signInAs(page, 'standards');
    await page.goto('/desk');
    await page.getByRole('searchbox', { name: 'Search' }).fill('Netherby');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/desk\?q=Netherby/);
    await expect(page.getByRole('link', { name: latest.headline })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(/\d+ articles?/);
  });

  test('page 2 follows page 1 with no repeats or gaps while a new article is published', async ({ page, browser }) => {
    await signInAs(page, 'standards');
    await page.goto('/desk?per=5');
    const first = await listedIds(page);
    expect(first).toHaveLength(5);
    await expect(page.locator('a[rel="prev"]')).toHaveCount(0);

    // Another editor publishes an article between the two pages.
    const editor = await newSession(browser, 'editor');
    const id = await createArticle(editor.page, { slug: uniqueSlug('between-pages'), section: 'Local', byline: 'Test Desk', headline: 'Published between two pages', standfirst: 'S', body: 'A ferry timetable changed.' });
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    await expect(editor.page.getByText('published').first()).toBeVisible();
    await editor.context.close();

    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(/after=/);
    await expect.poll(async () => (await listedIds(page)).some((n) => first.includes(n))).toBe(false);
    const second = await listedIds(page);
    expect(second).toHaveLength(5);
    expect(second).not.toContain(id);
    expect(second.filter((n) => first.includes(n))).toEqual([]);

    // No gap: the two pages are the ten newest articles that existed when page 1 was read.
    await page.goto('/desk?per=100');
    const all = await listedIds(page);
    expect(all).toContain(id);
    expect([...first, ...second]).toEqual(all.filter((n) => n <= first[0] && n !== id).slice(0, 10));

    // And back: the previous page is page 1 again.
    await page.goBack();
    await expect(page).toHaveURL(/after=/);
    await page.locator('a[rel="prev"]').click();
    await expect(page).toHaveURL(/before=/);
    await expect.poll(() => listedIds(page)).toEqual(first);
  });
});
