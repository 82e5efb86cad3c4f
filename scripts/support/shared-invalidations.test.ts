// The feed that carries one app server's invalidations to the others on the same SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/connection';
import { cacheInvalidations } from '../../db/tables';
import { expireLocally, sqliteInvalidationFeed } from './shared-invalidations.mjs';

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
