// Lighthouse's best-practices and SEO categories score 100 on the home page and an article page,
// run on the built app this suite serves (e2e/support/lighthouse-run.mjs, in its own Chromium).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';

const run = promisify(execFile);
const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');

interface Report {
  url: string;
  scores: Record<string, number | null>;
  failing: { category: string; id: string; title: string; details: string }[];
  runtimeError: string | null;
}

async function lighthouse(url: string): Promise<Report> {
  const { stdout } = await run(process.execPath, [path.join('e2e', 'support', 'lighthouse-run.mjs'), url], { timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Report;
}

function corrected(): string {
  const db = new Database(databasePath, { readonly: true });
  try {
    // An article with a published correction notice: the page with the most on it.
    return (db.prepare("select a.slug from articles a join corrections c on c.article_id = a.id where a.status = 'published' and c.status = 'published' order by a.id limit 1").get() as { slug: string }).slug;
  } finally {
    db.close();
  }
}

for (const [name, target] of [
  ['the home page', () => '/'],
  ['an article page', () => `/articles/${corrected()}`],
] as const) {
  test(`Lighthouse: best practices 100 and SEO 100 on ${name}`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    const report = await lighthouse(`${baseURL}${target()}`);
    expect(report.runtimeError).toBeNull();
    expect(report.failing, 'audits that lost points').toEqual([]);
    expect(report.scores).toEqual({ 'best-practices': 1, seo: 1 });
  });
}
