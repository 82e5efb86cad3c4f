// Attacks on the anonymous endpoints, as an attacker would make them: forged X-Forwarded-For,
// rotating addresses, bots, and floods of failures. No proxy is trusted in the e2e server, so the
// client's address is the socket's; each test connects from loopback addresses of its own.
import path from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { newSession, signIn } from './support/desk';
import { reportFrom, requestFrom, signInFrom } from './support/from-address';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

const report = (slug: string, extra: Record<string, string> = {}) => ({ slug, version: 1, words: 'the', message: 'Testing the limits.', email: '', ...extra });

async function addAccount(browser: Browser, tag: string) {
  const email = `${tag}-${Date.now()}@example.org`;
  const password = `the owner's own ${tag} password`;
  const admin = await newSession(browser, 'admin');
  await admin.page.goto('/desk/people');
  await admin.page.getByLabel('Email', { exact: true }).fill(email);
  await admin.page.getByLabel('Name', { exact: true }).fill('Abuse Test');
  await admin.page.getByLabel('Password', { exact: true }).fill(password);
  await admin.page.getByRole('button', { name: 'Add account' }).click();
  await expect(admin.page.getByText(`Added ${email} as editor.`)).toBeVisible();
  await admin.context.close();
  return { email, password };
}

test.describe('reader reports under attack', () => {
  test('30 reports from one client with a rotating X-Forwarded-For get 429 after the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await reportFrom('127.0.41.1', report('cannery-job-cuts'), { 'x-forwarded-for': `10.41.${i}.${i + 1}` })).status);
    expect(statuses.slice(0, 5), String(statuses)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5).every((s) => s === 429), String(statuses)).toBe(true);
  });

  test('bot posts caught by the honeypot spend no quota: not the address’s, not the article’s', async () => {
    // 25 bot posts from a reader's own address (a shared network) and 25 from elsewhere, all on one article.
    for (let i = 0; i < 25; i++) {
      expect((await reportFrom('127.0.42.1', report('council-budget-gap', { website: 'http://spam.example' }))).status).toBe(201);
      expect((await reportFrom('127.0.42.2', report('council-budget-gap', { website: 'http://spam.example' }))).status).toBe(201);
    }
    const reader = await reportFrom('127.0.42.1', report('council-budget-gap'));
    expect(reader.status, reader.text).toBe(201);
    expect(JSON.parse(reader.text).reference).toMatch(/^R-[A-Z2-9]{8}$/);
  });

  test('a reader report does not move the change stamp that keeps reader caches', async () => {
    // Other specs publish beside this one, so the stamp may move meanwhile: what must hold is that it
    // is the newest event that changed the record, never the report's. All three read in one statement.
    const read = () =>
      query<{ stamp: number; changer: number; report: number | null }>(
        "select (select stamp from record_stamp where id = 1) as stamp, (select max(id) from audit_events where action not like 'auth.%' and action <> 'report.create') as changer, (select max(id) from audit_events where action = 'report.create') as report",
      );
    const before = read();
    expect(before.stamp).toBe(before.changer);
    expect((await reportFrom('127.0.43.1', report('cannery-job-cuts'))).status).toBe(201);
    const after = read();
    expect(after.report ?? 0).toBeGreaterThan(before.report ?? 0); // the report is on the audit trail...
    // ...but the stamp is still the newest event that changed the record (had the report moved it,
    // the stamp would be the report's id, which `changer` leaves out).
    expect(after.stamp).toBe(after.changer);
  });
});

test.describe('sign-in under attack', () => {
  test('30 guesses at one account from rotating addresses are throttled, and the owner still signs in from their own browser', async ({ browser }) => {
    test.slow(); // 35 sign-ins, each a full password hash, in one test
    const { email, password } = await addAccount(browser, 'owner');
    // The owner signed in from this browser before the attack (then signed out).
    const owner = await browser.newContext();
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, email, password);
    await expect(ownerPage.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    await owner.clearCookies({ name: /session-token/ });

    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await signInFrom(`127.0.44.${i + 1}`, email, `guess number ${i}`, { 'x-forwarded-for': `10.44.${i}.1` })).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429), String(statuses)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429), String(statuses)).toBe(true);

    // A browser the account does not know, at an address it never signed in from, is refused even
    // with the right password... (every Chromium context here connects from 127.0.0.1, the owner's
    // usual address, which is limited on its own: so the stranger is a client of its own address.)
    const stranger = await signInFrom('127.0.44.99', email, password);
    expect(stranger.status, stranger.text).toBe(429);
    expect(JSON.parse(stranger.text).error).toContain('Too many failed sign-ins');
    // ...a new browser at the owner's usual address signs in (that address is limited on its own)...
    const fresh = await browser.newContext();
    const freshPage = await fresh.newPage();
    await signIn(freshPage, email, password);
    await expect(freshPage.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    await fresh.close();
    // ...while the owner, from their usual browser, signs in.
    await signIn(ownerPage, email, password);
    await expect(ownerPage.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    await owner.close();
  });

  test('spraying many accounts from one client, rotating X-Forwarded-For, is throttled', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await signInFrom('127.0.45.1', `spray-${i}@example.org`, 'Winter2026!', { 'x-forwarded-for': `10.45.${i}.1` })).status);
    expect(statuses.slice(0, 20).every((s) => s !== 429), String(statuses)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429), String(statuses)).toBe(true);
  });

  test('failed sign-ins do not flood the audit trail; the audit page shows their count', async ({ browser }) => {
    const email = `flood-${Date.now()}@example.org`;
    const events = () => query<{ n: number }>("select count(*) as n from audit_events where action like 'auth.%' and entity_id = ?", email).n;
    for (let i = 0; i < 12; i++) await signInFrom(`127.0.46.${i + 1}`, email, 'not the password', { 'x-forwarded-for': `10.46.${i}.1` });
    // One auth.failed for the window, one auth.throttled when the account's limit was reached.
    expect(events()).toBe(2);
    const throttled = query<{ after: string }>("select after from audit_events where action = 'auth.throttled' and entity_id = ?", email);
    expect(JSON.parse(throttled.after)).toMatchObject({ limit: 'account', failures: 5 });
    const admin = await newSession(browser, 'admin');
    await admin.page.goto('/desk/audit');
    const counts = admin.page.getByRole('table', { name: 'From browsers the account does not know, by account' });
    await expect(counts.getByRole('row', { name: new RegExp(`${email.replace(/[.]/g, '\\.')} 5 `) })).toBeVisible();
    await admin.context.close();
  });

  test('made-up accounts sprayed from one address add one audit event a window, not one per email', async () => {
    const address = '127.0.48.1';
    const stamp = Date.now().toString(36);
    for (let i = 0; i < 8; i++) await signInFrom(address, `sprayed-${stamp}-${i}@example.org`, 'not the password');
    expect(query<{ n: number }>("select count(*) as n from audit_events where action = 'auth.failed' and ip = ?", address).n).toBe(1);
  });

  test('a credentials form with the email sent twice is refused (400) and gives no account a device cookie', async ({ browser }) => {
    const victim = await addAccount(browser, 'victim');
    const attacker = await addAccount(browser, 'attacker');
    const devices = (email: string) => query<{ n: number }>('select count(*) as n from known_devices d join users u on u.id = d.user_id where u.email = ?', email).n;
    const before = [devices(victim.email), devices(attacker.email)];
    const csrf = await requestFrom('127.0.49.1', '/api/auth/csrf');
    const cookie = csrf.setCookies.map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const body = new URLSearchParams([
      ['email', victim.email],
      ['email', attacker.email],
      ['password', attacker.password],
      ['csrfToken', csrfToken],
      ['json', 'true'],
    ]).toString();
    const response = await requestFrom('127.0.49.1', '/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body });
    expect(response.status, response.text).toBe(400);
    expect(response.setCookies.some((c) => c.startsWith('errata-device='))).toBe(false);
    expect([devices(victim.email), devices(attacker.email)]).toEqual(before);
  });

  test('a credentials form whose Content-Type names another body type is refused (415), so next-auth never reads another account from it', async ({ browser }) => {
    const victim = await addAccount(browser, 'victim2');
    const attacker = await addAccount(browser, 'attacker2');
    const devices = (email: string) => query<{ n: number }>('select count(*) as n from known_devices d join users u on u.id = d.user_id where u.email = ?', email).n;
    const before = devices(victim.email);
    const csrf = await requestFrom('127.0.50.1', '/api/auth/csrf');
    const cookie = csrf.setCookies.map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    // Read as a form, it names the victim; read as JSON (next-auth looks for "application/json"
    // anywhere in the header), it signs the attacker in.
    const body = JSON.stringify({ email: attacker.email, password: attacker.password, csrfToken, x: `&email=${encodeURIComponent(victim.email)}&` });
    for (const type of ['application/x-www-form-urlencoded; x=application/json', 'application/json', 'multipart/form-data; boundary=XB; x=application/x-www-form-urlencoded']) {
      const response = await requestFrom('127.0.50.1', '/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': type, cookie }, body });
      expect(response.status, `${type}: ${response.text}`).toBe(415);
      expect(response.setCookies.some((c) => c.startsWith('errata-device=') || c.includes('session-token='))).toBe(false);
    }
    expect(devices(victim.email)).toBe(before);
  });
});
