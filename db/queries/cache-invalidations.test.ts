// The shared record of invalidations as a write makes it, read by another server's feed on the same
// database: on SQLite by its polls; on PostgreSQL (the 'postgres' project) woken by the write's own
// notification, with no poll asked for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-invalidations-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';

const { initStore } = await import('../index');
const { onPostgres } = await import('../tables');
const { recordInvalidation, writeWithInvalidation } = await import('./cache-invalidations');
const { getDb } = await import('../index');
const { cacheInvalidations } = await import('../tables');
const { invalidationFeedFor } = await import('../../scripts/support/shared-invalidations.mjs');

await initStore();

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('recordInvalidation', () => {
  it("reaches another server's feed: at once on PostgreSQL (its notification), at the next poll on SQLite", async () => {
    const applied: string[][] = [];
    const feed = invalidationFeedFor(process.env, (tags) => applied.push(tags));
    try {
      await feed.poll();
      await recordInvalidation({ tags: ['article:harbour', 'site'], origin: 'A' });
      await recordInvalidation({ tags: ['article:mine'], origin: 'B-self' });
      if (onPostgres) {
        const started = Date.now();
        while (applied.flat().length < 3 && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10));
        expect(Date.now() - started).toBeLessThan(2000);
      } else {
        expect(await feed.poll()).toBe(3);
      }
      expect(applied.flat().sort()).toEqual(['article:harbour', 'article:mine', 'site']);
    } finally {
      feed.close();
    }
  });
});

describe('writeWithInvalidation', () => {
  const rows = async () => (await getDb().select({ tags: cacheInvalidations.tags, origin: cacheInvalidations.origin }).from(cacheInvalidations)).map((r) => `${r.origin} ${r.tags}`);
  // The write here is itself a row of the table (any write would do): what matters is that the two commit together.
  const write = (name: string) => () => recordInvalidation({ tags: [`write:${name}`], origin: 'W' });

  it('commits the write and its invalidation together', async () => {
    const { result, tags } = await writeWithInvalidation(write('kept'), async (id) => [`article:${id}`, 'site'], 'A');
    expect(tags).toEqual([`article:${result}`, 'site']);
    expect(await rows()).toEqual(expect.arrayContaining(['W write:kept', `A article:${result} site`]));
  });

  it('when the invalidation cannot be worked out or written, the write is not committed either', async () => {
    const before = await rows();
    await expect(writeWithInvalidation(write('lost'), async () => { throw new Error('no such article'); }, 'A')).rejects.toThrow('no such article');
    // An origin the table refuses (NOT NULL): the insert itself fails inside the transaction.
    await expect(writeWithInvalidation(write('lost-too'), async () => ['site'], null as unknown as string)).rejects.toThrow();
    expect(await rows()).toEqual(before);
  });

  it('a commit that fails once the write and its tags are done tells the caller the tags: whether it committed is unknown', async () => {
    // A check that runs only at COMMIT, so the body finishes and the commit itself fails (as a commit
    // whose reply is lost with the connection fails): a deferred foreign key on SQLite, a deferred
    // constraint trigger on PostgreSQL.
    const failAtCommit = async () => {
      const db = getDb() as unknown as { run?: (q: unknown) => unknown; execute?: (q: unknown) => Promise<unknown> };
      if (onPostgres) {
        await db.execute?.(sql`CREATE TEMP TABLE commit_fails (x int) ON COMMIT DROP`);
        await db.execute?.(sql.raw(`CREATE FUNCTION pg_temp.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`));
        await db.execute?.(sql.raw('CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON commit_fails DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pg_temp.refuse()'));
        await db.execute?.(sql`INSERT INTO commit_fails VALUES (1)`);
      } else {
        db.run?.(sql`CREATE TEMP TABLE IF NOT EXISTS commit_parent (id integer primary key)`);
        db.run?.(sql`CREATE TEMP TABLE IF NOT EXISTS commit_child (p integer references commit_parent(id))`);
        db.run?.(sql`PRAGMA defer_foreign_keys = ON`);
        db.run?.(sql`INSERT INTO commit_child VALUES (1)`);
      }
      return 'written';
    };
    const before = await rows();
    const told: string[][] = [];
    await expect(writeWithInvalidation(failAtCommit, async () => ['article:uncertain', 'site'], 'A', (tags) => told.push(tags))).rejects.toThrow();
    expect(told).toEqual([['article:uncertain', 'site']]);
    expect(await rows()).toEqual(before);
    // A body that fails is no uncertainty: nothing committed, and nothing to tell.
    await expect(writeWithInvalidation(write('lost-again'), async () => { throw new Error('no such article'); }, 'A', (tags) => told.push(tags))).rejects.toThrow('no such article');
    expect(told).toHaveLength(1);
  });

  it('records nothing for a write that changed nothing', async () => {
    const before = await rows();
    const { tags } = await writeWithInvalidation(async () => 'unchanged', async () => [], 'A');
    expect(tags).toEqual([]);
    expect(await rows()).toEqual(before);
  });
});
