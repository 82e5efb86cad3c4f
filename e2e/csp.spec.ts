// Readers' pages run no inline script but Next's own: every reader page, found from app/ and loaded in
// Chromium with real parameters from the demo newsroom, records no CSP violation, carries no
// 'unsafe-inline' in script-src, and still hydrates.
import { isoDateInZone } from '../lib/wording';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page, test } from '@playwright/test';
import { generateEditionThroughChoice, signInAs } from './support/desk';
import { scanRoutes } from './support/routes';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const SLUG = 'local-elections-results';

function publishedEditionDate(): string | undefined {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select date from columns where status = 'published' order by date limit 1").get() as { date: string } | undefined)?.date;
  } finally {
    db.close();
  }
}

/** Concrete URLs for each reader page route (by its file under app/); a page missing here fails the spec. */
function readerUrls(edition: string): Record<string, string[]> {
  const article = `/articles/${SLUG}`;
  return {
    // Reached only through the proxy's rewrite of / (its own path answers 404).
    'app/front-page/[view]/page.tsx': ['/'],
    'app/about/[view]/page.tsx': ['/about'],
    'app/login/page.tsx': ['/login'],
    'app/corrections/page.tsx': ['/corrections', '/corrections?kind=correction', '/corrections?section=Politics', '/corrections?kind=clarification&section=Politics', '/corrections?from=2026-01-01&to=2026-12-31'],
    // Reached only through the proxy's rewrite of /corrections?kind=…&section=…, loaded above.
    'app/corrections/filter/[kind]/[section]/[page]/page.tsx': ['/corrections?kind=correction&section=Politics&page=1'],
    // Reached only through the proxy's rewrite of /for-the-record.
    'app/for-the-record/editions/[view]/page.tsx': ['/for-the-record'],
    'app/for-the-record/[date]/page.tsx': [`/for-the-record/${edition}`],
    'app/articles/[slug]/page.tsx': [article],
    'app/articles/[slug]/versions/[n]/page.tsx': [`${article}/versions/1`],
    'app/articles/[slug]/history/page.tsx': [`${article}/history`],
    // The cached comparison is reached only through the proxy's rewrite of these addresses (its own
    // path answers 404); a comparison the cache does not take (a version readers cannot see) is the
    // uncached page.
    'app/articles/[slug]/compare/page.tsx': [`${article}/compare?from=1&to=99`],
    'app/articles/[slug]/compare/[from]/[to]/[view]/page.tsx': [`${article}/compare?from=1&to=2`, `${article}/compare?from=1&to=2&view=side`],
    'app/articles/[slug]/report/page.tsx': [`${article}/report?v=2`],
    'app/sections/[section]/page.tsx': ['/sections/Politics'],
    // Loaded below as /no-such-page (a 404).
    'app/[...missing]/page.tsx': [],
  };
}

async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return seen;
}

test.describe('the reader CSP', () => {
  test.beforeAll(async ({ browser }) => {
    if (publishedEditionDate()) return;
    // Run alone, on a newsroom with no published edition yet: publish one to load.
    const page = await browser.newPage();
    await signInAs(page, 'standards');
    // Today's: neither backdated nor far ahead, and every published correction is in its pool.
    await generateEditionThroughChoice(page, isoDateInZone(new Date(), 'Europe/London'));
    await page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(page.getByRole('heading', { name: /\(published\)/ })).toBeVisible();
    await page.close();
  });

  test('every reader page loads with 0 CSP violations and no unsafe-inline in script-src', async ({ page }) => {
    const edition = publishedEditionDate()!;
    const urls = readerUrls(edition);
    const pages = scanRoutes().filter((r) => r.kind === 'page' && r.segments[0] !== 'desk');
    expect(pages.map((r) => r.file).filter((file) => !urls[file]), 'reader pages this spec does not load').toEqual([]);
    const consoleViolations = await watchViolations(page);
    const all = [...Object.values(urls).flat(), '/no-such-page'];
    const violations: string[] = [];
    for (const url of all) {
      const response = await page.goto(url);
      expect(response, url).not.toBeNull();
      expect(response!.status(), url).toBeLessThan(url === '/no-such-page' ? 500 : 400);
      const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, url).not.toContain("'unsafe-inline'");
      expect(scriptSrc, url).toMatch(/'self'/);
      if (url !== '/login') expect(scriptSrc, url).toMatch(/'sha256-[A-Za-z0-9+/=]{44}'/);
      await page.waitForLoadState('load');
      const recorded = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      violations.push(...recorded.map((v) => `${url}: ${v}`));
    }
    console.log(`csp: ${all.length} reader pages loaded`);
    expect([...violations, ...consoleViolations]).toEqual([]);
  });

  test('pages still hydrate: selecting words arms the report link; the compare toggle switches views', async ({ page }) => {
    const consoleViolations = await watchViolations(page);
    await page.goto(`/articles/${SLUG}`);
    await page.locator('.article-body p').first().waitFor();
    await page.evaluate(() => {
      const paragraph = document.querySelector('.article .article-body p')!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    // Only React, hydrated, rewrites this link on a selection.
    await expect(page.getByRole('link', { name: /^Report an error in “/ })).toBeVisible();
    await page.goto(`/articles/${SLUG}/compare?from=1&to=2`);
    await page.getByRole('link', { name: 'Side by side' }).click();
    await expect(page.getByText('Side by side', { exact: true }).and(page.locator('[aria-current="page"]'))).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(consoleViolations).toEqual([]);
  });

  test('the policy travels with its body: the same for GET and HEAD, none on a 304, a nonce on the desk', async ({ request }) => {
    const url = `/articles/${SLUG}`;
    const get = await request.get(url);
    const head = await request.head(url);
    expect(head.headers()['content-security-policy']).toBe(get.headers()['content-security-policy']);
    const etag = get.headers()['etag'];
    if (etag) {
      const revalidated = await request.get(url, { headers: { 'if-none-match': etag } });
      expect(revalidated.status()).toBe(304);
      expect(revalidated.headers()['content-security-policy']).toBeUndefined();
    }
    expect((await request.get('/login')).headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });
});
