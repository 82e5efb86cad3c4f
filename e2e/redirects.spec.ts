// Callback URLs stay on the site: every known open-redirect shape, signed in and during sign-in,
// leaves the browser on this origin (and never once reaches the "other site" started here).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { demoUser, signInAs } from './support/desk';

let evil: http.Server;
let evilHost = '';
let evilHits = 0;

test.beforeAll(async () => {
  evil = http.createServer((_req, res) => {
    evilHits++;
    res.end('<!doctype html><title>elsewhere</title><h1>another site</h1>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilHost = `127.0.0.1:${(evil.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => evil.close(resolve));
});

const enc = encodeURIComponent;

/** callbackUrl values as they appear in the query string (already encoded where it matters). */
function shapes(site: string): string[] {
  const e = evilHost;
  return [
    `/%5C${e}/x`,
    `/%5c${e}/x`,
    `%5C%5C${e}/x`,
    `//${e}/x`,
    `/\\${e}/x`,
    `\\\\${e}/x`,
    `%2F%2F${e}/x`,
    `/%2F${e}/x`,
    `%252F%252F${e}/x`,
    `/%255C${e}/x`,
    `%255C%255C${e}/x`,
    `/%09/${e}/x`,
    `/%0A/${e}/x`,
    `%09//${e}/x`,
    `/.//${e}/x`,
    enc(`${site}@${e}/x`),
    enc(`http://${e}/x`),
    enc(`HTTP://${e}`),
    enc(`//${new URL(site).host}@${e}/x`),
    enc('javascript:alert(document.domain)'),
    enc('java\tscript:alert(1)'),
    enc('data:text/html,<script>alert(1)</script>'),
    enc('https://evil.example/x'),
  ];
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

async function settle(page: Page) {
  await page.waitForLoadState('load').catch(() => undefined);
  await page.waitForTimeout(150);
}

test.describe('callback URLs stay on the site', () => {
  test('signed in, /login?callbackUrl= with every bypass shape stays on the site', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const site = new URL(baseURL!).origin;
    const dialogs = watchDialogs(page);
    await signInAs(page, 'editor');
    for (const shape of shapes(site)) {
      const before = evilHits;
      await page.goto(`/login?callbackUrl=${shape}`).catch(() => undefined);
      await settle(page);
      expect(new URL(page.url()).origin, shape).toBe(site);
      expect(evilHits, shape).toBe(before);
    }
    expect(dialogs).toEqual([]);
  });

  test('signing in from /login?callbackUrl= with every bypass shape lands on the site', async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    const site = new URL(baseURL!).origin;
    const user = demoUser('editor', 1);
    for (const shape of shapes(site)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs = watchDialogs(page);
      const before = evilHits;
      await page.goto(`/login?callbackUrl=${shape}`);
      // The form signs in once it has hydrated; a click before that would only reload the page.
      await page.waitForLoadState('networkidle');
      await page.getByLabel('Email', { exact: true }).fill(user.email);
      await page.getByLabel('Password', { exact: true }).fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => new URL(page.url()).pathname, { message: shape }).not.toBe('/login');
      await settle(page);
      expect(new URL(page.url()).origin, shape).toBe(site);
      expect(evilHits, shape).toBe(before);
      expect(dialogs, shape).toEqual([]);
      await context.close();
    }
  });

  test('next-auth sends callback URLs for other sites back to this one', async ({ request, baseURL }) => {
    const site = new URL(baseURL!).origin;
    for (const callbackUrl of [`http://${evilHost}/x`, `/\\${evilHost}/x`, `//${evilHost}/x`, 'javascript:alert(1)']) {
      const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const response = await request.post('/api/auth/signout', { form: { csrfToken, callbackUrl, json: 'true' } });
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).origin, callbackUrl).toBe(site);
      expect(new URL(url).host, callbackUrl).not.toBe(evilHost);
    }
  });
});
