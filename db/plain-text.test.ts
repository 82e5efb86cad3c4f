// Claims are offsets into a version's plain text, so that text must never change for a stored
// version: not when the Markdown setup moves into lib/text, not when it is stored at save time.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { locateClaim } from '../lib/anchoring';
import { toPlainText } from '../lib/markdown';
import { demoNewsroom } from './seed/demo-content';
import { moreStories } from './seed/demo-content-more';
import { fromDatabase } from './test-support';

vi.mock('server-only', () => ({}));

/**
 * SHA-256 of every demo version's plain text in order, as lib/markdown gave it before lib/text
 * existed (the stories added since, for the casebook, were never rendered by it: left out).
 */
const DEMO_PLAIN_TEXTS_SHA256 = '0950796146c6e7c8fa5d0f534debe1b6a5f24b48780dbc1cd5e9311a2379eb3e';

// The app's store (this file on SQLite, or the file's own PostgreSQL database in the 'postgres'
// project), which seeds the demo newsroom into an empty database as it opens.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-plain-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
delete process.env.ERRATA_SEED;

const { closeStore, getDb, initStore } = await import('./index');
const { chainTexts } = await import('./queries/version-texts');
const { claims, versions, versionTexts } = await import('./tables');

await initStore(() => {});
const db = getDb();

afterAll(async () => {
  await closeStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('versions’ plain text', () => {
  it('is the same text as before the text engine, for every demo version', () => {
    const hash = createHash('sha256');
    const added = new Set(moreStories.map((a) => a.slug));
    for (const a of demoNewsroom.articles.filter((x) => !added.has(x.slug))) for (const v of a.versions) hash.update(`${toPlainText(v.body)}\u0000`);
    expect(hash.digest('hex')).toBe(DEMO_PLAIN_TEXTS_SHA256);
  });

  it('is stored for every version saved, equal to the body’s plain text', async () => {
    const rows = await db.select().from(versions).leftJoin(versionTexts, eq(versionTexts.versionId, versions.id));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.version_texts?.plain).toBe(toPlainText(r.versions.body));
  });

  it('is never rewritten or deleted', async () => {
    const row = (await db.select().from(versionTexts).limit(1))[0];
    expect(row).toBeDefined();
    await expect(fromDatabase(db.update(versionTexts).set({ plain: 'rewritten' }).where(eq(versionTexts.versionId, row!.versionId)))).rejects.toThrow(/never changed/);
    await expect(fromDatabase(db.delete(versionTexts).where(eq(versionTexts.versionId, row!.versionId)))).rejects.toThrow(/never deleted/);
  });

  it('still holds every stored demo claim exactly where it was anchored', async () => {
    const stored = await db.select().from(claims).innerJoin(versions, eq(versions.id, claims.versionId));
    expect(stored.length).toBeGreaterThan(0);
    for (const { claims: c, versions: v } of stored) {
      const [own] = await chainTexts(db, v.articleId, v.number);
      const text = own.text;
      expect(text.slice(c.start, c.end)).toBe(c.exact);
      expect(text.slice(c.start - c.prefix.length, c.start)).toBe(c.prefix);
      expect(text.slice(c.end, c.end + c.suffix.length)).toBe(c.suffix);
      const anchor = { quote: { exact: c.exact, prefix: c.prefix, suffix: c.suffix }, start: c.start, end: c.end };
      expect(locateClaim(anchor, [{ version: v.number, text }])).toEqual({ status: 'found', start: c.start, end: c.end, via: 'mapped' });
    }
  });
});
