// The feed that carries one app server's invalidations to the others on the same database: a SQLite
// file, or PostgreSQL (a database of its own on the run's scratch cluster: these fail, never skip,
// without one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/connection';
import { openPgDatabase } from '../../db/pg/connection';
import { createEmptyPgDatabase, createPgTestDatabase, type PgTestDatabase } from '../../db/pg/test-support';
import { cacheInvalidations } from '../../db/tables';
import { expireLocally, INVALIDATION_CHANNEL, invalidationFeedFor, pgInvalidationFeed, sqliteInvalidationFeed } from './shared-invalidations.mjs';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-feed-'));
  file = path.join(dir, 'errata.db');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function record(db: Db, origin: string, tags: string[]): Promise<void> {
  await db.insert(cacheInvalidations).values({ origin, tags: tags.join(' ') });
}

describe('the shared invalidation feed', () => {
  it('waits quietly until the database exists and is migrated', async () => {
    const applied: string[][] = [];
    const feed = sqliteInvalidationFeed({ file, origin: 'B', apply: (tags) => applied.push(tags) });
    expect(feed.poll()).toBe(0);
    const db = openDatabase(file);
    await record(db, 'A', ['site']);
    // The first poll that finds the table starts from its end: a new server's caches are empty anyway.
    expect(feed.poll()).toBe(0);
    await record(db, 'A', ['article:harbour']);
    expect(feed.poll()).toBe(1);
    expect(applied).toEqual([['article:harbour']]);
    feed.close();
    db.$client.close();
  });

  it("applies each of the other servers' tags once, never its own, merged per poll", async () => {
    const db = openDatabase(file);
    const applied: string[][] = [];
    const feed = sqliteInvalidationFeed({ file, origin: 'B', apply: (tags) => applied.push(tags) });
    feed.poll();
    await record(db, 'A', ['site', 'article:one']);
    await record(db, 'B', ['article:mine']);
    await record(db, 'C', ['article:one', 'column']);
    expect(feed.poll()).toBe(3);
    expect(applied).toEqual([['site', 'article:one', 'column']]);
    expect(feed.poll()).toBe(0);
    await record(db, 'B', ['article:mine']);
    expect(feed.poll()).toBe(0);
    expect(applied).toHaveLength(1);
    feed.close();
    db.$client.close();
  });

  it("expires the tags in the manifest Next's caches consult", async () => {
    const { tagsManifest, areTagsExpired } = await import('next/dist/server/lib/incremental-cache/tags-manifest.external.js');
    const before = performance.timeOrigin + performance.now() - 10;
    expect(areTagsExpired(['article:feed-test'], before)).toBe(false);
    expireLocally(['article:feed-test']);
    expect(tagsManifest.get('article:feed-test')?.expired).toBeGreaterThan(before);
    expect(areTagsExpired(['article:feed-test'], before)).toBe(true);
  });
});

/** Records a row as recordInvalidation does on PostgreSQL: the insert and its notification in one transaction. */
async function recordPg(client: pg.Pool | pg.Client, origin: string, tags: string[], notify = true): Promise<number> {
  const c = client instanceof pg.Pool ? await client.connect() : client;
  try {
    await c.query('BEGIN');
    const id = Number((await c.query<{ id: number }>('INSERT INTO cache_invalidations (tags, origin) VALUES ($1, $2) RETURNING id', [tags.join(' '), origin])).rows[0].id);
    if (notify) await c.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, String(id)]);
    await c.query('COMMIT');
    return id;
  } finally {
    if (c !== client) (c as pg.PoolClient).release();
  }
}

/** Resolves when `test` holds, polling every 10 ms; rejects after `ms`. */
async function until(ms: number, test: () => boolean): Promise<number> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

describe('the shared invalidation feed on PostgreSQL', () => {
  let store: PgTestDatabase;

  beforeEach(async () => {
    store = await createPgTestDatabase();
  }, 60_000);

  afterEach(async () => {
    await store.drop();
  });

  it('is the feed DATABASE_URL=postgres://… selects, and polls as a promise', async () => {
    const feed = invalidationFeedFor({ DATABASE_URL: store.url }, () => {});
    const polled = feed.poll();
    expect(polled).toBeInstanceOf(Promise);
    expect(await polled).toBe(0);
    feed.close();
    const sqlite = invalidationFeedFor({ DATABASE_PATH: file }, () => {});
    expect(sqlite.poll()).toBe(0);
    sqlite.close();
  });

  it('waits quietly until the database exists and is migrated', async () => {
    const url = await createEmptyPgDatabase();
    const applied: string[][] = [];
    const feed = pgInvalidationFeed({ url, origin: 'B', apply: (tags) => applied.push(tags) });
    expect(await feed.poll()).toBe(0);
    const db = await openPgDatabase(url, { max: 2 });
    try {
      await recordPg(db.$client, 'A', ['site'], false);
      // A failed attempt is tried again a quarter of a second later; the first that finds the table
      // starts from its end (a new server's caches are empty anyway).
      await new Promise((r) => setTimeout(r, 300));
      expect(await feed.poll()).toBe(0);
      await recordPg(db.$client, 'A', ['article:harbour'], false);
      expect(await feed.poll()).toBe(1);
      expect(applied).toEqual([['article:harbour']]);
    } finally {
      feed.close();
      await db.$client.end();
      const admin = new pg.Client({ connectionString: store.url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("applies each of the other servers' tags once, never its own, merged per poll", async () => {
    const applied: string[][] = [];
    const feed = pgInvalidationFeed({ url: store.url, origin: 'B', listen: false, apply: (tags) => applied.push(tags) });
    await feed.poll();
    await recordPg(store.db.$client, 'A', ['site', 'article:one'], false);
    await recordPg(store.db.$client, 'B', ['article:mine'], false);
    await recordPg(store.db.$client, 'C', ['article:one', 'column'], false);
    expect(await feed.poll()).toBe(3);
    expect(applied).toEqual([['site', 'article:one', 'column']]);
    expect(await feed.poll()).toBe(0);
    await recordPg(store.db.$client, 'B', ['article:mine'], false);
    expect(await feed.poll()).toBe(0);
    expect(applied).toHaveLength(1);
    feed.close();
  });

  it('is woken by the notification a write sends as it commits, with no poll asked for', async () => {
    const applied: string[][] = [];
    const feed = pgInvalidationFeed({ url: store.url, origin: 'B', apply: (tags) => applied.push(tags) });
    await feed.poll();
    await recordPg(store.db.$client, 'A', ['article:woken']);
    const took = await until(2000, () => applied.length > 0);
    expect(applied).toEqual([['article:woken']]);
    expect(took).toBeLessThan(1000);
    // Without a notification nothing wakes it (the server's own polls are the safety net for that).
    await recordPg(store.db.$client, 'A', ['article:quiet'], false);
    await new Promise((r) => setTimeout(r, 300));
    expect(applied).toHaveLength(1);
    expect(await feed.poll()).toBe(1);
    expect(applied[1]).toEqual(['article:quiet']);
    feed.close();
  });

  it('applies a row committed after a row with a later id (ids are handed out before commit)', async () => {
    const applied: string[][] = [];
    const feed = pgInvalidationFeed({ url: store.url, origin: 'B', listen: false, apply: (tags) => applied.push(tags) });
    await feed.poll();
    const slow = await store.db.$client.connect();
    try {
      await slow.query('BEGIN');
      const early = Number((await slow.query<{ id: number }>("INSERT INTO cache_invalidations (tags, origin) VALUES ('article:early', 'A') RETURNING id")).rows[0].id);
      const late = await recordPg(store.db.$client, 'C', ['article:late'], false);
      expect(late).toBeGreaterThan(early);
      expect(await feed.poll()).toBe(1);
      expect(applied).toEqual([['article:late']]);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    expect(await feed.poll()).toBe(1);
    expect(applied).toEqual([['article:late'], ['article:early']]);
    expect(await feed.poll()).toBe(0);
    // An id whose transaction rolled back never appears: it costs a look per poll, nothing more.
    const undone = await store.db.$client.connect();
    try {
      await undone.query('BEGIN');
      await undone.query("INSERT INTO cache_invalidations (tags, origin) VALUES ('article:never', 'A')");
      await undone.query('ROLLBACK');
    } finally {
      undone.release();
    }
    await recordPg(store.db.$client, 'A', ['article:after'], false);
    expect(await feed.poll()).toBe(1);
    expect(await feed.poll()).toBe(0);
    expect(applied.flat()).toEqual(['article:late', 'article:early', 'article:after']);
    feed.close();
  });

  it('answers every call made while a poll runs with one read that starts after it', async () => {
    const applied: string[][] = [];
    const feed = pgInvalidationFeed({ url: store.url, origin: 'B', listen: false, apply: (tags) => applied.push(tags) });
    await feed.poll();
    // The running read waits on a lock the test holds; the row is committed while it waits.
    const locker = await store.db.$client.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE cache_invalidations IN ACCESS EXCLUSIVE MODE');
      const running = feed.poll();
      await new Promise((r) => setTimeout(r, 100));
      const second = feed.poll();
      const third = feed.poll();
      expect(third).toBe(second);
      expect(second).not.toBe(running);
      await locker.query("INSERT INTO cache_invalidations (tags, origin) VALUES ('article:meanwhile', 'A')");
      await locker.query('COMMIT');
      const counts = [await running, await second];
      expect(counts[0] + counts[1]).toBe(1);
    } finally {
      locker.release();
    }
    expect(applied).toEqual([['article:meanwhile']]);
    feed.close();
  });

  it('opens its connection again after losing it, and misses nothing written meanwhile', async () => {
    const applied: string[][] = [];
    const feed = pgInvalidationFeed({ url: store.url, origin: 'B', apply: (tags) => applied.push(tags) });
    await feed.poll();
    // The database ends the feed's session (a restart, a failover, an administrator).
    const { rows } = await store.db.$client.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'errata invalidation feed' AND datname = current_database()) AS ended");
    expect(rows[0].n).toBe(1);
    await recordPg(store.db.$client, 'A', ['article:while-away']);
    let polls = 0;
    await until(5000, () => {
      if (applied.length === 0 && polls < 20) {
        polls += 1;
        void feed.poll();
      }
      return applied.length > 0;
    });
    expect(applied).toEqual([['article:while-away']]);
    feed.close();
  });

  it('answers 0, never throws, when the database cannot be reached', async () => {
    const url = new URL(store.url);
    url.port = '1';
    const feed = pgInvalidationFeed({ url: url.toString(), origin: 'B', apply: () => {}, timeoutMs: 500 });
    await expect(feed.poll()).resolves.toBe(0);
    await expect(feed.poll()).resolves.toBe(0);
    feed.close();
    await expect(feed.poll()).resolves.toBe(0);
  });
});
