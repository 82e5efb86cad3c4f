// Counting attempts in a sliding window, for sign-in throttling and reader-report limits.
import 'server-only';
import { and, count, desc, eq, gte, inArray, lt, max } from 'drizzle-orm';
import { getDb } from '../index';
import { transaction } from '../store';
import { throttleEvents } from '../tables';

/**
 * Runs a limit's counts and the records they allow as one write transaction, so two requests at
 * the same moment, through one server or several, cannot both read "one left" and both record: the
 * second counts the first's attempt (SQLite: BEGIN IMMEDIATE; PostgreSQL: the write lock db/store.ts
 * takes first).
 */
export function countThenRecord<T>(fn: () => Promise<T>): Promise<T> {
  return transaction(getDb(), () => fn());
}

export async function countRecentAttempts({ bucket, key, windowMs, now = Date.now() }: { bucket: string; key: string; windowMs: number; now?: number }): Promise<number> {
  return (
    (await getDb()
      .select({ n: count() })
      .from(throttleEvents)
      .where(and(eq(throttleEvents.bucket, bucket), eq(throttleEvents.key, key), gte(throttleEvents.at, now - windowMs))).limit(1))[0]?.n ?? 0
  );
}

export async function recordAttempt({ bucket, key, now = Date.now() }: { bucket: string; key: string; now?: number }): Promise<void> {
  const db = getDb();
  await db.insert(throttleEvents).values({ bucket, key, at: now });
  // Keep the table small: nothing older than a day matters to any limit.
  if (Math.random() < 0.01) await db.delete(throttleEvents).where(lt(throttleEvents.at, now - 86_400_000));
}

/** Records one attempt in each bucket and returns their ids (a reservation that releaseAttempts can take back). */
export async function reserveAttempts(buckets: readonly { bucket: string; key: string }[], now = Date.now()): Promise<number[]> {
  if (buckets.length === 0) return [];
  return (await getDb().insert(throttleEvents).values(buckets.map(({ bucket, key }) => ({ bucket, key, at: now }))).returning({ id: throttleEvents.id })).map((r) => r.id);
}

/** Takes back a reservation's attempts (an attempt that turned out not to count: a sign-in that succeeded). */
export async function releaseAttempts(ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await getDb().delete(throttleEvents).where(inArray(throttleEvents.id, [...ids]));
}

/** The busiest keys of one bucket in the window, for the audit page: a bounded summary of what was only counted. */
export async function listRecentCounts({ bucket, windowMs, limit = 20, now = Date.now() }: { bucket: string; windowMs: number; limit?: number; now?: number }): Promise<{ key: string; count: number; last: number }[]> {
  return (await getDb()
    .select({ key: throttleEvents.key, count: count(), last: max(throttleEvents.at) })
    .from(throttleEvents)
    .where(and(eq(throttleEvents.bucket, bucket), gte(throttleEvents.at, now - windowMs)))
    .groupBy(throttleEvents.key)
    .orderBy(desc(count()))
    .limit(limit))
    .map((r) => ({ key: r.key, count: r.count, last: r.last ?? 0 }));
}
