// The standards dashboard, the annual statement and its CSV: charts drawn on the server (they need
// no JavaScript), each with its summary and its table; axe finds nothing serious; only standards
// and admin get in; the CSV downloads as a file; per-author figures leave a mark in the audit trail.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInAs } from './support/desk';
import { queryAll as readAll, queryOne as read } from './support/e2e-db';

// The demo newsroom's corrections fall in these months, which are over: no spec adds to them.
const RANGE = 'from=2026-09-01&to=2026-11-30';



async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('the dashboard draws its charts without JavaScript, each an SVG with a summary and a table', async ({ browser }) => {
  // Signed in with JavaScript, then the same session in a browser that runs none.
  const signedIn = await browser.newContext();
  await signInAs(await signedIn.newPage(), 'standards');
  const storageState = await signedIn.storageState();
  await signedIn.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  const page = await context.newPage();
  try {
    const response = await page.goto(`/desk/standards?${RANGE}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Standards' })).toBeVisible();
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(8);
    for (const chart of await charts.all()) {
      // Drawn at two sizes, one of them shown: the other is display:none, out of the accessibility tree.
      await expect(chart.locator('svg[role="img"]')).toHaveCount(2);
      const svg = chart.locator('svg[role="img"]:visible');
      await expect(svg).toHaveCount(1);
      const labelledBy = await svg.getAttribute('aria-labelledby');
      const summary = page.locator(`[id="${labelledBy}"]`);
      await expect(summary).toHaveText(/\.$/);
      await expect(chart.locator('figcaption')).not.toBeEmpty();
      // The table is a click away, and <details> opens without JavaScript.
      const table = chart.locator('details table');
      await expect(table).toHaveCount(1);
      await chart.locator('details > summary').click();
      await expect(table).toBeVisible();
      await expect(table.locator('caption')).not.toBeEmpty();
    }
    // The weekly chart: its sentence matches its table's total.
    const weekly = page.locator('#chart-weekly');
    const total = Number(await weekly.locator('tfoot td').last().textContent());
    await expect(page.locator('#chart-weekly-summary')).toHaveText(total === 0 ? /^No corrections in \d+ weeks\.$/ : new RegExp(`^${total} corrections? in (\\d+ weeks;|the week)`));
    expect(await weekly.locator('svg.chart-wide rect').count()).toBeGreaterThan(0);
    // A GET form: the filters work without JavaScript too.
    await page.getByLabel('From', { exact: true }).fill('2026-10-01');
    await page.getByLabel('To', { exact: true }).fill('2026-10-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/from=2026-10-01&to=2026-10-31/);
    await expect(page.locator('figure.chart').first()).toBeVisible();
  } finally {
    await context.close();
  }
});

test('the dashboard: axe finds nothing serious at a desktop width and a phone’s, with no sideways scroll', async ({ page }) => {
  test.setTimeout(300_000);
  await signInAs(page, 'standards');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const url of ['/desk/standards', `/desk/standards?${RANGE}`, `/desk/standards/statement?${RANGE}`]) {
      await page.goto(url);
      for (const d of await page.locator('details').all()) await d.locator('summary').click();
      expect(await seriousViolations(page), `${width}px ${url}`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width}px ${url}`).toBeLessThanOrEqual(0);
    }
  }
});

test('a bad range is a message on the page, never an error page', async ({ page }) => {
  await signInAs(page, 'standards');
  for (const [query, message] of [
    ['from=2026-02-31', /is not a date/],
    ['from=2026-12-01&to=2026-11-01', /is after the end/],
    ['from=2001-01-01&to=2026-01-01', /at most about five years/],
    ['to=not-a-day', /is not a date/],
  ] as const) {
    const dashboard = await page.goto(`/desk/standards?${query}`);
    expect(dashboard?.status(), query).toBe(200);
    await expect(page.locator('p.form-error[role="alert"]')).toHaveText(message);
    await expect(page.locator('figure.chart')).toHaveCount(0);
    const statement = await page.goto(`/desk/standards/statement?${query}`);
    expect(statement?.status(), query).toBe(200);
    await expect(page.locator('p.form-error[role="alert"]')).toHaveText(message);
    await expect(page.locator('#table-kind')).toHaveCount(0);
    const csv = await page.request.get(`/desk/standards/statement.csv?${query}`);
    expect(csv.status(), query).toBe(400);
    expect(await csv.text()).toMatch(message);
  }
});

test('the statement: every table by its id, printable, with a CSV for the whole and for each table', async ({ page }) => {
  await signInAs(page, 'standards');
  await page.goto('/desk/standards/statement');
  await expect(page.getByText('the last 365 days, as no range was given')).toBeVisible();
  await page.goto(`/desk/standards/statement?${RANGE}`);
  const published = read<{ n: number }>(
    "select count(*) as n from corrections where status = 'published' and published_at >= ? and published_at < ?",
    // The range's days in the newsroom's zone (Europe/London): BST on 1 September, GMT by 30 November.
    Date.parse('2026-09-01T00:00:00+01:00'),
    Date.parse('2026-12-01T00:00:00Z'),
  ).n;
  await expect(page.locator('#table-totals tr', { hasText: 'Corrections published' }).locator('td')).toHaveText(String(published));
  for (const id of ['kind', 'section', 'error-type', 'cause', 'found-by', 'clause', 'outcome', 'route', 'medians', 'upheld']) {
    await expect(page.locator(`table#table-${id} caption`), id).not.toBeEmpty();
  }
  await expect(page.locator('#table-kind tfoot td')).toHaveText(String(published));
  // In print: no menu, no form, no download links.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Desk' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'The whole statement as CSV' })).toBeHidden();
  await expect(page.locator('#table-kind')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'The whole statement as CSV' }).click();
  expect((await download).suggestedFilename()).toBe('statement-2026-09-01-2026-11-30.csv');
  const perTable = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Corrections by kind (CSV)' }).click();
  expect((await perTable).suggestedFilename()).toBe('statement-2026-09-01-2026-11-30-kind.csv');
});

test('the CSV answers as a private download, one table on request, 404 for a table it does not have', async ({ page }) => {
  await signInAs(page, 'admin');
  const whole = await page.request.get(`/desk/standards/statement.csv?${RANGE}`);
  expect(whole.status()).toBe(200);
  expect(whole.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(whole.headers()['content-disposition']).toBe('attachment; filename="statement-2026-09-01-2026-11-30.csv"');
  expect(whole.headers()['cache-control']).toBe('private, no-store');
  const lines = (await whole.text()).split('\n');
  expect(lines[0]).toBe('table,label,count');
  expect(lines[1]).toBe('period,2026-09-01 to 2026-11-30,');
  const kind = await page.request.get(`/desk/standards/statement.csv?${RANGE}&table=kind`);
  expect(kind.headers()['content-disposition']).toBe('attachment; filename="statement-2026-09-01-2026-11-30-kind.csv"');
  const rows = (await kind.text()).trim().split('\n');
  expect(rows[0]).toBe('label,count');
  expect(rows.at(-1)).toMatch(/^Total,\d+$/);
  // Every cell of the whole file agrees with the per-table file.
  const wholeKind = lines.filter((l) => l.startsWith('kind,')).map((l) => l.slice('kind,'.length));
  expect(wholeKind).toEqual(rows.slice(1, -1));
  expect((await page.request.get(`/desk/standards/statement.csv?${RANGE}&table=nope`)).status()).toBe(404);
  expect((await page.request.get(`/desk/standards/statement.csv?${RANGE}&table=%3Cscript%3E`)).status()).toBe(404);
  const section = await page.request.get(`/desk/standards/statement.csv?${RANGE}&section=${encodeURIComponent('No such section')}`);
  expect(section.status()).toBe(200);
  expect(await section.text()).toContain('totals,Corrections published,0');
});

test('an editor is refused the dashboard, the statement, the CSV and the standards settings; the anonymous are sent to sign in', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    expect((await anonymous.get(`/desk/standards/statement.csv?${RANGE}`, { maxRedirects: 0 })).status()).toBe(401);
    const dashboard = await anonymous.get('/desk/standards', { maxRedirects: 0 });
    expect([307, 308]).toContain(dashboard.status());
    expect(dashboard.headers().location).toMatch(/^\/login\?callbackUrl=/);
  } finally {
    await anonymous.dispose();
  }
  await signInAs(page, 'editor');
  for (const url of ['/desk/standards', `/desk/standards?${RANGE}&authors=1`, '/desk/standards/statement', '/desk/standards/settings']) {
    expect((await page.goto(url))?.status(), url).toBe(403);
  }
  expect((await page.request.get(`/desk/standards/statement.csv?${RANGE}`)).status()).toBe(403);
  expect((await page.request.get('/desk/standards/statement.csv')).status()).toBe(403);
});

test('per-author figures are shown only when asked for, and each showing is audited with its range', async ({ page }) => {
  const user = await signInAs(page, 'standards');
  const views = () => read<{ n: number }>("select count(*) as n from audit_events where action = 'standards.view_authors'").n;
  const before = views();
  await page.goto(`/desk/standards?${RANGE}`);
  await expect(page.locator('#table-authors')).toHaveCount(0);
  expect(views()).toBe(before);
  await page.getByRole('link', { name: 'Show per-author figures' }).click();
  await expect(page).toHaveURL(/authors=1/);
  await expect(page.getByRole('table', { name: 'Corrections by author (the article’s byline)' })).toBeVisible();
  await expect.poll(views).toBe(before + 1);
  const event = read<{ after: string; email: string }>(
    "select e.after, u.email from audit_events e join users u on u.id = e.actor_id where e.action = 'standards.view_authors' order by e.id desc limit 1",
  );
  expect(event.email).toBe(user.email);
  expect(JSON.parse(event.after)).toMatchObject({ from: '2026-09-01', to: '2026-11-30', section: null });
});

test('an alert on an author names them only on the audited per-author view, never on the desk home', async ({ page }) => {
  await signInAs(page, 'standards');
  // The demo newsroom's own now, when one reporter and one section have reached the rule.
  await page.setExtraHTTPHeaders({ 'x-errata-test-now': '2026-11-20T00:00:00Z' });
  const since = Date.parse('2026-10-21T00:00:00Z');
  const alerting = readAll<{ byline: string }>(
    "select a.byline from corrections c join articles a on a.id = c.article_id where c.status = 'published' and c.published_at >= ? and c.published_at < ? group by a.byline having count(*) >= 3",
    since,
    Date.parse('2026-11-20T00:00:00Z'),
  );
  expect(alerting.length, 'the demo has an author past the rule').toBeGreaterThan(0);
  const views = () => read<{ n: number }>("select count(*) as n from audit_events where action = 'standards.view_authors'").n;
  const before = views();

  await page.goto('/desk');
  const panel = page.getByRole('region', { name: 'Standards alerts' });
  await expect(panel).toContainText(/(One author has|\d+ authors have) \d+ or more corrections in 30 days/);
  await page.goto(`/desk/standards?${RANGE}`);
  const alerts = page.locator('.standards-alerts');
  await expect(alerts).toContainText(/(One author|\d+ authors) \(show who/);
  for (const { byline } of alerting) {
    await page.goto('/desk');
    await expect(panel).not.toContainText(byline);
    await page.goto(`/desk/standards?${RANGE}`);
    await expect(alerts).not.toContainText(byline);
  }
  expect(views()).toBe(before);

  await page.goto('/desk');
  await panel.getByRole('link', { name: /or more corrections/ }).click();
  await expect(page).toHaveURL(/authors=1/);
  for (const { byline } of alerting) await expect(alerts).toContainText(byline);
  await expect.poll(views).toBe(before + 1);
});

test('cases open and overdue follow the desk’s clock', async ({ page }) => {
  await signInAs(page, 'standards');
  const figure = (label: string) => page.locator('.standards-figures > div', { has: page.locator('dt', { hasText: label }) }).locator('dd a');
  await page.setExtraHTTPHeaders({ 'x-errata-test-now': '2030-01-01T00:00:00Z' });
  await page.goto(`/desk/standards?${RANGE}`);
  // Far ahead, every case still open is overdue.
  await expect(figure('Cases overdue now')).toHaveText((await figure('Cases open now').textContent()) ?? '');
});

test('standards settings: a bad list is refused beside its field with the typed text kept; the same values save nothing', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/desk/settings');
  await page.getByRole('link', { name: 'Standards settings' }).click();
  await expect(page).toHaveURL(/\/desk\/standards\/settings$/);
  const types = page.getByLabel('Types of error', { exact: true });
  const original = await types.inputValue();
  expect(original).toContain('name: Name');
  const days = await page.getByLabel('Within this many days', { exact: true }).inputValue();
  const typed = `${original}\nbad code!: Spelling`;
  await types.fill(typed);
  await page.getByLabel('Within this many days', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Save standards settings' }).click();
  await expect(page.locator('p.form-error[role="alert"]')).toHaveText('Please correct the fields marked below.');
  await expect(page.locator('#field-errorTypes-error')).toContainText('the code “bad code!”');
  await expect(page.locator('#field-alertDays-error')).toHaveText(/At least 1/);
  await expect(page.getByLabel('Types of error', { exact: true })).toHaveValue(typed);
  await page.getByLabel('Types of error', { exact: true }).fill(original);
  await page.getByLabel('Within this many days', { exact: true }).fill(days);
  // A due-soon window as long as a route's whole time would call every new case due soon.
  const dueSoon = page.getByLabel('Due soon (days before the due date)', { exact: true });
  const soon = await dueSoon.inputValue();
  await dueSoon.fill('60');
  await page.getByRole('button', { name: 'Save standards settings' }).click();
  await expect(page.locator('#field-dueSoonDays-error')).toContainText('shorter than the shortest route');
  await expect(dueSoon).toHaveValue('60');
  await dueSoon.fill(soon);
  await page.getByRole('button', { name: 'Save standards settings' }).click();
  await expect(page.locator('p.banner[role="status"]')).toHaveText('Nothing changed.');
});
