// One site address: served on another port with neither NEXTAUTH_URL nor ERRATA_SITE_URL set,
// sign-in and sign-out stay on the address the browser used (not localhost:3000).
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoUser } from './support/desk';

// A port of this run's own, beside the main server's.
const port = Number(process.env.E2E_PORT ?? 3100) + 5;
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_PATH: path.join(process.cwd(), 'data', 'e2e-site-address', 'errata.db'), ERRATA_FRESH_DB: '1' };
  for (const name of ['NEXTAUTH_URL', 'ERRATA_SITE_URL', 'AUTH_TRUST_HOST', 'VERCEL']) delete env[name];
  server = spawn(process.execPath, [path.join(process.cwd(), 'scripts', 'start.mjs')], { env, stdio: 'ignore' });
  const deadline = Date.now() + 170_000;
  for (;;) {
    const up = await fetch(`${origin}/api/health`).then((r) => r.ok).catch(() => false);
    if (up) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the second server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

test('served on another port without NEXTAUTH_URL or ERRATA_SITE_URL, sign-in and sign-out stay on that address', async ({ page }) => {
  const user = demoUser('editor');
  await page.goto(`${origin}/login?callbackUrl=%2Fdesk`);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
  expect(page.url()).toBe(`${origin}/desk`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${origin}/`);
  await expect(page.getByRole('link', { name: 'Corrections' }).first()).toBeVisible();
  // Signed out for real: the desk asks to sign in again, on the same address.
  await page.goto(`${origin}/desk`);
  await expect(page).toHaveURL(new RegExp(`^${origin.replace(/[.]/g, '\\.')}/login`));
});
