import { expect, test } from '@playwright/test';
import { classifyAndPublish, createArticle, editArticle, selectWords, signInAs, uniqueSlug } from './support/desk';

const SECRET = 'Councillor Dray was paid by Tolley Marine';

test.describe('legal removal', () => {
  test('a legal version withholds earlier text from every public route, while the desk still shows it', async ({ page, request }) => {
    await signInAs(page, 'standards');
    const slug = uniqueSlug('harbour-contract');
    const id = await createArticle(page, {
      slug,
      section: 'Politics',
      byline: 'Desk Test',
      headline: 'Harbour contract questioned',
      standfirst: 'Questions over the dredging contract.',
      body: `The dredging contract went to Tolley Marine.\n\nCritics claim ${SECRET} before the vote.`,
    });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Politics · published')).toBeVisible();

    // A published correction whose claim quotes the words that will be withheld.
    await selectWords(page, SECRET);
    await page.getByRole('button', { name: 'Add correction' }).click();
    await page.getByLabel('Public wording').fill('No evidence supports this claim.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Publish correction…').click();
    await classifyAndPublish(page);
    await expect(page.getByRole('heading', { name: 'Correction (published)' })).toBeVisible();

    await editArticle(page, id, { body: 'The dredging contract went to Tolley Marine.\n\nThe award has been questioned.', changeKind: 'legal', note: 'Removed on legal advice' });
    await page.getByLabel('Versions to withhold from readers', { exact: true }).fill('1');
    await page.getByLabel('Legal reason (desk only)', { exact: true }).fill('Solicitors’ letter received');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByText('Saved version 2.')).toBeVisible();
    await expect(page.getByRole('cell', { name: '1 (withheld from readers)' })).toBeVisible();

    const version1 = await request.get(`/articles/${slug}/versions/1`);
    expect(version1.status()).toBe(410);
    expect(await version1.text()).toContain('withheld for legal reasons');
    const routes = [
      '/',
      `/articles/${slug}`,
      `/articles/${slug}/versions/1`,
      `/articles/${slug}/versions/2`,
      `/articles/${slug}/history`,
      `/articles/${slug}/history.json`,
      `/articles/${slug}/compare?from=1&to=2`,
      `/articles/${slug}/compare?from=1&to=2&view=side`,
      `/articles/${slug}/report?v=1`,
      `/articles/${slug}/corrections/rss.xml`,
      `/articles/${slug}/corrections/atom.xml`,
      `/articles/${slug}/corrections/feed.json`,
      '/corrections',
      '/corrections?section=Politics',
      '/corrections/rss.xml',
      '/corrections/feed.json',
      '/sections/Politics/corrections/atom.xml',
    ];
    for (const route of routes) {
      const body = await (await request.get(route)).text();
      expect(body, route).not.toContain(SECRET);
      expect(body, route).not.toContain('Tolley Marine before the vote');
    }
    await page.goto(`/articles/${slug}/compare?from=1&to=2`);
    await expect(page.locator('.banner[role="alert"]')).toContainText('withheld for legal reasons');

    // The desk still has it.
    await page.goto(`/desk/articles/${id}/versions/1`);
    await expect(page.getByText(/Withheld from readers since/)).toBeVisible();
    await expect(page.locator('.article-body')).toContainText(SECRET);
  });
});
