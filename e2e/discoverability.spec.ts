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
  // Every article a URL names (its page or its history), by exact slug: surface-x-1 is not surface-x-10.
  const named = new Set(urls.flatMap((u) => /\/articles\/([^/]+)(?:\/|$)/.exec(new URL(u).pathname)?.[1] ?? []).map((s) => decodeURIComponent(s)));
  expect(named.size).toBeGreaterThanOrEqual(listed.size);
  expect(hidden.filter((s) => named.has(s)), 'unpublished or withdrawn articles in the sitemap').toEqual([]);
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
  // The home page lists the sections of the latest articles (other specs add theirs): take its first.
  const link = page.locator('.front-section h2 a').first();
  const section = ((await link.textContent()) ?? '').trim();
  expect(section).not.toBe('');
  const sectionUrl = new RegExp(`/sections/${encodeURIComponent(section).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await link.click();
  await expect(page).toHaveURL(sectionUrl);
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Corrections in ${section}` })).toBeVisible();
  // Loaded afresh (a client-side navigation does not put the new page's <link>s in the head).
  const path = `/sections/${encodeURIComponent(section)}`;
  await page.goto(path);
  const feeds = await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname));
  expect(feeds).toEqual(expect.arrayContaining([`${path}/corrections/rss.xml`, `${path}/corrections/atom.xml`, `${path}/corrections/feed.json`]));
  const first = page.locator('.card h3 a').first();
  await first.click();
  await expect(page).toHaveURL(/\/articles\//);
  await page.locator('.kicker').getByRole('link', { name: section, exact: true }).click();
  await expect(page).toHaveURL(sectionUrl);
  // The demo newsroom's own section has its page too, wherever the home page lists it.
  expect((await page.request.get('/sections/Politics')).status()).toBe(200);
  expect((await page.request.get('/sections/No%20such%20section')).status()).toBe(404);
});
