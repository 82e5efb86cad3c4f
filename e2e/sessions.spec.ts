// Sessions end: a cookie kept from before a sign-out, a disable and re-enable, or a role change
// is worth nothing afterwards (the server checks its session row on every request).
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { newSession, signIn, signInAs } from './support/desk';

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;

/** A fresh browser that carries only `cookies`, opening `path`. */
async function replay(browser: Browser, cookies: Cookies, path: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

async function addAccount(admin: Page, role: 'editor' | 'standards') {
  const email = `session-${role}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@example.org`;
  const password = 'gulls over the breakwater';
  await admin.goto('/desk/people');
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Name', { exact: true }).fill('Session Test');
  await admin.getByLabel('Role', { exact: true }).selectOption(role);
  await admin.getByLabel('Password', { exact: true }).fill(password);
  await admin.getByRole('button', { name: 'Add account' }).click();
  await expect(admin.getByText(`Added ${email} as ${role}.`)).toBeVisible();
  return { email, password };
}

test.describe('sessions end', () => {
  test('a session cookie replayed after sign-out gets the sign-in page', async ({ page, browser }) => {
    await signInAs(page, 'standards', 1);
    // The standards editor's own page opens with this cookie…
    await page.goto('/desk/column');
    await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    const kept = await page.context().cookies();
    expect(kept.some((c) => c.name.includes('next-auth.session-token'))).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);

    // …and after signing out, the same cookie is refused.
    for (const path of ['/desk', '/desk/column']) {
      const replayed = await replay(browser, kept, path);
      await expect(replayed).toHaveURL(/\/login/);
      await expect(replayed.getByRole('heading', { name: 'Sign in to the desk' })).toBeVisible();
      await replayed.context().close();
    }
    // next-auth's own session endpoint (however its path is spelled, GET or POST) knows no one either.
    const replayed = await browser.newContext();
    await replayed.addCookies(kept);
    for (const path of ['/api/auth/session', '/api/auth/session/x']) {
      expect(await (await replayed.request.get(path)).json(), path).toEqual({});
      expect(await (await replayed.request.post(path, { data: { data: {} } })).json(), `POST ${path}`).toEqual({});
    }
    await replayed.close();
  });

  test('a session cookie from before a disable and re-enable gets the sign-in page', async ({ page, browser }) => {
    const admin = await newSession(browser, 'admin');
    const { email, password } = await addAccount(admin.page, 'editor');
    await signIn(page, email, password);
    await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    const kept = await page.context().cookies();

    await admin.page.reload();
    await admin.page.getByRole('button', { name: `Disable ${email}` }).click();
    await expect(admin.page.getByText('Account disabled.')).toBeVisible();
    await admin.page.reload();
    await admin.page.getByRole('button', { name: `Enable ${email}` }).click();
    await expect(admin.page.getByText('Account enabled.')).toBeVisible();

    const replayed = await replay(browser, kept, '/desk');
    await expect(replayed).toHaveURL(/\/login/);
    await replayed.context().close();
    // The browser that held the session is signed out too; signing in again works.
    await page.goto('/desk');
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, email, password);
    await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    await admin.context.close();
  });

  test('a session cookie from before a role change gets the sign-in page', async ({ page, browser }) => {
    const admin = await newSession(browser, 'admin');
    const { email, password } = await addAccount(admin.page, 'standards');
    await signIn(page, email, password);
    await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    await page.goto('/desk/column');
    await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    const kept = await page.context().cookies();

    await admin.page.reload();
    const row = admin.page.locator('tr', { hasText: email });
    await row.getByLabel(`Role for ${email}`).selectOption('editor');
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(row.getByText('Role changed.')).toBeVisible();

    for (const path of ['/desk', '/desk/column']) {
      const replayed = await replay(browser, kept, path);
      await expect(replayed).toHaveURL(/\/login/);
      await replayed.context().close();
    }
    await admin.context.close();
  });
});
