// SQL-shaped and oversized input to every search and filter: a 4xx or an empty result, never a 500.
import { expect, test } from '@playwright/test';
import { signInAs } from './support/desk';

const HOSTILE = [
  "' OR '1'='1",
  "'; DROP TABLE versions; --",
  '" OR 1=1 --',
  "%' UNION SELECT password_hash, email FROM users --",
  '1; DELETE FROM corrections',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  '%',
  '_',
  '\\',
  'x'.repeat(5_000),
  '💥'.repeat(500),
  '<script>alert(1)</script>',
  '2026-13-45',
  '-1',
  '99999999999999999999',
  'NaN',
];

const enc = encodeURIComponent;

test.describe('hostile input to searches and filters', () => {
  test('reader filters, pages and feeds answer 2xx or 4xx, never 5xx', async ({ request }) => {
    const urls: string[] = [];
    for (const h of HOSTILE) {
      urls.push(
        `/corrections?kind=${enc(h)}`,
        `/corrections?section=${enc(h)}`,
        `/corrections?from=${enc(h)}&to=${enc(h)}`,
        `/corrections?page=${enc(h)}`,
        `/corrections?kind=correction&kind=${enc(h)}`,
        `/articles/${enc(h)}`,
        `/articles/local-elections-results/versions/${enc(h)}`,
        `/articles/local-elections-results/compare?from=${enc(h)}&to=2`,
        `/articles/${enc(h)}/history.json`,
        `/sections/${enc(h)}/corrections/rss.xml`,
        `/articles/${enc(h)}/corrections/feed.json`,
        `/for-the-record/${enc(h)}`,
        `/articles/local-elections-results/report?v=${enc(h)}&s=${enc(h)}&e=${enc(h)}&q=${enc(h)}`,
      );
    }
    for (const url of urls) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url.slice(0, 200)).toBeLessThan(500);
    }
    // An injected filter matches nothing rather than everything.
    const page = await request.get(`/corrections?section=${enc("' OR '1'='1")}`);
    expect(await page.text()).toContain('No corrections match.');
  });

  test('the report endpoint turns away hostile bodies with 4xx', async ({ request }) => {
    const bodies: unknown[] = [
      { slug: "' OR 1=1 --", version: 1, words: 'a', message: 'b' },
      { slug: 'local-elections-results', version: "1; DROP TABLE reports", words: 'a', message: 'b' },
      { slug: 'local-elections-results', version: 1, words: 'a'.repeat(1001), message: 'b' },
      { slug: 'local-elections-results', version: 1, words: 'a', message: 'b', email: "x' OR 1=1@example.org" },
      [1, 2, 3],
      'null',
      { slug: { $gt: '' }, version: { $ne: 0 } },
    ];
    for (const data of bodies) {
      const response = await request.post('/api/reports', { data });
      expect(response.status(), JSON.stringify(data).slice(0, 100)).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
    }
  });

  test('desk search and filters (the audit trail) answer without a 5xx', async ({ page }) => {
    await signInAs(page, 'admin');
    for (const h of HOSTILE) {
      for (const query of [`action=${enc(h)}`, `actor=${enc(h)}`, `entityType=${enc(h)}`, `from=${enc(h)}&to=${enc(h)}`, `page=${enc(h)}`]) {
        const response = await page.request.get(`/desk/audit?${query}`);
        expect(response.status(), query.slice(0, 120)).toBeLessThan(500);
      }
    }
    // The LIKE wildcards in a filter are literal: "%" matches no action (db/queries/like.test.ts shows "50%" finding "50%" and not "500").
    await page.goto(`/desk/audit?action=${enc('%')}`);
    await expect(page.getByRole('table', { name: 'Audit events' }).locator('tbody tr')).toHaveCount(0);
  });
});

test.describe('the page cache', () => {
  test('made-up articles, versions and cached-route paths get a 404 and leave nothing in the cache', async ({ request }) => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const junk = `no-such-story-${Date.now().toString(36)}`;
    for (const url of [
      `/articles/${junk}`,
      `/articles/${junk}/history`,
      `/articles/${junk}/versions/1`,
      `/articles/local-elections-results/versions/999`,
      `/articles/local-elections-results/compare/1/999/inline`,
      `/corrections/filter/${junk}/all/1`,
    ]) {
      expect((await request.get(url)).status(), url).toBe(404);
    }
    const cache = path.join(process.cwd(), '.next', 'server', 'route-cache');
    const listing = fs.existsSync(cache) ? (fs.readdirSync(cache, { recursive: true }) as string[]).join('\n') : '';
    expect(listing).not.toContain(junk);
    expect(listing).not.toMatch(/versions\/999|compare\/1\/999/);
  });
});
