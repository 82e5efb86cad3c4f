// The sitemap's article rows, on each store (the 'postgres' unit project runs this file again):
// each article's lastmod is its own newest readable save or published correction, and only an
// article with a published or withdrawn correction gets its history listed. Version and correction
// ids are kept out of step with article ids, so a query that matched a row to the wrong id shows.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { tempStoreEnv } from '../test-support';

vi.mock('server-only', () => ({}));

const { dir, adminEmail } = tempStoreEnv('sitemap');

const { closeStore, getDb, initStore } = await import('../index');
const { articles, corrections, users, withholdings } = await import('../tables');
const { appendVersion } = await import('./version-writes');
const { countSitemapArticles, listSitemapArticles } = await import('./public-record');

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 4, day, hour));
let userId = 0;

async function article(slug: string, status: 'draft' | 'published' | 'withdrawn', saves: Date[]) {
  const db = getDb();
  const row = (await db
    .insert(articles)
    .values({ slug, section: 'Local', byline: 'B', status, firstPublicVersion: status === 'draft' ? null : 1, firstPublishedAt: status === 'draft' ? null : saves[0] })
    .returning())[0];
  const saved = [];
  for (const [i, savedAt] of saves.entries()) {
    saved.push(await appendVersion(db, { articleId: row.id, headline: `${slug} ${i + 1}`, standfirst: 'S', body: `Version ${i + 1} of ${slug}.`, changeKind: i === 0 ? 'first_publication' : 'update', note: '', savedBy: userId, savedAt }));
  }
  return { row, saved };
}

async function correction(articleId: number, baseVersionId: number, status: 'draft' | 'published' | 'withdrawn', when: Date) {
  const db = getDb();
  const row = (await db
    .insert(corrections)
    .values({ articleId, kind: 'correction', mode: 'notice', wording: 'A figure was wrong.', baseVersionId, draftedBy: userId, draftedAt: when, updatedAt: when })
    .returning())[0];
  if (status !== 'draft') await db.update(corrections).set({ status: 'published', publishedBy: userId, publishedAt: when, publishedSection: 'Local', publishedByline: 'B' }).where(eq(corrections.id, row.id));
  if (status === 'withdrawn') await db.update(corrections).set({ status: 'withdrawn', withdrawnBy: userId, withdrawnAt: when, withdrawnReason: 'It was right after all.' }).where(eq(corrections.id, row.id));
}

let slugs: Record<string, { lastChanged: Date | null; hasNotices: boolean }> = {};

beforeAll(async () => {
  await initStore(() => {});
  const db = getDb();
  userId = (await db.select().from(users).where(eq(users.email, adminEmail)))[0].id;
  // A draft with many versions and a draft correction first, so ids no longer line up.
  const draft = await article('a-draft', 'draft', [at(1), at(2), at(3), at(4), at(5)]);
  await correction(draft.row.id, draft.saved[0].id, 'draft', at(6));
  await correction(draft.row.id, draft.saved[0].id, 'draft', at(6));
  const plain = await article('plain', 'published', [at(2), at(9)]);
  const corrected = await article('corrected', 'published', [at(3), at(4)]);
  await correction(corrected.row.id, corrected.saved[0].id, 'published', at(20));
  const drafted = await article('only-a-draft-correction', 'published', [at(5)]);
  await correction(drafted.row.id, drafted.saved[0].id, 'draft', at(25));
  const withdrawnNotice = await article('withdrawn-notice', 'published', [at(6), at(7)]);
  await correction(withdrawnNotice.row.id, withdrawnNotice.saved[0].id, 'withdrawn', at(8));
  // Version 2's save is withheld: lastmod is the newest save readers can read (version 3, the legal one, is later anyway; version 2 must not win over it).
  const held = await article('withheld', 'published', [at(10), at(28), at(12)]);
  await db.insert(withholdings).values({ versionId: held.saved[1].id, legalVersionId: held.saved[2].id, reason: 'legal advice' });
  await article('withdrawn-article', 'withdrawn', [at(11)]);
  void plain;
  const all = await listSitemapArticles({ page: 1, size: 100 });
  slugs = Object.fromEntries(all.map((a) => [a.slug, { lastChanged: a.lastChanged, hasNotices: a.hasNotices }]));
});

afterAll(async () => {
  await closeStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('lists published articles only, each with its own newest public change', () => {
  expect(Object.keys(slugs)).toEqual(['plain', 'corrected', 'only-a-draft-correction', 'withdrawn-notice', 'withheld']);
  expect(slugs.plain).toEqual({ lastChanged: at(9), hasNotices: false });
  expect(slugs.corrected).toEqual({ lastChanged: at(20), hasNotices: true });
  expect(slugs['only-a-draft-correction']).toEqual({ lastChanged: at(5), hasNotices: false });
  expect(slugs['withdrawn-notice']).toEqual({ lastChanged: at(8), hasNotices: true });
  expect(slugs.withheld).toEqual({ lastChanged: at(12), hasNotices: false });
});

it('pages by id, each page its own articles, and counts what it lists', async () => {
  expect(await countSitemapArticles()).toBe(5);
  const pages = [];
  for (let page = 1; page <= 3; page += 1) pages.push(await listSitemapArticles({ page, size: 2 }));
  expect(pages.map((p) => p.map((a) => a.slug))).toEqual([['plain', 'corrected'], ['only-a-draft-correction', 'withdrawn-notice'], ['withheld']]);
  expect(pages[0][1]).toEqual({ slug: 'corrected', section: 'Local', lastChanged: at(20), hasNotices: true });
  expect(await listSitemapArticles({ page: 4, size: 2 })).toEqual([]);
});
