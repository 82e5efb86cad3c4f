// The admin's settings page: a change to the names, the contact line, the readers' editor, the
// date style and the time zone shows at once on every reader page (the 404 page too) and in the
// feeds; bad input is refused with a field error and the typed text kept; every change is audited.
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { signInAs } from './support/desk';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const FIELDS = ['publication', 'columnName', 'contactLine', 'timeZone', 'locale', 'siteUrl', 'readersEditorEmail'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  publication: 'Publication name',
  columnName: 'Column name',
  contactLine: 'Contact line',
  timeZone: 'Time zone',
  locale: 'Date style',
  siteUrl: 'Site address',
  readersEditorEmail: 'Readers’ editor’s email',
};

function read<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

async function currentValues(page: Page): Promise<Values> {
  await page.goto('/desk/settings');
  const out = {} as Values;
  for (const f of FIELDS) out[f] = await page.getByLabel(LABELS[f], { exact: true }).inputValue();
  return out;
}

async function fill(page: Page, values: Partial<Values>) {
  for (const [f, v] of Object.entries(values) as [(typeof FIELDS)[number], string][]) {
    const field = page.getByLabel(LABELS[f], { exact: true });
    if (f === 'locale') await field.selectOption(v);
    else await field.fill(v);
  }
}

async function save(page: Page) {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/desk/settings');
  await page.getByRole('button', { name: 'Save settings' }).click();
  return (await response).status();
}

test.describe('newsroom settings', () => {
  test.describe.configure({ mode: 'serial' });
  let original: Values;
  const tag = Date.now().toString(36);
  const changed: Values = {
    publication: `The Kestrel Ledger ${tag}`,
    columnName: `Corrections and Clarifications ${tag}`,
    contactLine: `Write to Ada Ferrant at the Ledger, Quay Lane ${tag}.`,
    timeZone: 'America/New_York',
    locale: 'en-US',
    siteUrl: '',
    readersEditorEmail: `ada-${tag}@kestrel.example`,
  };

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signInAs(page, 'admin');
    original = await currentValues(page);
    await page.close();
  });

  test.afterAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage();
    await signInAs(page, 'admin');
    await page.goto('/desk/settings');
    await fill(page, original);
    expect(await save(page)).toBeLessThan(400);
    await page.close();
  });

  test('only an admin may open the settings page', async ({ page }) => {
    await signInAs(page, 'standards');
    const response = await page.goto('/desk/settings');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  });

  test('bad input is refused with field errors, a 4xx, and the typed text kept; nothing is saved', async ({ page }) => {
    await signInAs(page, 'admin');
    const audits = read<{ n: number }>("select count(*) as n from audit_events where action = 'settings.change'").n;
    await page.goto('/desk/settings');
    await fill(page, { publication: `Typed and kept ${tag}`, timeZone: 'Mars/Olympus_Mons', siteUrl: 'ftp://news.example/path', readersEditorEmail: 'not an address' });
    expect(await save(page)).toBe(422);
    await expect(page.getByText('Choose a time zone by its full name, such as Europe/London.')).toBeVisible();
    await expect(page.getByText('Give the address readers use, such as https://news.example (no path).')).toBeVisible();
    await expect(page.getByText('That email address does not look right.')).toBeVisible();
    await expect(page.getByLabel('Publication name', { exact: true })).toHaveValue(`Typed and kept ${tag}`);
    await expect(page.getByLabel('Time zone', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(read<{ n: number }>("select count(*) as n from audit_events where action = 'settings.change'").n).toBe(audits);
    expect(read<{ publication: string }>('select publication from settings where id = 1').publication).toBe(original.publication);
  });

  test('a change shows at once on every reader page, the 404 page and the feeds, and is audited', async ({ page, request }) => {
    test.setTimeout(240_000);
    await signInAs(page, 'admin');
    const article = read<{ slug: string }>("select slug from articles where status = 'published' and first_public_version is not null and section = 'Politics' order by id limit 1");
    const edition = read<{ date: string } | undefined>("select date from columns where status = 'published' order by date limit 1");
    // Warm the cached pages first, so the test sees them dropped, not merely rendered for the first time.
    const pages = ['/', `/articles/${article.slug}`, `/articles/${article.slug}/history`, '/corrections', '/for-the-record', '/sections/Politics', '/about', ...(edition ? [`/for-the-record/${edition.date}`] : [])];
    for (const url of pages) expect((await request.get(url)).status(), url).toBe(200);

    await page.goto('/desk/settings');
    await fill(page, changed);
    expect(await save(page)).toBe(200);
    await expect(page.getByRole('status')).toContainText('Settings saved');
    const audit = read<{ before: string; after: string; actor: string }>(
      "select a.before, a.after, u.role as actor from audit_events a join users u on u.id = a.actor_id where a.action = 'settings.change' order by a.id desc limit 1",
    );
    expect(audit.actor).toBe('admin');
    expect(JSON.parse(audit.before).publication).toBe(original.publication);
    expect(JSON.parse(audit.after)).toMatchObject({ publication: changed.publication, columnName: changed.columnName, timeZone: 'America/New_York', locale: 'en-US' });

    const reader = await page.context().browser()!.newPage();
    for (const url of [...pages, '/no-such-page', '/articles/no-such-article']) {
      const response = await reader.goto(url);
      expect(response?.status(), url).toBe(url.includes('no-such') ? 404 : 200);
      await expect(reader.locator('.masthead-title'), url).toHaveText(changed.publication);
      await expect(reader.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: changed.columnName }), url).toBeVisible();
      await expect(reader.locator('.site-footer'), url).toContainText(changed.contactLine);
      await expect(reader.locator('.site-footer').getByRole('link', { name: changed.readersEditorEmail }), url).toHaveAttribute('href', `mailto:${changed.readersEditorEmail}`);
      await expect(reader, url).toHaveTitle(new RegExp(changed.publication));
    }
    await reader.goto('/for-the-record');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(changed.columnName);
    if (edition) {
      await reader.goto(`/for-the-record/${edition.date}`);
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText(changed.columnName);
      // US style: "Sunday, May 15, 2011".
      await expect(reader.locator('.column-date')).toHaveText(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$/);
    }
    // Dates in the chosen style and zone: "May 3, 2026, 17:05 EDT".
    await reader.goto(`/articles/${article.slug}`);
    await expect(reader.locator('.dates time').first()).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2} E[DS]T$/);
    await reader.close();

    const feeds: [string, string[]][] = [
      ['/corrections/rss.xml', [changed.publication]],
      ['/corrections/atom.xml', [changed.publication]],
      ['/sections/Politics/corrections/feed.json', [changed.publication]],
      [`/articles/${article.slug}/corrections/rss.xml`, [changed.publication]],
      ['/for-the-record/rss.xml', [changed.columnName, changed.publication]],
      ['/for-the-record/feed.json', [changed.columnName, changed.publication]],
    ];
    for (const [url, words] of feeds) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const body = await response.text();
      const title = url.endsWith('.json') ? (JSON.parse(body) as { title: string }).title : (/<title[^>]*>([^<]*)<\/title>/.exec(body)?.[1] ?? '');
      for (const w of words) expect(title, url).toContain(w);
    }
  });
});
