// Discoverability: /sitemap.xml (an index) lists every published article, as the database has them,
// and never a draft, a never-published or a withdrawn one; robots.txt names it; the icons answer.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

function articlesByState(): { published: Set<string>; hidden: Set<string> } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const rows = db.prepare('select slug, status, first_public_version as firstPublic from articles').all() as { slug: string; status: string; firstPublic: number | null }[];
    return {
      published: new Set(rows.filter((r) => r.status === 'published' && r.firstPublic != null).map((r) => r.slug)),
      hidden: new Set(rows.filter((r) => r.status !== 'published' || r.firstPublic == null).map((r) => r.slug)),
    };
  } finally {
    db.close();
  }
}

test('sitemap.xml lists every published article and nothing readers cannot see', async ({ request, baseURL }) => {
  // Other specs publish and withdraw as this runs: judge only articles whose state held throughout.
  const before = articlesByState();
  const index = await request.get('/sitemap.xml');
  expect(index.status()).toBe(200);
  expect(index.headers()['content-type']).toContain('xml');
  const files = (parser.parse(await index.text()).sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc);
  expect(files[0]).toBe(`${baseURL}/sitemaps/pages.xml`);
  const urls: string[] = [];
  for (const file of files) {
    const response = await request.get(new URL(file).pathname);
    expect(response.status(), file).toBe(200);
    const parsed = parser.parse(await response.text());
    const entries = (parsed.urlset.url ?? []) as { loc: string; lastmod?: string }[];
    expect(entries.length, file).toBeLessThanOrEqual(50_000);
    for (const e of entries) {
      if (e.lastmod) expect(Number.isNaN(Date.parse(e.lastmod)), `${e.loc} lastmod`).toBe(false);
      urls.push(e.loc);
    }
  }
  const after = articlesByState();
  const listed = new Set(urls.filter((u) => /\/articles\/[^/]+$/.test(u)).map((u) => decodeURIComponent(u.split('/').pop()!)));
  const published = [...before.published].filter((s) => after.published.has(s));
  expect(published.length).toBeGreaterThan(5);
  expect(published.filter((s) => !listed.has(s)), 'published articles missing from the sitemap').toEqual([]);
  const hidden = [...before.hidden].filter((s) => after.hidden.has(s));
  expect(hidden.filter((s) => urls.some((u) => u.includes(`/articles/${s}`))), 'unpublished or withdrawn articles in the sitemap').toEqual([]);
  expect(urls).toContain(`${baseURL}/sections/Politics`);
  expect(urls).toContain(`${baseURL}/corrections`);
  // A file the index never names is a 404, not an empty sitemap.
  expect((await request.get('/sitemaps/articles-999.xml')).status()).toBe(404);
  expect((await request.get('/sitemaps/other.xml')).status()).toBe(404);
});

test('robots.txt opens the reader pages, closes the desk, and names the sitemap; the icons answer', async ({ request, baseURL }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  const text = await robots.text();
  expect(text).toMatch(/User-Agent: \*/i);
  expect(text).toContain('Disallow: /desk');
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toContain('image/');
  expect((await favicon.body()).subarray(0, 4).toString('hex')).toBe('00000100');
  expect((await request.get('/icon.svg')).status()).toBe(200);
});

test('section pages list the section, are linked from the home page and each article, and advertise the section feeds', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await page.getByRole('link', { name: 'Politics', exact: true }).first().click();
  await expect(page).toHaveURL(/\/sections\/Politics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Politics' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Corrections in Politics' })).toBeVisible();
  // Loaded afresh (a client-side navigation does not put the new page's <link>s in the head).
  await page.goto('/sections/Politics');
  const feeds = await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname));
  expect(feeds).toEqual(expect.arrayContaining(['/sections/Politics/corrections/rss.xml', '/sections/Politics/corrections/atom.xml', '/sections/Politics/corrections/feed.json']));
  const first = page.locator('.card h3 a').first();
  await first.click();
  await expect(page).toHaveURL(/\/articles\//);
  await page.locator('.kicker').getByRole('link', { name: 'Politics' }).click();
  await expect(page).toHaveURL(/\/sections\/Politics$/);
  expect((await page.request.get('/sections/No%20such%20section')).status()).toBe(404);
});

test('a column edition advertises the column feeds; the print style has page margins', async ({ page, request }) => {
  const listing = await (await request.get('/for-the-record')).text();
  const date = /\/for-the-record\/(\d{4}-\d{2}-\d{2})/.exec(listing)?.[1];
  expect(date, 'a published edition').toBeTruthy();
  await page.goto(`/for-the-record/${date}`);
  const feeds = await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname));
  expect(feeds).toEqual(expect.arrayContaining(['/for-the-record/rss.xml', '/for-the-record/atom.xml', '/for-the-record/feed.json']));
  const rules = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
  expect(rules).toMatch(/@page\s*{\s*margin:/);
  await page.setViewportSize({ width: 390, height: 800 });
  const align = await page.locator('.column-item').first().evaluate((el) => getComputedStyle(el).textAlign);
  expect(align).not.toBe('justify');
});

test('side by side stacks on a phone', async ({ page }) => {
  const db = new Database(databasePath, { readonly: true });
  const row = db
    .prepare("select a.slug from articles a where a.status = 'published' and (select count(*) from versions v where v.article_id = a.id) >= 2 and not exists (select 1 from withholdings w join versions v on v.id = w.version_id where v.article_id = a.id) order by a.id limit 1")
    .get() as { slug: string };
  db.close();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/articles/${row.slug}/compare?from=1&to=2&view=side`);
  const cells = page.locator('.diff-side tbody tr').first().locator('td');
  const [a, b] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
  expect(a && b).toBeTruthy();
  expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
  expect(a!.width).toBeGreaterThan(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
