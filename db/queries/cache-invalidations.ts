// The shared record of which cache tags each write expired, for the other app servers (see the table).
import 'server-only';
import { lte, sql } from 'drizzle-orm';
import { INVALIDATION_CHANNEL } from '../../scripts/support/shared-invalidations.mjs';
import { getDb } from '../index';
import { cacheInvalidations, onPostgres } from '../tables';
import { transaction } from '../store';

/** Rows kept: far more than any server falls behind between two polls (a quarter of a second apart). */
export const CACHE_INVALIDATIONS_KEEP = 10_000;

/**
 * Records that `origin` expired these tags; older rows past the newest CACHE_INVALIDATIONS_KEEP go in
 * the same transaction. On PostgreSQL the transaction also notifies INVALIDATION_CHANNEL, which
 * PostgreSQL delivers as it commits, so the other servers read the row at once instead of at their
 * next poll (scripts/support/shared-invalidations.mjs).
 */
export async function recordInvalidation({ tags, origin }: { tags: readonly string[]; origin: string }): Promise<number> {
  return await transaction(getDb(), async (tx) => {
    const row = (await tx.insert(cacheInvalidations).values({ tags: tags.join(' '), origin }).returning({ id: cacheInvalidations.id }))[0];
    await tx.delete(cacheInvalidations).where(lte(cacheInvalidations.id, row.id - CACHE_INVALIDATIONS_KEEP));
    if (onPostgres) await (tx as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> }).execute(sql`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${String(row.id)})`);
    return row.id;
  });
}

/**
 * Runs `write` and records the tags `tagsOf` names for its result in the same transaction: the write
 * and its invalidation commit together or not at all, so a change another server must hear of is
 * never committed without the row that tells it (a server killed, or its connection cut, between
 * two commits would leave the other servers serving the old record). No tags, no row.
 */
export async function writeWithInvalidation<T>(
  write: () => Promise<T>,
  tagsOf: (result: T) => Promise<readonly string[]>,
  origin: string,
  /**
   * Called with the tags when the write's body finished but its commit failed: a reply lost with
   * the connection leaves it unknown whether it committed. The other servers learn of it from the
   * feed if it did; this one skips its own rows there, so it is told here and expires them anyway
   * (expiring what did not change costs a render, keeping what did would show it for a day).
   */
  uncertain?: (tags: string[]) => void,
): Promise<{ result: T; tags: string[] }> {
  let recorded: string[] = [];
  try {
    return await transaction(getDb(), async () => {
      const result = await write();
      const tags = [...(await tagsOf(result))];
      if (tags.length > 0) await recordInvalidation({ tags, origin });
      recorded = tags;
      return { result, tags };
    });
  } catch (error) {
    if (recorded.length > 0) uncertain?.(recorded);
    throw error;
  }
}
