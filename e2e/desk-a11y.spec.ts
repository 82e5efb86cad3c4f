// Every desk page, found by scanning app/desk, signed in as an admin (who may open them all), at a
// desktop width and a phone's: axe finds no serious or critical violations, and the page never
// scrolls sideways.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { isDynamic, scanRoutes, urlFor } from './support/routes';
import { signInAs } from './support/desk';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const WIDTHS = [1280, 390] as const;
// The widths are independent walks of every desk page, each a minute: side by side on the two workers.
test.describe.configure({ mode: 'parallel' });

/** Real ids for each desk route's dynamic segments: the article with the most on it, a correction, an edition. */
function deskUrls(): string[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    const article = db.prepare("select a.id, (select max(number) from versions v where v.article_id = a.id) as n from articles a join corrections c on c.article_id = a.id where a.status = 'published' order by a.id limit 1").get() as { id: number; n: number };
    const correction = db.prepare("select id from corrections where status = 'published' order by id limit 1").get() as { id: number };
    // Runs after the column specs (project "finish"), so an edition exists.
    const edition = db.prepare("select id from columns order by status = 'published' desc, id limit 1").get() as { id: number } | undefined;
    if (!edition) throw new Error('no column edition to open: run after the column specs');
    // An open case shows every form its page has (the casebook spec and the reports open cases).
    const caseRow = db.prepare("select id from cases order by status = 'open' desc, id desc limit 1").get() as { id: number } | undefined;
    const routes = scanRoutes().filter((r) => r.kind === 'page' && r.segments[0] === 'desk');
    return routes.map((route) =>
      urlFor(route, (name, i) => {
        const parent = route.segments[i - 1];
        if (name === 'n') return String(article.n);
        if (parent === 'articles') return String(article.id);
        if (parent === 'corrections') return String(correction.id);
        if (parent === 'column') return String(edition.id);
        if (parent === 'cases' && caseRow) return String(caseRow.id);
        throw new Error(`no value for [${name}] in ${route.file}`);
      }),
    );
  } finally {
    db.close();
  }
}

for (const width of WIDTHS) {
  test(`every desk page at ${width} px: 0 serious or critical axe violations, and no sideways scroll`, async ({ page }) => {
    test.setTimeout(600_000);
    const urls = deskUrls();
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.every((u) => !u.split('/').some(isDynamic))).toBe(true);
    await signInAs(page, 'admin');
    const problems: string[] = [];
    await page.setViewportSize({ width, height: 900 });
    for (const url of urls) {
      const response = await page.goto(url);
      if ((response?.status() ?? 500) >= 400) problems.push(`${width}px ${url}: answered ${response?.status()}`);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      for (const v of results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        console.log(`axe: ${width}px ${url}: ${v.id}`);
        problems.push(`${width}px ${url}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) {
        console.log(`overflow: ${width}px ${url}: ${overflow}px`);
        problems.push(`${width}px ${url}: scrolls sideways by ${overflow}px`);
      }
    }
    console.log(`desk a11y at ${width} px: ${urls.length} desk pages`);
    expect(problems).toEqual([]);
  });
}

test('the desk menu is a styled bar of separate links with counts that need action', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/desk');
  const menu = page.getByRole('navigation', { name: 'Desk' });
  const links = menu.getByRole('listitem');
  expect(await links.count()).toBeGreaterThanOrEqual(7);
  // Separate links: each sits apart from the next, with room to tap.
  const boxes = await menu.locator('.desk-menu a').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, right: r.right, y: r.y, h: r.height })));
  for (let i = 1; i < boxes.length; i++) if (boxes[i].y === boxes[i - 1].y) expect(boxes[i].x).toBeGreaterThan(boxes[i - 1].right);
  for (const b of boxes) expect(b.h).toBeGreaterThanOrEqual(24);
  await expect(menu.getByRole('link', { name: 'Settings' })).toBeVisible();
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention.getByRole('link', { name: /draft corrections? waiting/ })).toBeVisible();
  await expect(attention.getByRole('link', { name: /new reader reports?/ })).toBeVisible();
  await expect(page.locator('td .badge').first()).toBeVisible();
  // Mode radios sit beside their words on the correction form, not above them.
  const db = new Database(databasePath, { readonly: true });
  const { id, body } = db
    .prepare("select a.id, v.body from articles a join versions v on v.article_id = a.id where a.status = 'published' order by a.id, v.number desc limit 1")
    .get() as { id: number; body: string };
  db.close();
  await page.goto(`/desk/articles/${id}/corrections/new`);
  // The form opens once the words are found in the text.
  const words = /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.exec(body)![0];
  await page.getByLabel('Type or paste the exact words that were wrong').fill(words);
  await page.getByRole('button', { name: 'Find the words' }).click();
  const radio = page.getByRole('radio', { name: /Notice only/ }).first();
  const label = page.locator('label', { has: radio });
  const [r, l] = [await radio.boundingBox(), await label.boundingBox()];
  expect(r!.width).toBeLessThan(40);
  expect(r!.x).toBeLessThan(l!.x + 40);
  expect(l!.height).toBeLessThan(48);
});
