// Counting attempts in a sliding window, for sign-in throttling and reader-report limits.
import 'server-only';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '../index';
import { throttleEvents } from '../schema';

export function countRecentAttempts({ bucket, key, windowMs, now = Date.now() }: { bucket: string; key: string; windowMs: number; now?: number }): number {
  return (
    getDb()
      .select({ n: count() })
      .from(throttleEvents)
      .where(and(eq(throttleEvents.bucket, bucket), eq(throttleEvents.key, key), gte(throttleEvents.at, now - windowMs)))
      .get()?.n ?? 0
  );
}

export function recordAttempt({ bucket, key, now = Date.now() }: { bucket: string; key: string; now?: number }): void {
  const db = getDb();
  db.insert(throttleEvents).values({ bucket, key, at: now }).run();
  // Keep the table small: nothing older than a day matters to any limit.
  if (Math.random() < 0.01) db.delete(throttleEvents).where(lt(throttleEvents.at, now - 86_400_000)).run();
}
