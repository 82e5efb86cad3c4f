// PostgreSQL's write transactions take one advisory lock first (db/store.ts PG_WRITE_LOCK_KEY), the
// single-writer discipline SQLite's BEGIN IMMEDIATE gives: a read-then-write in one transaction reads
// what the last one committed, on every pool client (every app server) alike. Shown here with a
// count-then-insert, the shape of a save from its base version or a rate limit's count and record;
// and shown to be the lock that does it, since the same transactions run `concurrent` collide.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttleEvents } from './schema';
import { transaction } from '../store';
import type { Tx } from '../queries/types';
import { createPgTestDatabase, type PgTestDatabase } from './test-support';

let first: PgTestDatabase;
let second: Awaited<ReturnType<typeof import('./connection').openPgDatabase>>;

beforeAll(async () => {
  first = await createPgTestDatabase();
  const { openPgDatabase } = await import('./connection');
  // A second pool on the same database: another app server.
  second = await openPgDatabase(first.url, { migrate: false, max: 4 });
}, 60_000);

afterAll(async () => {
  await second.$client.end();
  await first.drop();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts the bucket's rows, waits (so the transactions overlap), then records the count it read. */
async function countThenInsert(db: Tx, bucket: string, concurrent: boolean): Promise<void> {
  await transaction(
    db,
    async (tx) => {
      const rows: { n: number }[] = await tx.select({ n: count() }).from(throttleEvents as never).where(eq(throttleEvents.bucket as never, bucket));
      const seen = rows[0]?.n ?? 0;
      await pause(15);
      await tx.insert(throttleEvents as never).values({ bucket, key: 'k', at: Number(seen) } as never);
    },
    { concurrent },
  );
}

async function recorded(bucket: string): Promise<number[]> {
  const rows = await first.db.select({ at: throttleEvents.at }).from(throttleEvents).where(and(eq(throttleEvents.bucket, bucket), eq(throttleEvents.key, 'k')));
  return rows.map((r) => r.at).sort((a, b) => a - b);
}

describe('write transactions on PostgreSQL', () => {
  it('run one at a time across pools: ten overlapping count-then-inserts each read the last one’s row', async () => {
    const pools = [first.db, second] as unknown as Tx[];
    await Promise.all(Array.from({ length: 10 }, (_, i) => countThenInsert(pools[i % 2], 'locked', false)));
    expect(await recorded('locked')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('without the lock (concurrent) the same transactions read the same count: the lock is what orders them', async () => {
    const pools = [first.db, second] as unknown as Tx[];
    await Promise.all(Array.from({ length: 10 }, (_, i) => countThenInsert(pools[i % 2], 'unlocked', true)));
    const seen = await recorded('unlocked');
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBeLessThan(10);
  });

  it('is released when a transaction fails, so the next writer goes on', async () => {
    await expect(
      transaction(first.db as unknown as Tx, async () => {
        throw new Error('refused half way');
      }),
    ).rejects.toThrow('refused half way');
    await countThenInsert(second as unknown as Tx, 'after-failure', false);
    expect(await recorded('after-failure')).toEqual([0]);
  });
});
