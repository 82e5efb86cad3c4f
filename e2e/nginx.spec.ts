// The deployment recipe: nginx (deploy/nginx, started by playwright.config.ts) as a caching reverse
// proxy in front of the app, which purges it (ERRATA_PURGER=nginx). A reader's article is served
// from nginx's cache; a published correction shows through it within 1 s; the desk is never cached
// and never reaches a reader; the purge is on /desk/purges.
import http from 'node:http';
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { classifyAndPublish, createArticle, newSession, selectWords, signInAs, uniqueSlug } from './support/desk';
import { NGINX_URL } from './support/nginx';

const WRONG = 'closed for eleven days';
const body = `The swimming pool on Marsh Lane will be ${WRONG} while its boilers are replaced.\n\nThe council said the gym would stay open.`;

let reader: APIRequestContext;
test.beforeAll(async () => {
  reader = await playwrightRequest.newContext({ baseURL: NGINX_URL });
});
test.afterAll(async () => {
  await reader.dispose();
});

test.describe('behind nginx', () => {
  test('an article is cached by nginx, a published correction shows through it within 1 s, and the purge is logged', async ({ page, browser }) => {
    test.slow(); // two desk sessions, an article, a draft and a publish
    await signInAs(page, 'editor');
    const slug = uniqueSlug('pool-closure');
    const id = await createArticle(page, { slug, section: 'Local', byline: 'Cache Test', headline: 'Marsh Lane pool to close for repairs', standfirst: 'Boilers replaced.', body });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Local · published')).toBeVisible();

    // Twice through nginx: the second answer is nginx's copy.
    const first = await reader.get(`/articles/${slug}`);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain('Marsh Lane pool to close for repairs');
    const second = await reader.get(`/articles/${slug}`);
    expect(second.status()).toBe(200);
    expect(second.headers()['x-cache-status']).toBe('HIT');
    expect(await second.text()).not.toContain('The pool will close for nine days');

    // The editor drafts a notice; the standards editor publishes it.
    await page.goto(`/desk/articles/${id}`);
    // Selecting again until the page has hydrated and the claim picker hears it.
    await expect(async () => {
      await selectWords(page, WRONG);
      await expect(page.getByText(`Selected: “${WRONG}”`)).toBeVisible({ timeout: 1000 });
    }).toPass();
    await page.getByRole('button', { name: 'Add correction' }).click();
    await page.getByLabel('Kind').selectOption('correction');
    await page.getByLabel('Public wording').fill('The pool will close for nine days, not eleven.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();
    const standards = await newSession(browser, 'standards');
    await standards.page.goto(page.url());
    // Publishing asks first: the wording as readers will see it, then the button.
    await standards.page.getByText('Publish correction…').click();
    await classifyAndPublish(standards.page);
    await expect(standards.page.getByRole('heading', { name: 'Correction (published)' })).toBeVisible();

    // Within 1 s of the publish, nginx serves the corrected page (polled, never waited for).
    const deadline = Date.now() + 1000;
    let seen = '';
    let status = '';
    do {
      const response = await reader.get(`/articles/${slug}`);
      seen = await response.text();
      status = response.headers()['x-cache-status'] ?? '';
    } while (!seen.includes('The pool will close for nine days, not eleven.') && Date.now() < deadline);
    expect(seen, `the corrected page through nginx within 1 s (last X-Cache-Status: ${status})`).toContain('The pool will close for nine days, not eleven.');
    // And it is cached again.
    expect((await reader.get(`/articles/${slug}`)).headers()['x-cache-status']).toBe('HIT');

    // The purge is on the desk: who, which tags, through which purger, how it went.
    await standards.page.goto('/desk/purges');
    const row = standards.page.getByRole('row').filter({ hasText: `article:${slug}` }).first();
    await expect(row).toContainText('nginx');
    await expect(row).toContainText('done');
    await expect(row).toContainText('margaret.oyelaran@saltmarshcourier.example');
    await standards.context.close();
  });

  test('desk pages through nginx are never cached, and a reader never gets a desk response', async ({ page }) => {
    test.slow(); // seven desk pages, each three times
    // Signed in against the app: the session cookie is the host's, so nginx sees it too.
    await signInAs(page, 'admin');
    const deskPages = ['/desk', '/desk/corrections', '/desk/reports', '/desk/column', '/desk/purges', '/desk/audit', '/desk/people'];
    for (const path of deskPages) {
      for (let i = 0; i < 2; i++) {
        const response = await page.request.get(NGINX_URL + path);
        expect(response.status(), path).toBe(200);
        expect(response.headers()['cache-control'], path).toBe('private, no-store');
        expect(response.headers()['x-cache-status'] ?? '', path).not.toBe('HIT');
        expect(await response.text(), path).toContain('aria-label="Desk"');
      }
      // A reader asking right after gets the sign-in redirect, never the admin's desk.
      const anonymous = await reader.get(path, { maxRedirects: 0 });
      expect([302, 303, 307], path).toContain(anonymous.status());
      expect(anonymous.headers().location, path).toMatch(/\/login\?callbackUrl=/);
      expect(await anonymous.text(), path).not.toContain('aria-label="Desk"');
    }
    // A signed-in browser's reader pages bypass nginx's cache both ways.
    const signedIn = await page.request.get(`${NGINX_URL}/`);
    expect(signedIn.headers()['x-cache-status']).toBe('BYPASS');
  });

  test('only standards editors and admins may read the purge log', async ({ page }) => {
    await signInAs(page, 'editor');
    expect((await page.request.get('/desk/purges')).status()).toBe(403);
    await expect(page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Purges' })).toHaveCount(0);
    await page.context().clearCookies();
    await signInAs(page, 'standards');
    await expect(page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Purges' })).toBeVisible();
    const response = await page.request.get('/desk/purges');
    expect(response.status()).toBe(200);
  });

  test('other spellings of a page, and made-up addresses, are answered but never stored by nginx', async () => {
    // Raw paths, as a client may send them (fetch and Playwright would tidy the dot segments away).
    const raw = (path: string) =>
      new Promise<{ status: number; cache: string; control: string }>((resolve, reject) => {
        const req = http.request(`${NGINX_URL}${path}`, { path, method: 'GET' }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, cache: String(res.headers['x-cache-status'] ?? ''), control: String(res.headers['cache-control'] ?? '') }));
        });
        req.on('error', reject);
        req.end();
      });
    // The page is served (the dot segments resolve), but as private: no shared copy under that key.
    for (const path of ['/articles/./local-elections-results', '/x/../articles/local-elections-results', '/articles/%2e/local-elections-results', '/sections/Politic%73']) {
      const first = await raw(path);
      const second = await raw(path);
      expect([first.status, path]).toEqual([200, path]);
      expect(second.control, path).toBe('private, no-store');
      expect(second.cache, path).not.toBe('HIT');
    }
    // A needless escape in a slug is no slug at all (a 404, never stored either).
    await raw('/articles/local%2delections-results');
    expect((await raw('/articles/local%2delections-results')).cache).not.toBe('HIT');
    for (const path of ['/articles/no-such-story-anywhere', '/sections/Nowhere-at-all']) {
      await raw(path);
      const again = await raw(path);
      expect([again.status, path]).toEqual([404, path]);
      expect(again.cache, path).not.toBe('HIT');
    }
  });

  test('the purge path answers PURGE only (and only from this machine: deploy/nginx)', async () => {
    const get = await reader.get('/__purge/', { maxRedirects: 0 });
    expect(get.status()).toBe(405);
  });
});
