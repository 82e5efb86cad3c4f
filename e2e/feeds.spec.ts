import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const scopes = ['/corrections', '/sections/Politics/corrections', '/articles/local-elections-results/corrections'];

test.describe('feeds of corrections', () => {
  for (const base of scopes) {
    test(`${base}: RSS, Atom and JSON Feed parse, with the right types and items`, async ({ request }) => {
      const rss = await request.get(`${base}/rss.xml`);
      expect(rss.status()).toBe(200);
      expect(rss.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
      const channel = parser.parse(await rss.text()).rss.channel;
      const items = [channel.item].flat().filter(Boolean);
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((i: { description: string }) => String(i.description).includes('842 council seats and 11 councils'))).toBe(true);

      const atom = await request.get(`${base}/atom.xml`);
      expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
      const feed = parser.parse(await atom.text()).feed;
      expect(feed.id).toContain(base);
      expect([feed.entry].flat().length).toBe(items.length);

      const json = await request.get(`${base}/feed.json`);
      expect(json.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
      const body = await json.json();
      expect(body.version).toBe('https://jsonfeed.org/version/1.1');
      expect(body.items.length).toBe(items.length);
    });
  }

  test('a one-article feed is titled by the article’s headline, not its slug', async ({ request }) => {
    const response = await request.get('/articles/local-elections-results/corrections/atom.xml');
    expect(response.status()).toBe(200);
    const title = String(parser.parse(await response.text()).feed.title);
    expect(title).not.toContain('local-elections-results');
    expect(title).toMatch(/^Corrections to “.+” — /);
  });

  test('the column has its own feed', async ({ request }) => {
    const response = await request.get('/for-the-record/atom.xml');
    expect(response.status()).toBe(200);
    expect(parser.parse(await response.text()).feed.title).toContain('For the Record');
  });

  test('ETag and Last-Modified give 304 answers', async ({ request }) => {
    // An article no other spec corrects, so nothing changes the feed between the requests.
    const url = '/articles/local-elections-results/corrections/rss.xml';
    const first = await request.get(url);
    const etag = first.headers()['etag'];
    const lastModified = first.headers()['last-modified'];
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    expect((await request.get(url, { headers: { 'if-none-match': etag } })).status()).toBe(304);
    expect((await request.get(url, { headers: { 'if-modified-since': lastModified } })).status()).toBe(304);
    expect((await request.get(url, { headers: { 'if-none-match': '"stale"' } })).status()).toBe(200);
  });

  test('unknown sections and articles have no feed (404)', async ({ request }) => {
    expect((await request.get('/sections/No%20Such/corrections/rss.xml')).status()).toBe(404);
    expect((await request.get('/articles/does-not-exist/corrections/feed.json')).status()).toBe(404);
  });

  test('pages announce their feeds', async ({ page }) => {
    await page.goto('/articles/local-elections-results');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/articles\/local-elections-results\/corrections\/rss\.xml$/);
    await page.goto('/corrections');
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/corrections\/atom\.xml$/);
    await page.goto('/for-the-record');
    await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute('href', /\/for-the-record\/feed\.json$/);
  });
});
